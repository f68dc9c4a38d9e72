package org.queryaudit.classify;

/**
 * Which door a query came through (the UW Center for Human Rights classification):
 * a federal or out-of-state requester the owner explicitly shares with (front door), or
 * does not (back door, a vendor's national or statewide lookup); an in-state requester whose
 * reason shows it searched for a federal or immigration agency (side door); the rest
 * (in state). Without the owner's sharing configuration, outside access is share unknown:
 * never guessed.
 */
public final class Pathway {
    public static final String FRONT_DOOR = "front_door";
    public static final String BACK_DOOR = "back_door";
    public static final String SIDE_DOOR = "side_door";
    public static final String IN_STATE = "in_state";
    public static final String SHARE_UNKNOWN = "share_unknown";

    private Pathway() {
    }

    /**
     * For a federal query of one state's DMV records (Nlets or the DMV's portal), what the access
     * agreements say (issue 17); null for anything else, or where they list none for that state
     * and channel.
     */
    public static AccessAgreements.Access access(EventFacts f, AccessAgreements agreements) {
        if (!"federal".equals(f.level()) || !"dmv".equals(f.dataKind()) || f.broadcast()) {
            return null;
        }
        return agreements.access(f.ownerState(), f.sourceSystem(), f.localDate(), f.component(), f.requesterOri(), f.account());
    }

    public static String of(EventFacts f, SharingIndex sharing) {
        if (RequesterClasses.outside(f)) {
            if (!sharing.knows(f.ownerAgency())) {
                return SHARE_UNKNOWN;
            }
            return sharing.shares(f.ownerAgency(), f.requesterName()) ? FRONT_DOOR : BACK_DOOR;
        }
        if (f.tagged("immigration") || f.tagged("federal_assist")) {
            return SIDE_DOOR;
        }
        return IN_STATE;
    }
}
