package org.queryaudit.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Nlets destinations that are federal agencies, never a state's data (issue 17): ICE's Law
 * Enforcement Support Center ({@code VTICE0900}) answers an IAQ about immigration status; it
 * is not Vermont's repository. Built from the agency directory's federal ORIs, Nlets line codes
 * ({@code AX}, {@code FB}, {@code TC}) and federal ORI patterns, in the directory's order.
 *
 * @param exact    destination (ORI or line code, upper case) to the agency's name
 * @param patterns federal ORI patterns, tried in order, for a 9-character ORI not listed exactly
 */
public record AgencyDestinations(Map<String, String> exact, List<Named> patterns) implements Serializable {
    public static final AgencyDestinations NONE = new AgencyDestinations(Map.of(), List.of());

    /** A federal ORI pattern and the agency it names. */
    public record Named(Pattern pattern, String name) implements Serializable {
    }

    public AgencyDestinations {
        exact = Map.copyOf(exact);
        patterns = List.copyOf(patterns);
    }

    /** The agency a destination names, or null when it is not an agency's. */
    public String agency(String destination) {
        String d = destination.toUpperCase(Locale.ROOT);
        String name = exact.get(d);
        if (name != null || d.length() != 9) {
            return name;
        }
        for (Named n : patterns) {
            if (n.pattern().matcher(d).find()) {
                return n.name() + " " + d;
            }
        }
        return null;
    }
}
