package org.queryaudit.evaluate;

import org.queryaudit.classify.RequesterClasses;
import org.queryaudit.resolve.Resolution;

/**
 * Whether a requester's class (federal, out of state) rests on evidence a reader can check
 * (DESIGN.md, "What a finding needs"): a directory row, a vendor's federal tag, an ORI (its
 * agency letters included, as the directory's ORI patterns read them), a name whose place and
 * state agree with the gazetteer. A state read more weakly, or a name that reads two ways with
 * different classes, sends the finding to the review list instead of the violations.
 */
public final class ClassEvidence {
    private ClassEvidence() {
    }

    /**
     * Why the requester's own class is in doubt, or null when it is not. A side-door class
     * (null here) comes from the tagged reason, whose evidence travels with the tag.
     */
    public static String doubt(String ownClass, String state, String stateBasis, String alternative, String ownerState) {
        if (ownClass == null) {
            return null;
        }
        if (ownClass.equals(RequesterClasses.OUT_OF_STATE)) {
            if (!Resolution.firmState(stateBasis)) {
                return "the requester's state " + state + " rests on weak evidence (" + (stateBasis == null ? "none" : stateBasis) + ")";
            }
            if (alternative != null && (alternative.isEmpty() || alternative.equals(ownerState))) {
                return "the requester's name reads two ways (" + stateBasis + "); read the other way it is "
                        + (alternative.isEmpty() ? "of no known state" : "an agency of " + alternative + ", the owner's own state");
            }
        }
        return null;
    }
}
