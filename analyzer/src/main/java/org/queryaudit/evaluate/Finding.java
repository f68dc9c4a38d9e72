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
 */
public record Finding(String ruleId, String citation, String severity, String confidence, String status,
                      String purposeBasis, String legalProcess, String notice, String explanation) {
    public static final String VERIFY = "verify";
    public static final String REVIEW = "review";
}
