package org.queryaudit.tag;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queryaudit.reference.UsStates;

/**
 * Tags why a query was made, from its reason, case number and offense type, with the
 * patterns of {@link TagRules}. Patterns compile once per instance; a pattern runs only on
 * text that holds one of its triggers; results repeat for repeated reasons (bounded cache).
 * One instance per task: not thread-safe.
 */
public final class ReasonTagger implements Serializable {
    private static final int CACHE_LIMIT = 50_000;
    private final TagRules rules;
    private final UsStates states;
    private transient List<Compiled> compiled;
    private transient List<Compiled> offences;
    private transient Map<Key, Tagging> cache;
    private transient OtherStateAgencies otherStates;
    private transient Map<String, FieldTriggers> fieldTriggers;

    private record Compiled(TagPattern p, Pattern regex, List<Pattern> unless) {
    }

    private record Key(String reason, String caseNumber, String offense, String ownerState, boolean reasonRedacted,
                       boolean caseRedacted) {
    }

    public ReasonTagger(TagRules rules, UsStates states) {
        this.rules = rules;
        this.states = states;
    }

    private void compile() {
        if (compiled != null) {
            return;
        }
        offences = compiled(rules.offences());
        cache = new HashMap<>();
        fieldTriggers = new HashMap<>();
        otherStates = rules.otherState() == null ? null : new OtherStateAgencies(rules.otherState(), states);
        compiled = compiled(rules.patterns());
    }

    private static List<Compiled> compiled(List<TagPattern> patterns) {
        List<Compiled> list = new ArrayList<>();
        for (TagPattern p : patterns) {
            List<Pattern> unless = new ArrayList<>();
            p.unless().forEach(u -> unless.add(Pattern.compile(u, Pattern.CASE_INSENSITIVE)));
            list.add(new Compiled(p, Pattern.compile(p.regex(), Pattern.CASE_INSENSITIVE), unless));
        }
        return list;
    }

    /**
     * @param redacted canonical columns whose cell was a redaction marker (never tagged as text)
     */
    public Tagging tag(String reason, String caseNumber, String offenseType, String ownerState, List<String> redacted) {
        compile();
        boolean reasonRedacted = redacted != null && redacted.contains("reason");
        boolean caseRedacted = redacted != null && redacted.contains("case_number");
        // A case number that no pattern can match (most: "25-399778") tags as if absent (only the
        // reason and offense decide a missing reason), so it does not make every key unique.
        if (caseNumber != null && !caseRedacted && inert("case_number", caseNumber)) {
            caseNumber = null;
        }
        Key key = new Key(reason, caseNumber, offenseType, ownerState, reasonRedacted, caseRedacted);
        Tagging hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        Tagging t = compute(reasonRedacted ? null : reason, caseRedacted ? null : caseNumber, offenseType, ownerState,
                reasonRedacted);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, t);
        return t;
    }

    /**
     * Whether no pattern can match this text of this field: every pattern that reads the field
     * has triggers and the text holds none, and the other-state rule (if it reads the field)
     * finds no agency word.
     */
    private boolean inert(String field, String value) {
        FieldTriggers t = fieldTriggers.computeIfAbsent(field, this::fieldTriggers);
        if (t.untriggered) {
            return false;
        }
        boolean letters = hasLetter(value);
        String lower = (letters ? value.toLowerCase(Locale.ROOT) : value).replace('+', ' ');
        for (String trigger : t.withoutLetters) {
            if (lower.contains(trigger)) {
                return false;
            }
        }
        if (letters) {
            for (String trigger : t.withLetters) {
                if (lower.contains(trigger)) {
                    return false;
                }
            }
        }
        if (!t.readsAgencyWords || (!letters && t.agencyWordsHaveLetters)) {
            return true;
        }
        return !otherStates.namesAgency(lower);
    }

    /**
     * The triggers of the patterns that read one field, split by whether they hold a letter: most
     * case numbers are digits and dashes, and only the few digit triggers ("287", "1325") can
     * be in them.
     */
    private record FieldTriggers(boolean untriggered, List<String> withLetters, List<String> withoutLetters,
                                 boolean readsAgencyWords, boolean agencyWordsHaveLetters) {
    }

    private FieldTriggers fieldTriggers(String field) {
        boolean untriggered = false;
        java.util.Set<String> with = new java.util.LinkedHashSet<>();
        java.util.Set<String> without = new java.util.LinkedHashSet<>();
        for (Compiled c : compiled) {
            if (!c.p.fields().contains(field)) {
                continue;
            }
            untriggered |= c.p.triggers().isEmpty();
            c.p.triggers().forEach(t -> (hasLetter(t) ? with : without).add(t));
        }
        boolean words = rules.otherState() != null && rules.otherState().fields().contains(field);
        return new FieldTriggers(untriggered, List.copyOf(with), List.copyOf(without), words,
                words && rules.otherState().agencyWords().stream().allMatch(ReasonTagger::hasLetter));
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private Tagging compute(String reason, String caseNumber, String offense, String ownerState, boolean reasonRedacted) {
        Map<String, String> original = new HashMap<>();
        Map<String, String> text = new HashMap<>();
        put(original, text, "reason", reason);
        put(original, text, "case_number", caseNumber);
        put(original, text, "offense_type", offense);
        Set<String> found = new LinkedHashSet<>();
        List<String> evidence = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        Map<String, String> purposes = new java.util.LinkedHashMap<>();
        for (Compiled c : compiled) {
            String e = match(c, original, text);
            if (e == null) {
                continue;
            }
            found.add(c.p.category());
            evidence.add(c.p.category() + ":" + e);
            if (c.p.beneficiary() != null) {
                named.add(c.p.beneficiary());
            }
            if (c.p.purpose() != null) {
                purposes.putIfAbsent(c.p.purpose(), c.p.purpose() + ":" + e);
            }
        }
        PurposeReading reading = reading(named, purposes, original, text);
        if (rules.otherState() != null) {
            otherState(original, text, ownerState, found, evidence);
        }
        if (!reasonRedacted && text.get("reason") == null && text.get("offense_type") == null) {
            found.add("missing_reason");
            evidence.add("missing_reason:missing:reason=\"\"");
        }
        List<String> tags = new ArrayList<>();
        for (String cat : rules.categories()) {
            if (found.contains(cat)) {
                tags.add(cat);
            }
        }
        return tags.isEmpty() && reading.equals(PurposeReading.NONE) ? Tagging.NONE : new Tagging(tags, evidence, reading);
    }

    /** The evidence of a pattern's first match over its fields ({@code pattern:field="text"}), or null. */
    private static String match(Compiled c, Map<String, String> original, Map<String, String> text) {
        for (String field : c.p.fields()) {
            String t = text.get(field);
            if (t == null || !triggered(t, c.p.triggers())) {
                continue;
            }
            Matcher m = c.regex.matcher(t);
            boolean matched = c.p.whole() ? m.matches() : m.find();
            if (!matched || cancelled(t, c.unless)) {
                continue;
            }
            return c.p.id() + ":" + field + "=\"" + span(original.get(field), t, m) + "\"";
        }
        return null;
    }

    /**
     * Who is assisted and what for: the agencies named, each replaced by a more specific one
     * named beside it; an immigration purpose anywhere wins (civil or criminal where only one is
     * said), then another offence the text states, else none.
     */
    private PurposeReading reading(Set<String> named, Map<String, String> purposes, Map<String, String> original,
                                   Map<String, String> text) {
        List<String> agencies = new ArrayList<>();
        boolean immigrationAgency = false;
        for (String a : named) {
            boolean general = false;
            for (String b : named) {
                general |= !b.equals(a) && rules.within(b, a);
            }
            if (!general) {
                agencies.add(a);
                immigrationAgency |= rules.beneficiaries().get(a).immigration();
            }
        }
        String purpose = PurposeReading.NOT_STATED;
        String evidence = null;
        boolean civil = purposes.containsKey(PurposeReading.IMMIGRATION_CIVIL);
        boolean criminal = purposes.containsKey(PurposeReading.IMMIGRATION_CRIMINAL);
        if (civil != criminal) {
            purpose = civil ? PurposeReading.IMMIGRATION_CIVIL : PurposeReading.IMMIGRATION_CRIMINAL;
            evidence = purposes.get(purpose);
        } else if (!purposes.isEmpty()) {
            purpose = PurposeReading.IMMIGRATION;
            evidence = purposes.values().iterator().next();
        } else {
            for (Compiled c : offences) {
                String e = match(c, original, text);
                if (e != null) {
                    purpose = PurposeReading.OTHER_OFFENCE;
                    evidence = PurposeReading.OTHER_OFFENCE + ":" + e;
                    break;
                }
            }
        }
        if (agencies.isEmpty() && evidence == null) {
            return PurposeReading.NONE;
        }
        return new PurposeReading(agencies, purpose, evidence, immigrationAgency);
    }

    private void otherState(Map<String, String> original, Map<String, String> text, String ownerState, Set<String> found,
                            List<String> evidence) {
        String e = otherStates.find(original, text, ownerState);
        if (e != null) {
            found.add(rules.otherState().category());
            evidence.add(e);
        }
    }

    private static void put(Map<String, String> original, Map<String, String> text, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String lower = value.toLowerCase(Locale.ROOT).replace('+', ' ');
        original.put(field, lower.length() == value.length() ? value : lower);
        text.put(field, lower);
    }

    private static boolean triggered(String text, List<String> triggers) {
        if (triggers.isEmpty()) {
            return true;
        }
        for (String t : triggers) {
            if (text.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean cancelled(String text, List<Pattern> unless) {
        for (Pattern u : unless) {
            if (u.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static String span(String original, String lower, Matcher m) {
        return clean(Objects.requireNonNullElse(original, lower).substring(m.start(), m.end()));
    }

    /** Evidence is joined with ';' in CSV: keep the separator and quotes out of the matched text. */
    static String clean(String s) {
        return s.replace(';', ',').replace('"', '\'').strip();
    }
}
