package org.queryaudit.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queryaudit.classify.EventFacts;

/** The cases, one event at a time, against the shipped rule packs. */
class RuleEvaluatorTest {
    private final RuleEvaluator evaluator = new RuleEvaluator(RuleBook.load(null), LegalProcess.shipped());
    private static final org.queryaudit.tag.ReasonTagger TAGGER = new org.queryaudit.tag.ReasonTagger(
            org.queryaudit.tag.TagRules.shipped(), org.queryaudit.reference.UsStates.shipped());

    /** The facts with the reason read as the event pass reads it: who is assisted and what for. */
    static EventFacts read(EventFacts f) {
        return f.withReading(TAGGER.tag(f.reason(), null, null, f.ownerState(), List.of()).reading());
    }

    static EventFacts alpr(String owner, String ownerState, String date, String requester, String level, String reqState,
                           String component, boolean immigration, List<String> tags, String reason) {
        return read(new EventFacts(owner, ownerState, "ALPR", LocalDate.parse(date), requester, null, level, reqState, component,
                immigration, tags, reason, null, null, "directory name", "gazetteer: written for the test", null));
    }

    static EventFacts nlets(String date, String ori, String component, boolean immigration, List<String> tags, String reason) {
        return read(new EventFacts("Washington (Nlets WA)", "WA", "NLETS", LocalDate.parse(date), null, ori, "federal", "WA",
                component, immigration, tags, reason, null, null, "directory name", "gazetteer: written for the test", null));
    }

    static EventFacts nyDmv(String legalProcess) {
        return read(new EventFacts("NY DMV", "NY", "DMV_PORTAL", LocalDate.parse("2025-10-09"), "Immigration and Customs Enforcement",
                "NYICE0200", "federal", "NY", "ICE-ERO", true, List.of(), "investigation", legalProcess, null, "directory name", "ORI: written for the test", null));
    }

    List<String> ids(EventFacts f) {
        return evaluator.evaluate(f).stream().map(Finding::ruleId).sorted().toList();
    }

    @Test
    void borderPatrolOnACaliforniaNetwork() {
        List<Finding> f = evaluator.evaluate(alpr("Los Altos CA PD", "CA", "2025-09-03", "U.S. Border Patrol", "federal", null,
                "CBP-USBP", true, List.of("immigration"), "immigration enforcement"));
        assertEquals(1, f.size());
        assertEquals("CA-ALPR-SB34", f.get(0).ruleId());
        assertEquals("high", f.get(0).severity(), "immigration-related");
        assertTrue(f.get(0).explanation().startsWith("U.S. Border Patrol searched Los Altos CA PD's ALPR data"), f.get(0).explanation());
        assertTrue(f.get(0).explanation().contains("California law bars sharing ALPR data with federal agencies (Civ. Code 1798.90.55(b))"));
    }

    @Test
    void outOfStateAndInStateOnBehalfOfTheMarshals() {
        List<Finding> fw = evaluator.evaluate(alpr("Los Altos CA PD", "CA", "2025-09-09", "Federal Way WA PD", "local", "WA", null,
                false, List.of(), "stolen vehicle"));
        assertEquals("medium", fw.get(0).severity());
        assertTrue(fw.get(0).explanation().contains("out-of-state agencies"), fw.get(0).explanation());
        List<Finding> mv = evaluator.evaluate(alpr("Los Altos CA PD", "CA", "2025-09-11", "Mountain View CA PD", "local", "CA", null,
                false, List.of("federal_assist"), "assist US Marshals fugitive task force"));
        assertEquals(1, mv.size());
        assertEquals("side door", mv.get(0).purposeBasis());
        assertTrue(mv.get(0).explanation().contains("for federal agencies (its reason: 'assist US Marshals fugitive task force')"));
        assertEquals(List.of(), ids(alpr("Los Altos CA PD", "CA", "2025-09-11", "Palo Alto CA PD", "local", "CA", null, false,
                List.of("vague_reason"), "investigation")), "in state, no federal purpose");
    }

    /** As the event pass does it: the access agreements decide the door of a federal DMV query. */
    private final org.queryaudit.classify.AccessAgreements agreements = org.queryaudit.classify.AccessAgreements.shipped();
    private final RuleEvaluator withAgreements = new RuleEvaluator(RuleBook.load(null), LegalProcess.shipped(), agreements,
            org.queryaudit.reference.UsStates.shipped());

    private EventFacts classified(EventFacts f) {
        var access = org.queryaudit.classify.Pathway.access(f, agreements);
        return access == null ? f : f.withAccess(access);
    }

    private List<String> agreed(EventFacts f) {
        return withAgreements.evaluate(classified(f)).stream().map(Finding::ruleId).sorted().toList();
    }

    /** The findings that are violations, not listed for a person to review. */
    private List<String> violations(EventFacts f) {
        return withAgreements.evaluate(classified(f)).stream().filter(x -> !Finding.REVIEW.equals(x.severity()))
                .map(Finding::ruleId).sorted().toList();
    }

    private List<Finding> reviewed(EventFacts f) {
        return withAgreements.evaluate(classified(f)).stream().filter(x -> Finding.REVIEW.equals(x.severity())).toList();
    }

    @Test
    void washingtonIceBeforeAndAfterTheCutOffAndCbp() {
        EventFacts before = classified(nlets("2025-11-18", "WAICE0800", "ICE-ERO", true, List.of("missing_reason"), null));
        assertEquals(List.of("front_door", "WA-ACCESS-ICE"), List.of(before.pathway(), before.access().agreement().id()));
        assertEquals(List.of("WA-ACCESS-IMMIGRATION", "WA-DOL-KWW"), agreed(before));
        EventFacts on = classified(nlets("2025-11-19", "WAICE0800", "ICE-ERO", true, List.of("missing_reason"), null));
        assertEquals("back_door", on.pathway(), "the cut-off's own day is after it");
        List<Finding> after = withAgreements.evaluate(on);
        assertEquals(3, after.size());
        Finding cutoff = after.stream().filter(x -> x.ruleId().equals("WA-DOL-ACCESS-ENDED")).findFirst().orElseThrow();
        assertEquals("critical", cutoff.severity());
        assertTrue(cutoff.explanation().contains("access after revocation") && cutoff.explanation().contains("agency policy, not a statute")
                && cutoff.explanation().contains("The agreement WA-ACCESS-ICE") && cutoff.explanation().contains("ended on 2025-11-19"),
                cutoff.explanation());
        EventFacts hsi = nlets("2025-11-24", "WAHSI0100", "ICE-HSI", true, List.of(), "CRIMINAL INVESTIGATION");
        assertEquals(List.of("WA-DOL-ACCESS-ENDED"), violations(hsi), "HSI's access through Nlets ended with ICE's, whatever its reason");
        List<Finding> doubt = reviewed(hsi);
        assertEquals(List.of("WA-ACCESS-IMMIGRATION", "WA-DOL-KWW"), doubt.stream().map(Finding::ruleId).sorted().toList(),
                "HSI asking with no purpose stated: Washington's purpose-based rules wait for a person");
        assertTrue(doubt.stream().allMatch(x -> "not stated".equals(x.purposeBasis())), doubt.toString());
        EventFacts cbp = classified(nlets("2025-11-21", "WACBP0300", "CBP", true, List.of(), "BORDER CROSSING"));
        assertEquals(List.of("front_door", "WA-ACCESS-CBP"), List.of(cbp.pathway(), cbp.access().agreement().id()));
        assertEquals(List.of(), violations(cbp), "CBP kept access, and its reason states no immigration purpose");
        assertTrue(reviewed(cbp).stream().allMatch(x -> x.explanation().contains("the requester is CBP; purpose not stated")),
                reviewed(cbp).toString());
        assertEquals(List.of("WA-ACCESS-IMMIGRATION", "WA-DOL-KWW"),
                agreed(nlets("2025-11-21", "WACBP0300", "CBP", true, List.of("immigration"), "IMMIGRATION STATUS")));
        EventFacts fbi = classified(nlets("2025-11-18", "WAFBI0000", "FBI", false, List.of(), "FUGITIVE"));
        assertEquals("back_door", fbi.pathway(), "a federal party with no agreement on file");
        assertEquals(null, fbi.access().agreement());
        assertEquals(List.of(), agreed(fbi));
        assertEquals(null, org.queryaudit.classify.Pathway.access(nyDmv(null), agreements), "no agreements listed for New York: not known");
    }

    @Test
    void anAgreementOfLowerConfidenceLowersTheFinding() {
        EventFacts daps = read(new EventFacts("Washington DOL (DAPS)", "WA", "DMV_PORTAL", LocalDate.parse("2025-09-02"), null, "WAHSI0100",
                "federal", "WA", "ICE-HSI", true, List.of(), "smuggling", null, null, "directory ORI", null, null));
        Finding f = withAgreements.evaluate(classified(daps)).stream().filter(x -> x.ruleId().equals("WA-DOL-ACCESS-ENDED"))
                .findFirst().orElseThrow();
        assertEquals("medium", f.confidence(), "the DAPS revocation's day rests on one outlet");
        assertTrue(f.explanation().contains("WA-DAPS-HSI") && f.explanation().contains("ended on 2025-08-27"), f.explanation());
        EventFacts viaNlets = read(new EventFacts("Washington (Nlets WA)", "WA", "NLETS", LocalDate.parse("2025-09-02"), null, "WAHSI0100",
                "federal", "WA", "ICE-HSI", true, List.of(), "smuggling", null, null, "directory ORI", null, null));
        assertEquals(List.of(), violations(viaNlets), "HSI still had Nlets access in September: the portal's end is not the switch's");
    }

    /** A broadcast (NL) reaches every state: each member's rules, by its own calendar day. */
    static EventFacts broadcast(String at, String ori, String level, String reqState, String component, boolean immigration,
                                List<String> tags, String reason) {
        java.time.Instant t = java.time.Instant.parse(at);
        return read(new EventFacts("Nlets multi-state broadcast (NL)", "NL", "NLETS", t.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                null, ori, level, reqState, component, immigration, tags, reason, null, "share_unknown", "directory ORI", null, null,
                "dmv", t, null, null, null));
    }

    @Test
    void aBroadcastIsCheckedAgainstEveryMemberStateOnItsOwnDay() {
        // 07:30 UTC on 2025-11-19 is still the 18th in Washington: before ICE's cut-off there.
        List<Finding> early = withAgreements.evaluate(broadcast("2025-11-19T07:30:00Z", "WAICE0800", "federal", "WA", "ICE-ERO", true,
                List.of("immigration"), "IMMIGRATION"));
        List<String> ids = early.stream().map(Finding::ruleId).toList();
        assertTrue(ids.containsAll(List.of("WA-DOL-KWW", "NY-DMV-GREEN-LIGHT", "CA-DMV-SB54", "IL-DMV-6-110.3")), ids.toString());
        assertTrue(!ids.contains("WA-DOL-ACCESS-ENDED"), "Washington's day is the 18th");
        assertTrue(early.stream().allMatch(x -> x.explanation().contains("through an Nlets multi-state broadcast (NL)")),
                "each finding names the broadcast");
        assertTrue(withAgreements.evaluate(broadcast("2025-11-19T09:00:00Z", "WAICE0800", "federal", "WA", "ICE-ERO", true,
                List.of("immigration"), "IMMIGRATION")).stream().anyMatch(x -> x.ruleId().equals("WA-DOL-ACCESS-ENDED")),
                "01:00 on the 19th in Washington: after the cut-off");
        // A state's duty to state a reason binds its own switch's users, not another state's broadcasting agency.
        assertEquals(List.of(), withAgreements.evaluate(broadcast("2025-11-17T05:36:53Z", "WAWSP0000", "state", "WA", null, false,
                List.of("missing_reason"), null)).stream().map(Finding::ruleId).toList());
        assertEquals(List.of("CA-DMV-CLETS-REASON"), withAgreements.evaluate(broadcast("2025-11-17T05:36:53Z", "CA0190000", "local", "CA",
                null, false, List.of("missing_reason"), null)).stream().map(Finding::ruleId).toList());
    }

    @Test
    void newYorkWithAndWithoutAJudicialWarrant() {
        List<Finding> judicial = evaluator.evaluate(nyDmv("judicial warrant 1:25-mj-01234 (S.D.N.Y.)"));
        assertEquals("verify", judicial.get(0).severity());
        assertEquals("judicial_warrant", judicial.get(0).legalProcess());
        List<Finding> admin = evaluator.evaluate(nyDmv("ICE administrative warrant I-205"));
        assertEquals("high", admin.get(0).severity());
        assertEquals("administrative_warrant", admin.get(0).legalProcess());
        assertTrue(admin.get(0).explanation().contains("administrative warrant or detainer, which this rule does not accept"));
        assertEquals("high", evaluator.evaluate(nyDmv(null)).get(0).severity());
    }

    @Test
    void illinoisOutOfStateImmigrationAndTexas() {
        assertEquals(List.of("IL-ALPR-2-130"), ids(alpr("Mount Prospect IL PD", "IL", "2026-02-04", "Harris County TX SO", "local", "TX",
                null, false, List.of("immigration"), "Immigration (civil/administrative)")));
        assertEquals(List.of(), ids(alpr("Mount Prospect IL PD", "IL", "2026-02-10", "Dallas TX PD", "local", "TX", null, false,
                List.of(), "Wanted Person (Arrest Warrant/Fugitive)")));
        assertEquals(List.of(), ids(alpr("The Colony TX PD", "TX", "2025-11-05", "Immigration and Customs Enforcement [Federal]",
                "federal", null, "ICE-ERO", true, List.of("immigration"), "deportation case")), "Texas restricts nothing");
    }

    /** Issue 27, from reasons as officers write them: an Ohio agency searching an Illinois city's network. */
    private List<Finding> fromOhio(String reason) {
        return evaluator.evaluate(alpr("Mount Prospect IL PD", "IL", "2026-02-04", "Cincinnati OH PD", "local", "OH", null, false,
                TAGGER.tag(reason, null, null, "IL", List.of()).tags(), reason));
    }

    @Test
    void illinoisBarsTheImmigrationPurposeNotTheAgencysName() {
        for (String offence : List.of("HSI Narcotics Investigation", "Assist HSI child exploitation", "HSI Fraud Investigation",
                "assist HSI labor trafficking case")) {
            List<Finding> f = fromOhio(offence);
            assertTrue(f.stream().noneMatch(x -> x.ruleId().equals("IL-ALPR-2-130") && !Finding.REVIEW.equals(x.severity())),
                    offence + ": another offence stated is no immigration enforcement: " + f);
        }
        for (String bare : List.of("HSI Req", "Invest Support to HSI")) {
            Finding f = fromOhio(bare).stream().filter(x -> x.ruleId().equals("IL-ALPR-2-130")).findFirst().orElseThrow();
            assertEquals(Finding.REVIEW, f.severity(), bare);
            assertTrue(f.explanation().contains("ICE-HSI named; purpose not stated"), f.explanation());
        }
        for (String immigration : List.of("Drugs/immigration violations", "Immigration (civil/administrative) - ICE detainer",
                "Immigration (criminal) - 8 USC 1326 reentry", "ICE ERO removal")) {
            Finding f = fromOhio(immigration).stream().filter(x -> x.ruleId().equals("IL-ALPR-2-130")).findFirst().orElseThrow();
            assertEquals("high", f.severity(), immigration);
            assertEquals("stated", f.purposeBasis(), immigration);
        }
        assertTrue(fromOhio("Immigration (criminal) - 8 USC 1326 reentry").get(0).explanation()
                .contains("for criminal immigration enforcement (its reason: "));
    }

    @Test
    void californiaBarsEveryFederalAssistWhateverTheOffence() {
        for (String reason : List.of("HSI Narcotics Investigation", "Assist HSI child exploitation", "HSI Req")) {
            List<Finding> f = evaluator.evaluate(alpr("Los Altos CA PD", "CA", "2025-09-03", "Los Altos CA PD", "local", "CA", null, false,
                    TAGGER.tag(reason, null, null, "CA", List.of()).tags(), reason));
            assertEquals(List.of("CA-ALPR-SB34"), f.stream().map(Finding::ruleId).toList(), reason);
            assertTrue(!Finding.REVIEW.equals(f.get(0).severity()), reason);
        }
        Finding hsi = evaluator.evaluate(alpr("Los Altos CA PD", "CA", "2025-09-03", "Homeland Security Investigations", "federal", null,
                "ICE-HSI", true, List.of("immigration"), "HSI Narcotics Investigation")).get(0);
        assertEquals("CA-ALPR-SB34", hsi.ruleId());
        assertTrue(hsi.explanation().contains("Its reason states another offence ('Narcotics'); this law bars the access whatever the purpose."),
                hsi.explanation());
    }

    @Test
    void washingtonAccessReadsThePurposeToo() {
        for (String offence : List.of("HSI Narcotics Investigation", "HSI Fraud Investigation")) {
            assertEquals(List.of(), violations(nlets("2025-09-02", "WAHSI0100", "ICE-HSI", true, List.of("immigration"), offence)),
                    offence + ": HSI on a narcotics or fraud case, before its cut-off");
            assertTrue(reviewed(nlets("2025-09-02", "WAHSI0100", "ICE-HSI", true, List.of("immigration"), offence)).stream()
                    .allMatch(x -> x.explanation().contains("the requester is ICE-HSI")), offence);
        }
        assertEquals(List.of("WA-ACCESS-IMMIGRATION", "WA-DOL-KWW"),
                violations(nlets("2025-09-02", "WAHSI0100", "ICE-HSI", true, List.of("immigration"), "ICE detainer")));
        assertEquals(List.of("WA-ACCESS-IMMIGRATION", "WA-DOL-KWW"),
                violations(nlets("2025-09-02", "WAICE0800", "ICE-ERO", true, List.of("missing_reason"), null)),
                "ERO with no reason: the pack's presumption, as before");
        List<Finding> rebutted = reviewed(nlets("2025-09-02", "WAICE0800", "ICE-ERO", true, List.of(), "narcotics investigation"));
        assertEquals(List.of("WA-ACCESS-IMMIGRATION", "WA-DOL-KWW"), rebutted.stream().map(Finding::ruleId).sorted().toList(),
                "ERO stating another offence: the presumption is rebutted, for a person to read");
        assertTrue(rebutted.get(0).explanation().contains("which rebuts the presumption"), rebutted.get(0).explanation());
    }

    /** New Jersey's MVC rule covers civil immigration enforcement only: "IMMIGRATION" alone does not say which kind. */
    static EventFacts njPortal(String requester, String component, String reason) {
        return read(new EventFacts("NJ MVC", "NJ", "DMV_PORTAL", LocalDate.parse("2025-03-01"), requester, null, "federal", null,
                component, true, List.of("immigration"), reason, null, null, "directory name", null, null));
    }

    @Test
    void aCivilOnlyLawReadsTheKindOfImmigrationEnforcement() {
        Finding ero = evaluator.evaluate(njPortal("ICE ERO Newark", "ICE-ERO", "IMMIGRATION")).stream()
                .filter(x -> x.ruleId().equals("NJ-MVC-2019-C271")).findFirst().orElseThrow();
        assertEquals("presumed", ero.purposeBasis(), "ERO's removal work is civil: the pack presumes it");
        assertTrue(ero.explanation().contains("without saying civil or criminal; it is presumed to be civil immigration enforcement"
                + " because the requester is ICE-ERO"), ero.explanation());
        List<Finding> hsi = evaluator.evaluate(njPortal("HSI Newark", "ICE-HSI", "IMMIGRATION"));
        assertEquals(List.of("NJ-MVC-2019-C271"), hsi.stream().filter(x -> Finding.REVIEW.equals(x.severity())).map(Finding::ruleId)
                .distinct().toList(), "HSI's immigration case may be criminal, which this law leaves alone: to review");
        assertTrue(hsi.stream().filter(x -> x.ruleId().equals("NJ-MVC-2019-C271")).allMatch(x -> x.explanation()
                .contains("this law bars civil immigration enforcement only")), hsi.toString());
        assertEquals(List.of("NJ-MVC-2019-C271"), violations(njPortal("HSI Newark", "ICE-HSI", "ICE detainer")).stream().distinct()
                .filter(id -> id.equals("NJ-MVC-2019-C271")).toList(), "a detainer says civil");
        assertTrue(violations(njPortal("HSI Newark", "ICE-HSI", "8 USC 1326 reentry")).stream()
                .noneMatch(id -> id.equals("NJ-MVC-2019-C271")), "criminal reentry is not civil enforcement");
    }

    @Test
    void lowConfidenceRulesSaySo() {
        EventFacts nj = new EventFacts("NJ MVC", "NJ", "DMV_PORTAL", LocalDate.parse("2025-03-01"), "ICE", null, "federal", null,
                "ICE-ERO", true, List.of(), null, null, null, "directory name", null, null);
        Finding f = evaluator.evaluate(nj).get(0);
        assertEquals("low", f.confidence());
        assertTrue(f.explanation().contains("Rule confidence low"), f.explanation());
    }

    @Test
    void rulesAreNotAppliedBeforeTheyTookEffect() {
        assertEquals(List.of(), ids(alpr("Portland OR PD", "OR", "2026-03-30", "U.S. Border Patrol", "federal", null, "CBP-USBP",
                true, List.of(), "lookup")), "OR SB 1516 took effect 2026-03-31");
        assertEquals(List.of("OR-ALPR-SB1516"), ids(alpr("Portland OR PD", "OR", "2026-03-31", "U.S. Border Patrol", "federal", null,
                "CBP-USBP", true, List.of(), "lookup")));
    }
}
