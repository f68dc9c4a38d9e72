package org.queryaudit.resolve;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queryaudit.reference.Gazetteer;
import org.queryaudit.reference.UsStates;

/**
 * Reads an agency's home state from its name the way a person does: a state code counts
 * where a real place of that state stands beside it ("Richmond VA PD", "Federal Heights CO PD",
 * "Garfield County CO SO"), not where the letters mean county, sheriff's department or Veterans
 * Affairs ("LOS ANGELES CO SO", "Placer County SD", "VA Medical Center"). Name forms: "City ST
 * PD", "County ST SO", "ST - City PD", "City PD - ST", "Name (ST)", capitals, spelled-out states.
 * Pure logic over the {@link Gazetteer}; one reading per distinct name.
 */
public final class StateReader implements Serializable {
    /** Words of agency names that are never read as a one-word place ("Marshall", "Justice", "Union" are places). */
    private static final Set<String> AGENCY_WORDS = Set.of("police", "department", "dept", "sheriff", "sheriffs", "office",
            "county", "co", "city", "town", "township", "village", "state", "patrol", "highway", "public", "safety", "division",
            "district", "attorney", "task", "force", "unit", "bureau", "services", "service", "security", "marshal", "marshals",
            "marshall", "justice", "court", "university", "college", "school", "campus", "park", "parks", "port", "harbor",
            "airport", "transit", "national", "account", "federal", "fire", "pd", "so", "sd", "da", "dps", "the", "of", "and",
            "us", "agency", "investigation", "investigations", "narcotics", "drug", "enforcement", "regional", "metro",
            "center", "station", "authority", "commission", "tribal", "nation", "police department", "sheriffs office", "flex",
            "condor", "raven", "falcon", "lr", "wing", "trailer", "medical", "hospital", "health", "ranger", "rangers",
            "constable", "precinct", "general", "special", "crime", "crimes", "gang", "vice", "traffic");
    /** Words after a name that make it a county. "CO" counts only before a sheriff's word ("Aurora CO PD" is a city). */
    private static final Set<String> COUNTY_WORDS = Set.of("county", "parish", "borough", "cnty");
    private static final Set<String> SHERIFF_WORDS = Set.of("so", "sd", "sheriff", "sheriffs", "da", "das", "sheriff's");
    /** After a state name these make it part of a place or street, not the state ("Nevada City", "Washington Blvd"). */
    private static final Set<String> NOT_A_STATE_AFTER = Set.of("county", "co", "parish", "city", "beach", "township", "twp",
            "ave", "avenue", "st", "street", "blvd", "boulevard", "rd", "road", "heights", "springs", "falls");
    private static final Pattern BRACKETS = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern PARENS = Pattern.compile("\\(([^)]*)\\)");
    private static final Pattern DASH = Pattern.compile("\\s+[-\u2013\u2014]+\\s+|\\s*[-\u2013\u2014]+\\s*(?=[A-Za-z]{2}\\s*$)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9']+");
    private final UsStates states;
    /** The shipped gazetteer, loaded once per JVM on first use rather than shipped with every task. */
    private transient Gazetteer gazetteer;
    private transient Map<String, String> codeByName;
    private transient int longestStateName;

    public StateReader(UsStates states) {
        this.states = states;
    }

    private record Word(String text, String key, int segment) {
    }

    /** A state written in the name: its index range in the words (-1 for a label outside them). */
    private record Mention(String state, String form, int from, int to, String text) {
    }

    /** A gazetteer name found in the words: a place, or a county with its county word. */
    private record Hit(int from, int to, Set<String> states, boolean county, String text) {
        boolean overlaps(Mention m) {
            return m.from >= 0 && m.from < to && m.to > from;
        }
    }

    private void index() {
        if (codeByName != null) {
            return;
        }
        gazetteer = Gazetteer.shipped();
        Map<String, String> m = new HashMap<>();
        int longest = 1;
        for (var e : states.names().entrySet()) {
            String k = Gazetteer.key(e.getValue());
            m.put(k, e.getKey());
            longest = Math.max(longest, k.split(" ").length);
        }
        states.writtenAlso().forEach((written, code) -> m.put(Gazetteer.key(written), code));
        longestStateName = longest;
        codeByName = m;
    }

    public StateReading read(String raw) {
        if (raw == null || raw.isBlank()) {
            return StateReading.NONE;
        }
        index();
        boolean allCaps = raw.equals(raw.toUpperCase(Locale.ROOT));
        List<Mention> mentions = new ArrayList<>();
        String s = BRACKETS.matcher(raw).replaceAll(" ");
        // "(CA)", "(Oregon)": a label; any other bracketed words are read as a segment of their own.
        StringBuilder rest = new StringBuilder();
        Matcher pm = PARENS.matcher(s);
        int last = 0;
        List<String> segments = new ArrayList<>();
        while (pm.find()) {
            rest.append(s, last, pm.start()).append(' ');
            String label = labelState(pm.group(1));
            if (label != null) {
                mentions.add(new Mention(label, "state label", -1, -1, "(" + pm.group(1).strip() + ")"));
            } else {
                segments.add(pm.group(1));
            }
            last = pm.end();
        }
        rest.append(s.substring(last));
        List<String> parts = new ArrayList<>(List.of(DASH.split(rest.toString())));
        parts.addAll(segments);
        List<Word> words = new ArrayList<>();
        int segment = 0;
        for (String part : parts) {
            String label = labelState(part);
            if (label != null) {
                mentions.add(new Mention(label, "state label", -1, -1, part.strip()));
                continue;
            }
            Matcher wm = WORD.matcher(part);
            while (wm.find()) {
                words.add(new Word(wm.group(), Gazetteer.key(wm.group()), segment));
            }
            segment++;
        }
        List<Hit> hits = hits(words);
        codesAndNames(words, allCaps, hits, mentions);

        // A mention is confirmed by a gazetteer name of its state elsewhere in the name.
        Set<String> confirmed = new LinkedHashSet<>();
        String confirmEvidence = null;
        List<Mention> open = new ArrayList<>();
        for (Mention m : mentions) {
            Hit h = confirming(m, hits);
            if (h != null) {
                confirmed.add(m.state);
                if (confirmEvidence == null) {
                    confirmEvidence = h.text + (h.county ? " is a county in " : " is a place in ") + m.state;
                }
            } else if (!(m.form.equals("state code") || m.form.equals("state position")) || hits.stream().noneMatch(x -> x.overlaps(m))) {
                // Unconfirmed letters inside a real name ("LA PALMA", "FRESNO CO SO") are that name, not a state.
                open.add(m);
            }
        }
        if (confirmed.size() == 1) {
            return new StateReading(confirmed.iterator().next(), "gazetteer", null, confirmEvidence);
        }
        if (confirmed.size() > 1) {
            List<String> both = new ArrayList<>(confirmed);
            return new StateReading(both.get(0), "conflicting", both.get(1), "the name holds places of " + String.join(" and ", both));
        }
        // No state confirmed: every remaining reading, strongest first.
        List<StateReading> readings = new ArrayList<>();
        for (Mention m : open) {
            if (m.form.equals("state position")) {
                readings.add(new StateReading(m.state, m.form, null, "'" + m.text + "' stands where a state stands in the name"
                        + " and is no word: " + m.state));
            } else if (!m.form.equals("state code")) {
                readings.add(new StateReading(m.state, m.form, null, m.text + " names " + m.state));
            }
        }
        for (Hit h : hits) {
            if (h.county && h.states.size() == 1) {
                String st = h.states.iterator().next();
                readings.add(new StateReading(st, "county", null, h.text + " is a county only in " + st));
            }
        }
        for (Mention m : open) {
            if (m.form.equals("state code")) {
                readings.add(new StateReading(m.state, "state code", null,
                        "'" + m.text + "' read as " + m.state + "; no place of " + m.state + " is named beside it"));
            }
        }
        Hit longestFirst = null;
        for (Hit h : hits) {
            if (!h.county && h.from == 0 && (longestFirst == null || h.to > longestFirst.to)) {
                longestFirst = h;
            }
        }
        // The longest place at the start is the place ("FOUNTAIN VALLEY", not "FOUNTAIN").
        for (Hit h : longestFirst == null ? List.<Hit>of() : List.of(longestFirst)) {
            if (h.states.size() == 1 && open.isEmpty()) {
                String st = h.states.iterator().next();
                readings.add(new StateReading(st, "place", null, h.text + " is a place only in " + st + " (no state written)"));
                // A county's name without its word ("Niagara Frontier Transit Authority": Niagara County, NY) is
                // as likely as the small place of another state: the name reads both ways.
                for (String other : gazetteer.statesOfCounty(Gazetteer.key(h.text))) {
                    if (!other.equals(st)) {
                        readings.add(new StateReading(other, "county", null, h.text + " is also the name of a county in " + other));
                    }
                }
            }
        }
        if (readings.isEmpty()) {
            return StateReading.NONE;
        }
        StateReading first = readings.get(0);
        for (StateReading r : readings) {
            if (!r.state().equals(first.state())) {
                return new StateReading(first.state(), first.basis(), r.state(), first.evidence() + "; or " + r.evidence());
            }
        }
        return first;
    }

    /** A whole segment that is a state: "CA", "Oregon". */
    private String labelState(String part) {
        String p = part.strip();
        if (p.length() == 2 && states.isState(p.toUpperCase(Locale.ROOT)) && Character.isLetter(p.charAt(0))) {
            return p.toUpperCase(Locale.ROOT);
        }
        return codeByName.get(Gazetteer.key(p));
    }

    private List<Hit> hits(List<Word> words) {
        List<Hit> hits = new ArrayList<>();
        int max = gazetteer.longestName();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder key = new StringBuilder();
            StringBuilder text = new StringBuilder();
            for (int n = 1; n <= max && i + n <= words.size(); n++) {
                Word w = words.get(i + n - 1);
                if (w.segment != words.get(i).segment) {
                    break;
                }
                key.append(n > 1 ? " " : "").append(w.key);
                text.append(n > 1 ? " " : "").append(w.text);
                String k = key.toString();
                boolean lone = n == 1 && AGENCY_WORDS.contains(k);
                Set<String> places = lone ? Set.of() : gazetteer.statesOfPlace(k);
                if (!places.isEmpty()) {
                    hits.add(new Hit(i, i + n, places, false, text.toString()));
                }
                // A county needs its county word, so agency words may name one ("Marshall County OK SO").
                if (i + n < words.size() && words.get(i + n).segment == w.segment) {
                    String next = words.get(i + n).key;
                    boolean countyWord = COUNTY_WORDS.contains(next) || (next.equals("co") && sheriffAfter(words, i + n + 1));
                    Set<String> counties = countyWord ? gazetteer.statesOfCounty(k) : Set.of();
                    if (!counties.isEmpty()) {
                        hits.add(new Hit(i, i + n + 1, counties, true, text + " " + words.get(i + n).text));
                    }
                }
            }
        }
        return hits;
    }

    /** After "CO": the end, a sheriff's word, or a state code then one ("SCOTT CO KY SO"). */
    private boolean sheriffAfter(List<Word> words, int i) {
        if (i >= words.size() || SHERIFF_WORDS.contains(words.get(i).key)) {
            return true;
        }
        Word w = words.get(i);
        return w.text.length() == 2 && states.isState(w.text.toUpperCase(Locale.ROOT))
                && (i + 1 >= words.size() || SHERIFF_WORDS.contains(words.get(i + 1).key));
    }

    /** State codes (in capitals, or any case in an all-capitals name) and spelled-out state names. */
    private void codesAndNames(List<Word> words, boolean allCaps, List<Hit> hits, List<Mention> mentions) {
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String upper = w.text.toUpperCase(Locale.ROOT);
            if (w.text.length() == 2 && w.text.equals(upper) && states.isState(upper) && Character.isLetter(upper.charAt(0))) {
                if (stateAgencyLabel(words, i, upper)) {
                    mentions.add(new Mention(upper, "state label", i, i + 1, w.text + " " + words.get(i + 1).text));
                } else if (statePosition(words, i, upper)) {
                    mentions.add(new Mention(upper, "state position", i, i + 1, w.text));
                } else if (!vaMedical(words, i, upper)) {
                    mentions.add(new Mention(upper, "state code", i, i + 1, w.text));
                }
                continue;
            }
            for (int n = Math.min(longestStateName, words.size() - i); n >= 1; n--) {
                StringBuilder k = new StringBuilder();
                for (int j = i; j < i + n; j++) {
                    k.append(j > i ? " " : "").append(words.get(j).key);
                }
                String code = codeByName.get(k.toString());
                if (code == null || words.get(i + n - 1).segment != w.segment) {
                    continue;
                }
                int end = i + n;
                boolean placeAfter = end < words.size() && (NOT_A_STATE_AFTER.contains(words.get(end).key)
                        || !gazetteer.statesOfPlace(k + " " + words.get(end).key).isEmpty());
                if (!placeAfter) {
                    mentions.add(new Mention(code, "state name", i, end, k.toString()));
                }
                i = end - 1;
                break;
            }
        }
    }

    /**
     * A code first in the name before a state agency's words ("MS Office of Homeland Security",
     * "TX Department of Public Safety"): the state names its own agency. Not for codes that are
     * also words or other places' letters ("LA Department of Water and Power" is Los Angeles).
     */
    private boolean stateAgencyLabel(List<Word> words, int i, String code) {
        if (i != 0 || i + 1 >= words.size() || states.codeIsWord(code)) {
            return false;
        }
        return STATE_AGENCY_WORDS.contains(words.get(i + 1).key);
    }

    /**
     * A code that is no word ({@link UsStates#codeIsWord}) standing where a state stands in an
     * agency's name: after the place and before the agency's kind, ending the name ("Sauk
     * Prairie WI PD", "Chippewa PA PD", "Lone Peak UT PD"), or ending it ("Marshall TX"). A
     * person reads the state there without knowing the place; the word-like codes ("Purdue
     * University IN PD", "LA Port Police") still need a place of the state beside them.
     */
    private boolean statePosition(List<Word> words, int i, String code) {
        if (i == 0 || states.codeIsWord(code)) {
            return false;
        }
        for (int j = i + 1; j < words.size(); j++) {
            if (!KIND_WORDS.contains(words.get(j).key)) {
                return false;
            }
        }
        return true;
    }

    /** The agency's kind after its place and state ("PD", "SO", "Police Department", "Sheriff's Office"). */
    private static final Set<String> KIND_WORDS = Set.of("pd", "so", "sd", "dps", "da", "police", "department", "dept", "sheriff",
            "sheriffs", "sheriff's", "office", "marshal", "marshals", "constable", "constables");
    private static final Set<String> STATE_AGENCY_WORDS = Set.of("office", "department", "dept", "division", "bureau", "state",
            "highway", "dps", "attorney", "fusion", "doj", "dmv", "dol", "doc");

    /** "VA Medical Center", "VA Police", "VA Hospital": Veterans Affairs, not Virginia. */
    private static boolean vaMedical(List<Word> words, int i, String code) {
        if (!code.equals("VA") || i + 1 >= words.size()) {
            return false;
        }
        String next = words.get(i + 1).key;
        return next.equals("medical") || next.equals("hospital") || next.equals("healthcare") || next.equals("health")
                || next.equals("vamc") || (next.equals("police") && i == 0);
    }

    private static Hit confirming(Mention m, List<Hit> hits) {
        for (Hit h : hits) {
            if (!h.overlaps(m) && h.states.contains(m.state)) {
                return h;
            }
        }
        return null;
    }
}
