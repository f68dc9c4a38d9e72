package org.queryaudit.tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queryaudit.reference.UsStates;
import org.queryaudit.resolve.StateReader;
import org.queryaudit.resolve.StateReading;

/**
 * Finds another state's police agency named in a reason ("assist RENO NV PD"): a state's name,
 * or its code in capitals beside an agency word, near one of the rule's agency words, outside
 * the rule's guarded spans ({@link OtherStateRule}). Compiled once per tagger; not thread-safe.
 */
final class OtherStateAgencies {
    private final OtherStateRule rule;
    private final Pattern stateNames;
    private final Pattern stateCodes;
    private final Pattern agencyWords;
    private final List<Pattern> guards = new ArrayList<>();
    private final Map<String, String> codeByName = new HashMap<>();
    private final StateReader placeReader;

    OtherStateAgencies(OtherStateRule rule, UsStates states) {
        this.rule = rule;
        this.placeReader = new StateReader(states);
        List<String> names = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        states.names().forEach((code, name) -> {
            String n = name.toLowerCase(Locale.ROOT).replace(".", "");
            names.add(Pattern.quote(n));
            codes.add(code);
            codeByName.put(n, code);
        });
        names.sort((a, b) -> b.length() - a.length()); // "west virginia" before "virginia"
        stateNames = Pattern.compile("\\b(" + String.join("|", names) + ")\\b");
        // Codes only in capitals: "in", "or", "me", "ok" are words.
        stateCodes = Pattern.compile("\\b(" + String.join("|", codes) + ")\\b");
        List<String> words = new ArrayList<>();
        rule.agencyWords().forEach(w -> words.add(Pattern.quote(w.toLowerCase(Locale.ROOT))));
        agencyWords = Pattern.compile("\\b(?:" + String.join("|", words) + ")\\b");
        rule.guards().forEach(x -> guards.add(Pattern.compile(x, Pattern.CASE_INSENSITIVE)));
    }

    /** Whether lower-case text holds one of the rule's agency words. */
    boolean namesAgency(String lower) {
        return agencyWords.matcher(lower).find();
    }

    /**
     * The evidence of another state's agency named in a row's fields ({@code category:rule:field="text"}),
     * or null.
     *
     * @param original the fields as written, by name; {@code text}: the same in lower case
     */
    String find(Map<String, String> original, Map<String, String> text, String ownerState) {
        for (String field : rule.fields()) {
            String t = text.get(field);
            if (t == null || !agencyWords.matcher(t).find()) {
                continue;
            }
            for (Pattern g : guards) {
                t = blank(t, g);
            }
            String o = original.get(field);
            List<int[]> hits = new ArrayList<>();
            Matcher names = stateNames.matcher(t);
            while (names.find()) {
                hits.add(new int[] {names.start(), names.end()});
            }
            Matcher codes = stateCodes.matcher(o);
            while (codes.find()) {
                hits.add(new int[] {codes.start(), codes.end()});
            }
            for (int[] h : hits) {
                String word = o.substring(h[0], h[1]);
                String code = word.length() == 2 ? word : codeByName.get(word.toLowerCase(Locale.ROOT).replace(".", ""));
                if (code == null || code.equals(ownerState)) {
                    continue;
                }
                if (word.length() == 2 && !codeStandsForState(o, t, h[0], h[1], code)) {
                    continue;
                }
                int from = Math.max(0, h[0] - rule.window());
                int to = Math.min(t.length(), h[1] + rule.window());
                Matcher a = agencyWords.matcher(t.substring(from, to));
                if (a.find()) {
                    int s = Math.min(h[0], from + a.start());
                    int e = Math.max(h[1], from + a.end());
                    return rule.category() + ":" + rule.id() + ":" + field + "=\"" + ReasonTagger.clean(o.substring(s, e)) + "\"";
                }
            }
        }
        return null;
    }

    /**
     * Whether a state code in capitals stands for the state: only beside an agency word ("RENO NV
     * PD", "WASHOE CO SO NV"), never loose in the text ("SUSPECT IN VEH, PER SO"); and a code that
     * is also a word or an abbreviation (IN, OR, CO, SD, ...) only where the gazetteer finds a
     * place or county of that state named before it ("PORTLAND OR PD").
     */
    private boolean codeStandsForState(String original, String lower, int start, int end, String code) {
        Matcher before = LAST_WORD.matcher(lower.substring(0, start));
        String previous = before.find() ? before.group(1) : "";
        Matcher after = FIRST_WORD.matcher(lower.substring(end));
        String next = after.find() ? after.group(1) : "";
        boolean besideAgency = agencyWords.matcher(previous).matches()
                || agencyWords.matcher(lower.substring(end).replaceFirst("^[^a-z']+", "")).lookingAt();
        if (!besideAgency) {
            return false;
        }
        if (!rule.ambiguousCodes().contains(code)) {
            return true;
        }
        // Up to five words before the code, the code, and the agency word after it, read as an agency name.
        String head = original.substring(0, start);
        String[] words = head.strip().split("\\s+");
        int from = Math.max(0, words.length - 5);
        String fragment = String.join(" ", java.util.Arrays.asList(words).subList(from, words.length)) + " "
                + original.substring(start, end) + " " + next.toUpperCase(Locale.ROOT);
        StateReading reading = placeReader.read(fragment);
        return code.equals(reading.state()) && StateReading.firm(reading.basis());
    }

    private static final Pattern LAST_WORD = Pattern.compile("([a-z']+)[^a-z']*$");
    private static final Pattern FIRST_WORD = Pattern.compile("^[^a-z']*([a-z']+)");

    /** Blanks a guarded span (same length, so positions keep matching the original). */
    private static String blank(String t, Pattern guard) {
        Matcher m = guard.matcher(t);
        if (!m.find()) {
            return t;
        }
        StringBuilder b = new StringBuilder(t);
        m.reset();
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }
}
