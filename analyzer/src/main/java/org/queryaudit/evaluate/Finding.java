package org.queryaudit.evaluate;

/**
 * One rule that one query broke (or, with severity {@code verify}, would have broken but for
 * a claimed legal process an auditor should check).
 *
 * @param severity     critical (access after revocation), high (immigration-related), medium
 *                     (other restricted access), low (reason-documentation rules), verify (legal
 *                     process shown: counted apart), review (the requester's class rests on weak
 *                     or conflicting evidence: listed in review.csv, never as a violation)
 * @param purposeBasis how an immigration purpose was known: stated (the reason), presumed (the
 *                     requester's component), side door (an in-state search for another), or null
 * @param legalProcess the kind of legal process the log shows, or null
 * @param ownerAgency  whose records the finding is about where that is not the event's owner (a
 *                     member state's repository reached by a multi-state broadcast), else null
 * @param ownerState   that owner's state, else null
 * @param via          the way in when it is not the owner's own system (the broadcast), else null
 */
public record Finding(String ruleId, String citation, String severity, String confidence, String status,
                      String purposeBasis, String legalProcess, String notice, String explanation, String ownerAgency,
                      String ownerState, String via) {
    public static final String VERIFY = "verify";
    public static final String REVIEW = "review";

    /** The same finding, owned by the member state whose records a broadcast reached. */
    public Finding reachedThrough(String memberAgency, String memberState, String broadcast) {
        return new Finding(ruleId, citation, severity, confidence, status, purposeBasis, legalProcess, notice, explanation,
                memberAgency, memberState, broadcast);
    }
}
