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
    /** The component of a vendor-tagged federal organisation no directory row names. */
    public static final String OTHER_FEDERAL = "other federal";
    private final AgencyDirectory directory;
    private final UsStates states;
    private final StateReader reader;
    private transient Map<String, DirectoryRow> byOri;
    private transient Map<String, DirectoryRow> byLine;
    private transient Map<String, DirectoryRow> byName;
    private transient List<Compiled> namePatterns;
    private transient List<Compiled> oriPatterns;

    private record Compiled(Pattern pattern, DirectoryRow row) {
    }

    public AgencyResolver(AgencyDirectory directory, UsStates states) {
        this.directory = directory;
        this.states = states;
        this.reader = new StateReader(states);
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
        StateReading reading = reader.read(rawName);
        String oriState = ori != null && ORI.matcher(ori).matches() && states.isState(ori.substring(0, 2)) ? ori.substring(0, 2) : null;
        State nameState = reading.state() == null ? null
                : new State(reading.state(), reading.basis() + ": " + reading.evidence(), reading.alternative());
        State fromOri = oriState == null ? null : new State(oriState, "ORI: the ORI's first two letters, a location", null);
        State state = nameState != null ? nameState : fromOri;

        if (ori != null && byOri.containsKey(ori)) {
            State listed = oriState == null ? nameState : new State(oriState, "directory: ORI " + ori + " is in the agency directory", null);
            return from(byOri.get(ori), listed, "directory ORI", name.inactive());
        }
        if (ori != null && ori.length() == 2 && byLine.containsKey(ori)) {
            return from(byLine.get(ori), null, "Nlets line code", name.inactive());
        }
        if (!name.normalized().isEmpty()) {
            DirectoryRow exact = byName.get(name.normalized());
            if (exact != null) {
                return from(exact, state, "directory name", name.inactive());
            }
            // A state code the gazetteer confirmed is the state, not a word: "Richmond VA PD" is no VA police.
            String forPatterns = "gazetteer".equals(reading.basis())
                    ? (" " + name.normalized() + " ").replace(" " + reading.state().toLowerCase(Locale.ROOT) + " ", " ").strip()
                    : name.normalized();
            for (Compiled c : namePatterns) {
                if (c.pattern.matcher(forPatterns).find()) {
                    // A vendor's [Federal] tag outranks a local-looking name ("... Veterans Affairs PD").
                    if (name.federalTag() && !Resolution.FEDERAL.equals(c.row.level())) {
                        break;
                    }
                    return from(c.row, state, "name pattern", name.inactive());
                }
            }
            if (name.federalTag()) {
                return resolution(Resolution.FEDERAL, state, null, OTHER_FEDERAL, false, "[Federal] tag", name.inactive());
            }
        }
        if (ori != null) {
            for (Compiled c : oriPatterns) {
                if (c.pattern.matcher(ori).find()) {
                    return from(c.row, fromOri, "ORI pattern", name.inactive());
                }
            }
            if (oriState != null) {
                return resolution(Resolution.UNKNOWN, fromOri, null, null, false, "ORI state", name.inactive());
            }
        }
        return resolution(Resolution.UNKNOWN, state, null, null, false, "none", name.inactive());
    }

    /** A state with how it was read. */
    private record State(String code, String basis, String alternative) {
    }

    private static Resolution from(DirectoryRow row, State state, String basis, boolean inactive) {
        return resolution(row.level(), state, row.department(), row.component(), row.immigration(), basis, inactive);
    }

    private static Resolution resolution(String level, State state, String department, String component, boolean immigration,
                                         String basis, boolean inactive) {
        return new Resolution(level, state == null ? null : state.code, department, component, immigration, basis, inactive,
                state == null ? null : state.basis, state == null ? null : state.alternative);
    }
}
