package org.queryaudit.evaluate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One state rule on sharing DMV or ALPR data, with its legal standing.
 *
 * @param data          {@code alpr} or {@code dmv} (DMV records, also reached through Nlets)
 * @param requesters    restricted requester classes: any, federal_any, federal_immigration, out_of_state, private
 * @param components    when not empty, only these federal components (a revocation that cut ICE off but not CBP)
 * @param purposes      any (agency-based: whatever the purpose), immigration (purpose-based: an
 *                      immigration purpose the reason states and {@code definition} covers, or
 *                      presumed for {@code presumedFor}), missing_reason, vague_reason
 * @param presumedFor   components whose queries are presumed to be for immigration enforcement
 * @param sideDoor      also applies to an in-state search made, per its reason, for a restricted class
 * @param unlockedBy    legal process that permits the access: judicial_warrant, court_order, court_subpoena
 * @param revocation    access the state cut off at {@code effectiveFrom}: any later query is access after revocation
 * @param afterAgreementEnd applies only to a query made after the requester's access agreement ended
 *                      ({@link org.queryaudit.classify.AccessAgreements}): the agreement, not the rule, gives the date
 * @param effectiveTo   exclusive end, or null
 * @param cite          short citation for the one-sentence explanation
 * @param because       the explanation's clause; {class} is the matched requester class
 * @param status        enacted, or policy (an agency's administrative rule, not a statute)
 * @param confidence    high, medium or low: how sure the research is that the rule is stated right
 * @param note          what a reader must know before relying on it (interpretation, unverified dates)
 * @param definition    for a rule on an immigration purpose, what the law means by it; null otherwise
 */
public record Rule(String state, String id, String data, String title, List<String> requesters, List<String> components,
                   List<String> purposes, List<String> presumedFor, boolean sideDoor, List<String> unlockedBy,
                   boolean revocation, boolean afterAgreementEnd, LocalDate effectiveFrom, LocalDate effectiveTo, String citation, String cite,
                   String because, String summary, String notice, String status, String confidence, String verification,
                   String note, String source, PurposeDefinition definition) implements Serializable {
    public Rule {
        requesters = List.copyOf(requesters);
        components = List.copyOf(components);
        purposes = List.copyOf(purposes);
        presumedFor = List.copyOf(presumedFor);
        unlockedBy = List.copyOf(unlockedBy);
    }
}
