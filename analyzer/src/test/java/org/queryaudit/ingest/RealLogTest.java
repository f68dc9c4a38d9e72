package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.RunResult;
import org.queryaudit.TestSpark;
import org.queryaudit.report.RowCounts;

/** The real Eugene OR PD portal export (CC0) in ../shared/real-logs. */
class RealLogTest {
    static final Path EUGENE = TestSpark.root().resolve("../shared/real-logs/eugene-or-pd-portal-search-audit-2025.csv");

    @Test
    void eugenePortalExportLoadsEveryRow(@TempDir Path out) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(EUGENE), "shared/real-logs is beside the project in CI and on developer machines");
        RunOptions opt = RunOptions.of(List.of(InputRequest.given(EUGENE.toString(), "auto", false)),
                out.resolve("run").toString()).withOwner("Eugene OR PD", "OR");
        RunResult r = new AuditRun(TestSpark.session(), ProfileCatalog.builtIn()).execute(opt);
        assertEquals(new RowCounts(4294, 4294, 0, 0, 4294), r.rows());

        Dataset<Row> events = TestSpark.events(out.resolve("run/events"));
        assertEquals(4294, events.count());
        assertEquals(147, events.select("requester_user").distinct().count(), "147 distinct userIds, as published");
        Row first = events.filter("source_line = 2").first();
        assertEquals("5869ce7e-98f2-47e7-a3c2-5e6bff4def4a", first.getAs("export_id"));
        assertEquals(Instant.parse("2025-06-18T00:02:04.789Z"), first.getAs("occurred_at"));
        assertEquals("2025-06", first.getAs("month"), "June 17 in Oregon");
        assertEquals(2510L, (Long) first.getAs("devices_searched"));
        assertEquals("investigation", first.getAs("reason"));
        assertEquals("Eugene OR PD", first.getAs("requester_name"));
        Row last = events.orderBy(events.col("source_line").desc()).first();
        assertEquals(4295L, (Long) last.getAs("source_line"));
        assertEquals(List.of("2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"),
                events.select("month").distinct().orderBy("month").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertTrue(Files.size(out.resolve("run/quarantine.csv")) < 100, "only the header");
        // A real negative control: no reason in it is immigration-related or names a federal agency.
        assertEquals(0, events.filter("array_contains(tags, 'immigration') or array_contains(tags, 'federal_assist') "
                + "or array_contains(tags, 'out_of_state_assist')").count());
        assertEquals(5, events.filter("array_contains(tags, 'missing_reason')").count(), "the 5 empty reasons");
        assertEquals(4294, events.filter("requester_level = 'local' and requester_state = 'OR'").count());
    }

    static final Path IRVINE = TestSpark.root().resolve("../shared/real-logs/irvine-ca-pd-2025");

    /**
     * Issue 16: Irvine CA PD's release as it is. The two-column organisation audit
     * ({@code Reason,DateTime}) and the bare lists of organisations are read by --format auto; the
     * list of agencies Irvine shares with, read as recipients, is audited: every name in it is
     * Californian (shared/real-logs/README.md), so no share is forbidden. The list of sources says
     * nothing of its direction in the file, so auto reads it and says it cannot audit it.
     */
    @Test
    void irvineAuditAndListsAreReadAsReleased(@TempDir Path out) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(IRVINE.resolve("Audit.csv")), "shared/real-logs is beside the project");
        RunOptions opt = RunOptions.of(List.of(InputRequest.given(IRVINE.resolve("Audit.csv").toString(), "auto", false),
                        InputRequest.given(IRVINE.resolve("A1.csv").toString(), "organization-list-recipients", true),
                        InputRequest.given(IRVINE.resolve("A2.csv").toString(), "auto", true)),
                out.resolve("run").toString()).withOwner("Irvine CA PD", "CA");
        RunResult r = new AuditRun(TestSpark.session(), ProfileCatalog.builtIn()).execute(opt);
        com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("run/manifest.json").toFile());
        List<String> formats = new java.util.ArrayList<>();
        m.path("inputs").forEach(i -> formats.add(i.path("format").asText()));
        assertEquals(List.of("flock-org-audit-two-column", "organization-list-recipients", "organization-list"), formats);
        // 1,754 rows repeat another row's reason and second exactly. With no user or network column, the export
        // cannot tell a repeated row from a second search: they are counted as duplicates (the design's rule for
        // identical content), named in the manifest, and a reader who knows better can see them in the counts.
        assertEquals(new RowCounts(44_659, 42_905, 1_754, 0, 42_905), r.perFile().get(IRVINE.resolve("Audit.csv").toString()));
        assertEquals(316, r.perFile().get(IRVINE.resolve("A1.csv").toString()).accepted());
        assertEquals(1_553, r.perFile().get(IRVINE.resolve("A2.csv").toString()).accepted());
        Dataset<Row> events = TestSpark.events(out.resolve("run/events"));
        assertEquals(42_905, events.filter("requester_name = 'Irvine CA PD' and requester_level = 'local'").count());
        // The spreadsheet's damage is read back as the text written: numbers as case numbers, dates at midnight as lost values.
        assertEquals(6, events.filter("reason rlike '^[0-9]{4}-[0-9]{2}-[0-9]{2} 00:00:00$'").count());
        assertEquals(6, events.filter("reason rlike '^[0-9]{4}-[0-9]{2}-[0-9]{2} 00:00:00$' and array_contains(tags, 'vague_reason')").count());
        assertEquals(0, events.filter("array_contains(tags, 'immigration')").count(), "'ICE impersonation' is not immigration");
        List<String> audit = Files.readAllLines(out.resolve("run/sharing_audit.csv"));
        assertEquals(1, audit.size(), "no forbidden share among Irvine's 316 Californian recipients: " + audit);
        System.out.println("Irvine A1 as recipients: " + (Files.readAllLines(out.resolve("run/sharing_review.csv")).size() - 1)
                + " share(s) to review");
        assertTrue(m.path("warnings").toString().contains("A2.csv: a list of 1553 organisations that does not say whether"),
                m.path("warnings").toString());
    }
}
