package org.queryaudit.resolve;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.queryaudit.reference.UsStates;

/**
 * Resolves one requester (a name as the vendor wrote it, an ORI, or both) against the
 * directory, strongest evidence first. Pure logic; run once per distinct requester, never
 * per row.
 */
public final class AgencyResolver implements Serializable {
    private static final Pattern ORI = Pattern.compile("[A-Z]{2}[A-Z0-9]{7}");
    private final AgencyDirectory directory;
    private final UsStates states;
    private transient Map<String, DirectoryRow> byOri;
    private transient Map<String, DirectoryRow> byLine;
    private transient Map<String, DirectoryRow> byName;
    private transient List<Compiled> namePatterns;
    private transient List<Compiled> oriPatterns;
    private transient Map<String, String> stateByName;

    private record Compiled(Pattern pattern, DirectoryRow row) {
    }

    public AgencyResolver(AgencyDirectory directory, UsStates states) {
        this.directory = directory;
        this.states = states;
    }

    private void index() {
        if (byOri != null) {
            return;
        }
        Map<String, DirectoryRow> ori = new HashMap<>();
        Map<String, DirectoryRow> line = new HashMap<>();
        Map<String, DirectoryRow> name = new HashMap<>();
        List<Compiled> np = new ArrayList<>();
        List<Compiled> op = new ArrayList<>();
        for (DirectoryRow r : directory.rows()) {
            switch (r.kind()) {
                case "ori" -> ori.putIfAbsent(r.key(), r);
                case "line_code" -> line.putIfAbsent(r.key(), r);
                case "name" -> name.putIfAbsent(r.key(), r);
                case "name_pattern" -> np.add(new Compiled(Pattern.compile(AgencyDirectory.expand(r.key())), r));
                default -> op.add(new Compiled(Pattern.compile(r.key()), r));
            }
        }
        Map<String, String> sn = new HashMap<>();
        states.names().forEach((code, n) -> sn.put(n.toLowerCase(Locale.ROOT).replace(".", ""), code));
        stateByName = sn;
        byLine = line;
        byName = name;
        namePatterns = np;
        oriPatterns = op;
        byOri = ori;
    }

    public Resolution resolve(String rawName, String rawOri) {
        index();
        String ori = rawOri == null ? null : rawOri.strip().toUpperCase(Locale.ROOT);
        if (ori != null && ori.isEmpty()) {
            ori = null;
        }
        AgencyName name = AgencyName.of(rawName);
        String nameState = stateOf(rawName, name.normalized());
        String oriState = ori != null && ORI.matcher(ori).matches() && states.isState(ori.substring(0, 2)) ? ori.substring(0, 2) : null;
        String state = nameState != null ? nameState : oriState;

        if (ori != null && byOri.containsKey(ori)) {
            return from(byOri.get(ori), oriState != null ? oriState : nameState, "directory ORI", name.inactive());
        }
        if (ori != null && ori.length() == 2 && byLine.containsKey(ori)) {
            return from(byLine.get(ori), null, "Nlets line code", name.inactive());
        }
        if (!name.normalized().isEmpty()) {
            DirectoryRow exact = byName.get(name.normalized());
            if (exact != null) {
                return from(exact, state, "directory name", name.inactive());
            }
            for (Compiled c : namePatterns) {
                if (c.pattern.matcher(name.normalized()).find()) {
                    // A vendor's [Federal] tag outranks a local-looking name ("... Veterans Affairs PD").
                    if (name.federalTag() && !Resolution.FEDERAL.equals(c.row.level())) {
                        break;
                    }
                    return from(c.row, state, "name pattern", name.inactive());
                }
            }
            if (name.federalTag()) {
                return new Resolution(Resolution.FEDERAL, state, null, "other federal", false, "[Federal] tag", name.inactive());
            }
        }
        if (ori != null) {
            for (Compiled c : oriPatterns) {
                if (c.pattern.matcher(ori).find()) {
                    return from(c.row, oriState, "ORI pattern", name.inactive());
                }
            }
            if (oriState != null) {
                return new Resolution(Resolution.UNKNOWN, oriState, null, null, false, "ORI state", name.inactive());
            }
        }
        return new Resolution(Resolution.UNKNOWN, state, null, null, false, "none", name.inactive());
    }

    private static Resolution from(DirectoryRow row, String state, String basis, boolean inactive) {
        return new Resolution(row.level(), state, row.department(), row.component(), row.immigration(), basis, inactive);
    }

    /**
     * The state a name carries: a capitalised two-letter state code ("Federal Way WA PD",
     * the last one wins), else a state name at its start ("Washington State Patrol").
     */
    private String stateOf(String raw, String normalized) {
        if (raw == null) {
            return null;
        }
        String[] words = raw.replaceAll("[\\[\\]()]", " ").split("[\\s,]+");
        for (int i = words.length - 1; i >= 0; i--) {
            String w = words[i];
            if (w.length() == 2 && w.equals(w.toUpperCase(Locale.ROOT)) && states.isState(w)) {
                return w;
            }
        }
        for (Map.Entry<String, String> e : stateByName.entrySet()) {
            if (normalized.equals(e.getKey()) || normalized.startsWith(e.getKey() + " ")) {
                // "West Virginia ..." starts with "west virginia", not "virginia": prefer the longest name.
                String best = e.getKey();
                for (String other : stateByName.keySet()) {
                    if (other.length() > best.length() && normalized.startsWith(other + " ")) {
                        best = other;
                    }
                }
                return stateByName.get(best);
            }
        }
        return null;
    }
}
