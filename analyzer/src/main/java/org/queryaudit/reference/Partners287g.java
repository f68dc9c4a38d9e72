package org.queryaudit.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * ICE's list of 287(g) partner agencies as published on a date (issue 17): a local partner's
 * queries are where side-door use is likeliest, so the reports show the partnership beside a
 * requester or an owner. An agency is matched only by its state and its name, written the
 * same way once spelling is set aside ("Broward County FL SO" and "Broward County Sheriff's
 * Office" in Florida); a name without a known state is never matched.
 */
public final class Partners287g {
    public static final String RESOURCE = "queryaudit/reference/287g-participating-2025-05-16.csv";
    /** The day ICE's list was read (the file's name says it too). */
    public static final String AS_OF = "2025-05-16";
    private static final Pattern PARENS = Pattern.compile("\\([^)]*\\)");
    private static final Pattern PUNCT = Pattern.compile("[^a-z0-9 ]+");
    private static final String[][] SAME = {
        {"sheriffs office", "so"}, {"sheriff office", "so"}, {"sheriffs department", "so"}, {"sheriff department", "so"},
        {"sheriffs dept", "so"}, {"sheriff", "so"}, {"sd", "so"}, {"police department", "pd"}, {"police dept", "pd"},
        {"department of public safety", "dps"}, {"city of", ""}, {"town of", ""}, {"the", ""},
    };
    private static Partners287g shipped;
    private final Map<String, List<String>> byKey;
    private final UsStates states;

    private Partners287g(Map<String, List<String>> byKey, UsStates states) {
        this.byKey = byKey;
        this.states = states;
    }

    public static synchronized Partners287g shipped() {
        if (shipped == null) {
            UsStates states = UsStates.shipped();
            Map<String, List<String>> byKey = new HashMap<>();
            try (Reader r = new InputStreamReader(Partners287g.class.getClassLoader().getResourceAsStream(RESOURCE),
                    StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                    String state = rec.get("state");
                    if (!states.isState(state)) {
                        throw new IllegalStateException("line " + rec.getRecordNumber() + ": '" + state + "' is no state code");
                    }
                    byKey.computeIfAbsent(state + "|" + key(rec.get("agency"), state, states), k -> new ArrayList<>())
                            .add(rec.get("support_type") + " (signed " + rec.get("signed") + ")");
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
            shipped = new Partners287g(byKey, states);
        }
        return shipped;
    }

    /**
     * The agency's 287(g) agreements as ICE listed them ("Task Force Model (signed 2025-02-26)"),
     * joined with "; ", or null when it is not listed or its state is not known.
     */
    public String agreements(String name, String state) {
        if (name == null || state == null || !states.isState(state)) {
            return null;
        }
        List<String> found = byKey.get(state + "|" + key(name, state, states));
        return found == null ? null : String.join("; ", new java.util.TreeSet<>(found));
    }

    /** The name with spelling set aside: case, punctuation, parentheses, the state's own code and name, office words. */
    static String key(String name, String state, UsStates states) {
        String s = " " + PARENS.matcher(name.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace("'", "")).replaceAll(" ") + " ";
        s = PUNCT.matcher(s).replaceAll(" ");
        s = " " + s.replaceAll("\\s+", " ").strip() + " ";
        String stateName = states.nameOf(state);
        if (stateName != null) {
            s = s.replace(" " + stateName.toLowerCase(Locale.ROOT) + " ", " ");
        }
        s = s.replace(" " + state.toLowerCase(Locale.ROOT) + " ", " ");
        for (String[] same : SAME) {
            s = s.replace(" " + same[0] + " ", same[1].isEmpty() ? " " : " " + same[1] + " ");
        }
        return s.replaceAll("\\s+", " ").strip();
    }
}
