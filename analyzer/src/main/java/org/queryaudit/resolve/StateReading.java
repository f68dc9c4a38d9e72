package org.queryaudit.resolve;

import java.io.Serializable;
import java.util.Set;

/**
 * The home state an agency's name gives, and how it was read.
 *
 * @param state       two letters, or null when the name gives none
 * @param basis       how: {@code gazetteer} (a real place or county of that state named beside
 *                    its code), {@code state name} ("Oregon State Police"), {@code state label}
 *                    ("(TX)", "NE - ..."), {@code county} (a county only one state has),
 *                    {@code state code} (a code with no place the gazetteer confirms),
 *                    {@code place} (a place only one state has, no state written), or null
 * @param alternative the state another reading of the name gives ("" for no state), or null
 *                    when the name reads one way only
 * @param evidence    what was read, for a person ("Richmond is a place in VA")
 */
public record StateReading(String state, String basis, String alternative, String evidence) implements Serializable {
    public static final StateReading NONE = new StateReading(null, null, null, null);
    /**
     * Bases a finding may rest on: the others go to the review list. An ORI (issued by the
     * agency's state) is evidence a reader can check, as DESIGN.md's "What a finding needs" says.
     */
    private static final Set<String> FIRM = Set.of("gazetteer", "state name", "state label", "state position", "county", "directory",
            "ORI");

    /** Whether a finding may rest on this basis (a state read only from a code or a lone place may not). */
    public static boolean firm(String basis) {
        return basis != null && FIRM.contains(basis);
    }
}
