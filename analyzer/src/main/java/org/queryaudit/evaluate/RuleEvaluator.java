package org.queryaudit.evaluate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.queryaudit.classify.AccessAgreements;
import org.queryaudit.classify.EventFacts;
import org.queryaudit.classify.Pathway;
import org.queryaudit.reference.UsStates;
import org.queryaudit.tag.PurposeReading;
import org.queryaudit.classify.RequesterClasses;

/**
 * Decides which rules of the owner's state one query broke. Pure logic: the Spark stage
 * calls it once per event with the rules already in memory.
 */
public final class RuleEvaluator implements Serializable {
    /** Rules by owner state (in state order, for a broadcast's findings), then data kind (two look-ups: a joined key cost a string per event). */
    private final Map<String, Map<String, List<Rule>>> byStateAndData = new java.util.TreeMap<>();
    private final LegalProcess legalProcess;
    private final AccessAgreements agreements;
    private final UsStates states;

    public RuleEvaluator(RuleBook book, LegalProcess legalProcess) {
        this(book, legalProcess, AccessAgreements.NONE, UsStates.shipped());
    }

    public RuleEvaluator(RuleBook book, LegalProcess legalProcess, AccessAgreements agreements, UsStates states) {
        for (Rule r : book.rules()) {
            byStateAndData.computeIfAbsent(r.state(), k -> new HashMap<>()).computeIfAbsent(r.data(), k -> new ArrayList<>()).add(r);
        }
        this.legalProcess = legalProcess;
        this.agreements = agreements;
        this.states = states;
    }

    public List<Finding> evaluate(EventFacts f) {
        if (f.broadcast()) {
            return broadcast(f);
        }
        return evaluateOwn(f, true);
    }

    /**
     * A multi-state broadcast reaches every member state's records (Nlets copies a DQ, RQ or IQ
     * sent to NL to every state that takes it): it is checked against each state whose rules
     * cover the data, dated by that state's calendar; each finding is that state's (its owner
     * columns name the state's repository) and names the broadcast as the way in. A
     * state's documentation duties (a stated reason on every query) bind the users of its own
     * switch: another state's agency whose broadcast reaches it is not held to them.
     */
    private List<Finding> broadcast(EventFacts f) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Rule>>> e : byStateAndData.entrySet()) {
            if (!e.getValue().containsKey(f.dataKind())) {
                continue;
            }
            String state = e.getKey();
            java.time.LocalDate day = f.occurredAt() == null ? f.localDate()
                    : f.occurredAt().atZone(java.time.ZoneId.of(states.zoneOf(state))).toLocalDate();
            EventFacts member = f.forMember(state, states.nameOf(state), day);
            AccessAgreements.Access access = Pathway.access(member, agreements);
            // Each finding belongs to the state whose records were reached, and names the broadcast as the way in.
            String repository = org.queryaudit.model.QueryEvent.nletsRepository(states.nameOf(state), state);
            for (Finding found : evaluateOwn(access == null ? member : member.withAccess(access), state.equals(f.requesterState()))) {
                out.add(found.reachedThrough(repository, state, f.ownerAgency()));
            }
        }
        return out;
    }

    private List<Finding> evaluateOwn(EventFacts f, boolean documentationDuties) {
        Map<String, List<Rule>> ofState = byStateAndData.get(f.ownerState());
        List<Rule> rules = ofState == null ? null : ofState.get(f.dataKind());
        if (rules == null) {
            return List.of();
        }
        List<String> own = RequesterClasses.own(f);
        List<String> beneficiaries = RequesterClasses.beneficiaries(f);
        // Read once per event, and only for an event that breaks a rule: most break none.
        String process = null;
        boolean processRead = false;
        List<Finding> out = new ArrayList<>();
        for (Rule r : rules) {
            if (!inForce(r, f)) {
                continue;
            }
            if (r.afterAgreementEnd() && (f.access() == null || !f.access().ended())) {
                continue;
            }
            if (!documentationDuties && documentation(r)) {
                continue;
            }
            if (!r.components().isEmpty() && (f.component() == null || !r.components().contains(f.component()))) {
                continue;
            }
            String ownClass = firstOverlap(r.requesters(), own);
            String sideClass = r.sideDoor() ? firstOverlap(r.requesters(), beneficiaries) : null;
            String cls = ownClass != null ? ownClass : sideClass;
            if (cls == null) {
                continue;
            }
            boolean viaSide = ownClass == null || (RequesterClasses.ANY.equals(ownClass) && !beneficiaries.isEmpty());
            String purposeBasis = purpose(r, f, viaSide);
            if (purposeBasis == null) {
                continue;
            }
            if (!processRead) {
                process = legalProcess.kindOf(f.legalProcess(), f.reason());
                processRead = true;
            }
            // Only the requester's own class can rest on a weak reading of its name; a side-door class is the reason's.
            String doubt = ClassEvidence.doubt(ownClass != null && !viaSide ? ownClass : null, f.requesterState(), f.stateBasis(),
                    f.stateAlternative(), f.ownerState());
            if (doubt == null && NOT_STATED.equals(purposeBasis)) {
                doubt = purposeDoubt(r, f);
            }
            out.add(finding(r, f, cls, viaSide, purposeBasis, process, doubt));
        }
        return out;
    }

    private static boolean inForce(Rule r, EventFacts f) {
        if (f.localDate() == null) {
            return false;
        }
        return (r.effectiveFrom() == null || !f.localDate().isBefore(r.effectiveFrom()))
                && (r.effectiveTo() == null || f.localDate().isBefore(r.effectiveTo()));
    }

    /** The purpose basis of a finding to review: an immigration agency is involved, and the reason does not say what for. */
    static final String NOT_STATED = "not stated";

    /**
     * How the rule's purpose is met, or null when it is not: "any", "stated", "presumed", "side
     * door", "reason", or {@link #NOT_STATED} (listed for review, never a violation). A rule on an
     * immigration purpose is met by a purpose the reason states and the rule's definition covers,
     * or by the pack's presumption for a component (the requester's, or one the reason names)
     * where the reason states no purpose. An immigration agency asking or assisted with no purpose
     * stated is for a person to read; another offence stated is no immigration enforcement.
     */
    private static String purpose(Rule r, EventFacts f, boolean viaSide) {
        if (r.purposes().contains("any")) {
            return viaSide ? "side door" : "any";
        }
        if (r.purposes().contains("immigration")) {
            PurposeReading p = f.reading();
            if (r.definition().covers(p.purpose())) {
                return viaSide && !f.immigrationAgency() ? "side door" : "stated";
            }
            Presumption presumed = presumption(r, f);
            if (r.definition().partly(p.purpose())) {
                // "IMMIGRATION" from a component the pack presumes to enforce the kind it bars (ICE-ERO: civil).
                return presumed != null ? "presumed" : NOT_STATED;
            }
            boolean stated = !PurposeReading.NOT_STATED.equals(p.purpose());
            if (presumed != null && !stated) {
                return "presumed";
            }
            if (!p.immigration() && (presumed != null || (!stated && (f.immigrationAgency() || p.immigrationAgencyNamed())))) {
                return NOT_STATED;
            }
        }
        if (r.purposes().contains("missing_reason") && f.tagged("missing_reason")) {
            return "reason";
        }
        if (r.purposes().contains("vague_reason") && f.tagged("vague_reason")) {
            return "reason";
        }
        return null;
    }

    /** A component the pack presumes to act for immigration enforcement, and whether it is the requester or named in the reason. */
    private record Presumption(String component, boolean requester) {
    }

    private static Presumption presumption(Rule r, EventFacts f) {
        if (f.component() != null && r.presumedFor().contains(f.component())) {
            return new Presumption(f.component(), true);
        }
        for (String b : f.reading().beneficiaries()) {
            if (r.presumedFor().contains(b)) {
                return new Presumption(b, false);
            }
        }
        return null;
    }

    /** Why a finding on an immigration purpose waits for a person: who is involved, and what the reason says. */
    private static String purposeDoubt(Rule r, EventFacts f) {
        PurposeReading p = f.reading();
        Presumption presumed = presumption(r, f);
        String who = presumed != null ? (presumed.requester() ? "the requester is " : "the reason names ") + presumed.component()
                : f.immigrationAgency() ? "the requester is " + (f.component() == null ? "an immigration agency" : f.component())
                : String.join(" and ", p.beneficiaries()) + " named";
        if (r.definition().partly(p.purpose())) {
            return "the reason states immigration enforcement (" + stated(p) + ") without saying civil or criminal; this law bars "
                    + PurposeReading.words(r.definition().covers().get(0)) + " only";
        }
        if (PurposeReading.OTHER_OFFENCE.equals(p.purpose())) {
            return who + ", but its reason states another offence (" + stated(p) + "), which rebuts the presumption of"
                    + " immigration enforcement";
        }
        return who + "; purpose not stated";
    }

    /** The text a purpose was read from ("narcotics"), from its evidence. */
    private static String stated(PurposeReading p) {
        String e = p.evidence();
        int q = e == null ? -1 : e.indexOf("=\"");
        return q < 0 ? PurposeReading.words(p.purpose()) : "'" + e.substring(q + 2, e.length() - 1) + "'";
    }

    private static String firstOverlap(List<String> ruleClasses, List<String> eventClasses) {
        for (String c : ruleClasses) {
            if (eventClasses.contains(c)) {
                return c;
            }
        }
        return null;
    }

    private static Finding finding(Rule r, EventFacts f, String cls, boolean viaSide, String purposeBasis, String process,
                                   String doubt) {
        boolean unlocked = process != null && r.unlockedBy().contains(process);
        boolean documentation = documentation(r);
        String severity;
        if (doubt != null) {
            severity = Finding.REVIEW;
        } else if (unlocked) {
            severity = Finding.VERIFY;
        } else if (r.revocation()) {
            severity = "critical";
        } else if (f.immigrationAgency() || f.tagged("immigration")) {
            severity = "high";
        } else if (documentation) {
            severity = "low";
        } else {
            severity = "medium";
        }
        StringBuilder s = new StringBuilder();
        if (doubt != null) {
            s.append("Review before treating this as a finding: ").append(doubt).append(". ");
        }
        String who = f.requesterName() == null && f.component() != null
                ? f.requesterDisplay() + " (" + f.component() + ")" : f.requesterDisplay();
        if ("alpr".equals(r.data())) {
            s.append(who).append(" searched ").append(f.ownerAgency()).append("'s ALPR data");
        } else {
            s.append(who).append(" queried the driver and vehicle records of ").append(f.ownerAgency());
        }
        if (viaSide && f.reason() != null) {
            s.append(" for ").append(RequesterClasses.label(sideLabel(f))).append(" (its reason: '")
                    .append(clip(f.reason())).append("')");
        } else if ("stated".equals(purposeBasis)) {
            s.append(" for ").append(PurposeReading.words(f.reading().purpose())).append(" (its reason: '").append(clip(f.reason()))
                    .append("')");
        }
        s.append(" on ").append(f.localDate()).append("; ");
        s.append(r.because().replace("{class}", RequesterClasses.label(cls)));
        s.append(" (").append(r.cite()).append(").");
        String confidence = r.confidence();
        if (r.afterAgreementEnd()) {
            AccessAgreements.Agreement a = f.access().agreement();
            s.append(" The agreement ").append(a.id()).append(" (").append(a.authority()).append(") ended on ").append(a.end())
                    .append(": ").append(a.termination()).append(". Source: ").append(a.source()).append('.');
            if (rank(a.confidence()) < rank(confidence)) {
                confidence = a.confidence();
                s.append(" The agreement's record is of ").append(a.confidence()).append(" confidence")
                        .append(a.note() == null ? "." : ": " + a.note());
            }
        }
        if ("presumed".equals(purposeBasis)) {
            Presumption p = presumption(r, f);
            if (r.definition().partly(f.reading().purpose())) {
                s.append(" The reason states immigration enforcement (").append(stated(f.reading()))
                        .append(") without saying civil or criminal; it is presumed to be ")
                        .append(PurposeReading.words(r.definition().covers().get(0))).append(" because ");
            } else {
                s.append(" The reason does not say; the purpose is presumed to be immigration enforcement because ");
            }
            s.append(p.requester() ? "the requester is " : "the reason names ").append(p.component()).append('.');
        } else if (r.purposes().contains("any") && PurposeReading.OTHER_OFFENCE.equals(f.reading().purpose())
                && (f.immigrationAgency() || f.reading().immigrationAgencyNamed())) {
            s.append(" Its reason states another offence (").append(stated(f.reading()))
                    .append("); this law bars the access whatever the purpose.");
        }
        if (unlocked) {
            s.append(" The log shows legal process (").append(process.replace('_', ' '))
                    .append(") that this rule accepts: verify it before treating this as a violation.");
        } else if (LegalProcess.ADMINISTRATIVE.equals(process)) {
            s.append(" The legal process shown is an administrative warrant or detainer, which this rule does not accept.");
        }
        if ("policy".equals(r.status())) {
            s.append(" This is an agency policy, not a statute.");
        }
        if (!"high".equals(r.confidence())) {
            s.append(" Rule confidence ").append(r.confidence()).append(r.note() == null ? "." : ": " + r.note());
        }
        return new Finding(r.id(), r.citation(), severity, confidence, r.status(),
                "any".equals(purposeBasis) ? null : purposeBasis, process, r.notice(), s.toString(), null, null, null);
    }

    /** A rule about the query's documentation (its stated reason), not about who may see the data. */
    private static boolean documentation(Rule r) {
        return r.purposes().stream().allMatch(p -> p.equals("missing_reason") || p.equals("vague_reason"));
    }

    private static int rank(String confidence) {
        return switch (confidence) {
            case "high" -> 2;
            case "medium" -> 1;
            default -> 0;
        };
    }

    private static String sideLabel(EventFacts f) {
        if (f.tagged("immigration")) {
            return RequesterClasses.FEDERAL_IMMIGRATION;
        }
        if (f.tagged("federal_assist")) {
            return RequesterClasses.FEDERAL_ANY;
        }
        return RequesterClasses.OUT_OF_STATE;
    }

    private static String clip(String reason) {
        String r = reason.replaceAll("\\s+", " ").strip();
        return r.length() > 80 ? r.substring(0, 77) + "..." : r;
    }
}
