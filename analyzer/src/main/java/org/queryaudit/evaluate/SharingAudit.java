package org.queryaudit.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.queryaudit.classify.RequesterClasses;
import org.queryaudit.ingest.Share;
import org.queryaudit.resolve.AgencyResolver;
import org.queryaudit.resolve.Resolution;

/**
 * Audits sharing configurations: every organisation an owner shares its ALPR network with
 * that the owner's state forbids (a California agency sharing with an out-of-state or federal
 * organisation, barred by Civ. Code 1798.90.55(b)). A share whose recipient's class rests on weak
 * evidence carries why ({@link ClassEvidence}) and is listed for review, not as a finding.
 * Sharing exports are small: this runs on the driver.
 */
public final class SharingAudit {
    /** One forbidden share: the owner, the recipient as resolved, and the rule it breaks. */
    public record Row(String ownerAgency, String ownerState, String organization, String organizationLevel,
                      String organizationState, String organizationStateBasis, String organizationComponent,
                      String networksShared, String ruleId, String citation, String confidence, String status,
                      String explanation, String review, String sourceFile, long sourceLine) {
    }

    private SharingAudit() {
    }

    public static List<Row> audit(List<Share> shares, AgencyResolver resolver, RuleBook book) {
        List<Row> out = new ArrayList<>();
        for (Share s : shares) {
            if (s.iAmSharing().isEmpty()) {
                continue;
            }
            Resolution res = resolver.resolve(s.organization(), null);
            List<String> classes = new ArrayList<>();
            if ("federal".equals(res.level())) {
                classes.add(RequesterClasses.FEDERAL_ANY);
            }
            if (res.immigration()) {
                classes.add(RequesterClasses.FEDERAL_IMMIGRATION);
            }
            if (!"federal".equals(res.level()) && res.state() != null && !res.state().equals(s.ownerState())) {
                classes.add(RequesterClasses.OUT_OF_STATE);
            }
            if ("private".equals(res.level())) {
                classes.add(RequesterClasses.PRIVATE);
            }
            for (Rule r : book.rules()) {
                if (!r.state().equals(s.ownerState()) || !"alpr".equals(r.data()) || !r.purposes().contains("any")
                        || r.revocation()) {
                    continue;
                }
                String cls = r.requesters().stream().filter(classes::contains).findFirst().orElse(null);
                if (cls == null) {
                    continue;
                }
                String doubt = ClassEvidence.doubt(cls, res.state(), res.stateBasis(), res.stateAlternative(),
                        s.ownerState());
                String explanation = (doubt == null ? "" : "Review before treating this as a finding: " + doubt + ". ")
                        + s.ownerAgency() + " shares its ALPR network (" + String.join(", ", s.iAmSharing())
                        + ") with " + s.organization() + "; " + r.because().replace("{class}", RequesterClasses.label(cls))
                        + " (" + r.cite() + ")." + ("high".equals(r.confidence()) ? ""
                        : " Rule confidence " + r.confidence() + (r.note() == null ? "." : ": " + r.note()));
                out.add(new Row(s.ownerAgency(), s.ownerState(), s.organization(), res.level(), res.state(), res.stateBasis(),
                        res.component(), String.join(";", s.iAmSharing()), r.id(), r.citation(), r.confidence(), r.status(),
                        explanation, doubt, s.sourceFile(), s.sourceLine()));
            }
        }
        out.sort(java.util.Comparator.comparing(Row::ownerState).thenComparing(Row::ownerAgency)
                .thenComparing(Row::organization).thenComparing(Row::ruleId));
        return out;
    }
}
