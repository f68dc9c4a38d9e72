package org.queryaudit.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The requester classes that state rules restrict, for one event: the requester's own
 * (federal, federal immigration, out of state, private, and always "any"), and for an
 * in-state requester, the classes its reason says it searched for (the side door).
 */
public final class RequesterClasses {
    public static final String ANY = "any";
    public static final String FEDERAL_ANY = "federal_any";
    public static final String FEDERAL_IMMIGRATION = "federal_immigration";
    public static final String OUT_OF_STATE = "out_of_state";
    public static final String PRIVATE = "private";

    private RequesterClasses() {
    }

    /** A federal requester, or one whose known state is not the owner's. */
    public static boolean outside(EventFacts f) {
        return "federal".equals(f.level()) || outOfState(f);
    }

    public static boolean outOfState(EventFacts f) {
        return !"federal".equals(f.level()) && f.requesterState() != null && f.ownerState() != null
                && !f.requesterState().equals(f.ownerState());
    }

    public static List<String> own(EventFacts f) {
        List<String> c = new ArrayList<>(List.of(ANY));
        if ("federal".equals(f.level())) {
            c.add(FEDERAL_ANY);
        }
        if (f.immigrationAgency()) {
            c.add(FEDERAL_IMMIGRATION);
        }
        if (outOfState(f)) {
            c.add(OUT_OF_STATE);
        }
        if ("private".equals(f.level())) {
            c.add(PRIVATE);
        }
        return c;
    }

    /** Whom an in-state requester searched for, by its reason; empty for outside requesters. */
    public static List<String> beneficiaries(EventFacts f) {
        List<String> c = new ArrayList<>();
        if (outside(f)) {
            return c;
        }
        if (f.tagged("immigration")) {
            c.add(FEDERAL_IMMIGRATION);
            c.add(FEDERAL_ANY);
        } else if (f.tagged("federal_assist")) {
            c.add(FEDERAL_ANY);
        }
        if (f.tagged("out_of_state_assist")) {
            c.add(OUT_OF_STATE);
        }
        return c;
    }

    public static String label(String cls) {
        return switch (cls) {
            case FEDERAL_IMMIGRATION -> "federal immigration agencies";
            case FEDERAL_ANY -> "federal agencies";
            case OUT_OF_STATE -> "out-of-state agencies";
            case PRIVATE -> "private entities";
            default -> "any agency";
        };
    }
}
