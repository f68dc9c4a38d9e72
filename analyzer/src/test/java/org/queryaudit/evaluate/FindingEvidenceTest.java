package org.queryaudit.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.queryaudit.TestSpark;
import org.queryaudit.classify.EventFacts;
import org.queryaudit.ingest.Share;
import org.queryaudit.reference.UsStates;
import org.queryaudit.resolve.AgencyDirectory;
import org.queryaudit.resolve.AgencyResolver;
import org.queryaudit.resolve.Resolution;

/** Issue 13: no finding accuses an agency on a reading a person would not make; weak readings go to review. */
class FindingEvidenceTest {
    private final AgencyResolver resolver = new AgencyResolver(AgencyDirectory.shipped(), UsStates.shipped());
    private final RuleBook book = RuleBook.load(null);
    private final RuleEvaluator evaluator = new RuleEvaluator(book, LegalProcess.shipped());

    private Share share(String organization) {
        return new Share("Los Altos CA PD", "CA", organization, List.of(), List.of("Los Altos CA PD"), true, "SharedNetworks.csv", 2);
    }

    @Test
    void californiaSheriffsAreNoSb34Finding() {
        List<SharingAudit.Row> rows = SharingAudit.audit(List.of(share("Los Angeles County CA SD"), share("San Diego County CA SD"),
                share("LOS ANGELES CO SO"), share("Fresno CO SO"), share("Placer County SD"), share("Richmond VA Police Department")),
                resolver, book);
        assertEquals(List.of("Richmond VA Police Department"), rows.stream().map(SharingAudit.Row::organization).toList());
        SharingAudit.Row richmond = rows.get(0);
        assertEquals("local", richmond.organizationLevel(), "a Virginia city's police, not Veterans Affairs");
        assertEquals("VA", richmond.organizationState());
        assertNull(richmond.review());
        assertTrue(richmond.explanation().contains("out-of-state"), richmond.explanation());
    }

    /** Irvine CA PD shares with the 315 organisations of A1, every one Californian: no SB 34 finding, none to review. */
    @Test
    void irvinesRealSharingListHoldsNoFinding() throws Exception {
        java.nio.file.Path a1 = TestSpark.root().resolve("../shared/real-logs/irvine-ca-pd-2025/A1.csv");
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(a1), "shared/real-logs is beside the project in CI and on developer machines");
        List<Share> shares = new java.util.ArrayList<>();
        List<String> lines = java.nio.file.Files.readAllLines(a1);
        for (int i = 1; i < lines.size(); i++) {
            String name = lines.get(i).replaceAll(",+$", "").replace("\"", "").strip();
            if (!name.isEmpty()) {
                shares.add(new Share("Irvine CA PD", "CA", name, List.of(), List.of("Irvine CA PD"), true, "A1.csv", i + 1));
            }
        }
        assertTrue(shares.size() >= 300, "shares " + shares.size());
        List<SharingAudit.Row> rows = SharingAudit.audit(shares, resolver, book);
        assertEquals(List.of(), rows.stream().map(r -> r.organization() + " (" + r.organizationState() + ", " + r.review() + ")").toList());
    }

    @Test
    void aStateCodeWithNoRealPlaceBesideItIsReviewedNotFound() {
        List<SharingAudit.Row> rows = SharingAudit.audit(List.of(share("Zzyzxville IN PD"), share("U.S. Border Patrol"),
                share("Zzyzxville TX PD")), resolver, book);
        SharingAudit.Row weak = rows.stream().filter(r -> r.organization().startsWith("Zzyzx")).findFirst().orElseThrow();
        assertNotNull(weak.review(), weak.toString());
        assertTrue(weak.explanation().startsWith("Review before treating this as a finding"), weak.explanation());
        SharingAudit.Row federal = rows.stream().filter(r -> r.organization().startsWith("U.S.")).findFirst().orElseThrow();
        assertNull(federal.review());
        // Issue 25: TX is no word, and stands where a state stands: a finding without a place beside it.
        SharingAudit.Row texas = rows.stream().filter(r -> r.organization().equals("Zzyzxville TX PD")).findFirst().orElseThrow();
        assertNull(texas.review(), texas.toString());
    }

    private EventFacts search(String requester, String ownerState) {
        Resolution r = resolver.resolve(requester, null);
        return new EventFacts("Owner PD", ownerState, "ALPR", LocalDate.parse("2025-09-03"), requester, null, r.level(), r.state(),
                r.component(), r.immigration(), List.of(), "theft", null, null, r.basis(), r.stateBasis(), r.stateAlternative());
    }

    @Test
    void aNameThatReadsTwoWaysIsReviewedOnlyWhereTheReadingsDiffer() {
        // "Placer County SD": Placer County, California; SD read as South Dakota is the other reading.
        assertEquals(List.of(), evaluator.evaluate(search("Placer County SD", "CA")), "in state for California");
        // "Maricopa County SD": Arizona's county, or South Dakota: out of state for California either way.
        List<Finding> f = evaluator.evaluate(search("Maricopa County SD", "CA"));
        assertTrue(!f.isEmpty() && f.stream().allMatch(x -> !Finding.REVIEW.equals(x.severity())), f.toString());
    }

    @Test
    void aWeakStateNeverBecomesAViolation() {
        List<Finding> f = evaluator.evaluate(search("Zzyzxville IN PD", "CA"));
        assertTrue(!f.isEmpty(), "California bars out-of-state ALPR access");
        assertTrue(f.stream().allMatch(x -> Finding.REVIEW.equals(x.severity())), f.toString());
        assertTrue(f.get(0).explanation().contains("state code"), f.get(0).explanation());
        List<Finding> aurora = evaluator.evaluate(search("Aurora CO PD", "CA"));
        assertTrue(!aurora.isEmpty() && aurora.stream().noneMatch(x -> Finding.REVIEW.equals(x.severity())), aurora.toString());
    }
}
