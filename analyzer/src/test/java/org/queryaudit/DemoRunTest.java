package org.queryaudit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.cli.InputsListAccess;
import org.queryaudit.ingest.ProfileCatalog;
import org.queryaudit.report.RowCounts;

/** The demo's inputs (sample-logs/) through the real pipeline: what sample-logs/README.md says they hold. */
class DemoRunTest {
    @TempDir
    static Path tmp;
    static RunResult first;
    static JsonNode manifest;

    static RunResult run(String out) throws IOException {
        var inputs = InputsListAccess.read(TestSpark.root().resolve("sample-logs/inputs.csv"));
        return new AuditRun(TestSpark.session(), ProfileCatalog.builtIn())
                .execute(new RunOptions(inputs, tmp.resolve(out).toString(), null, null, null, null, null, null, false,
                        List.of("test")));
    }

    @BeforeAll
    static void runDemo() throws IOException {
        first = run("a");
        manifest = new ObjectMapper().readTree(tmp.resolve("a/manifest.json").toFile());
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (var r = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void everySampleFileIsAccountedForAsTheReadmeSays() {
        Map<String, RowCounts> byName = new HashMap<>();
        first.perFile().forEach((k, v) -> byName.put(Path.of(k).getFileName().toString(), v));
        assertEquals(new RowCounts(166, 165, 1, 0, 165), byName.get("REDACTED - 1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(231, 231, 0, 0, 231), byName.get("9_1_2025-9_30_2025-Los Altos CA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(123, 123, 0, 0, 123), byName.get("2_1_2026-2_28_2026-Mount Prospect IL PD-Network-Audit.csv"));
        assertEquals(new RowCounts(103, 101, 0, 2, 101), byName.get("10_1_2025-10_31_2025-Olympia WA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(153, 152, 0, 1, 152), byName.get("11_1_2025-11_30_2025-The Colony TX PD-Network-Audit.csv"));
        assertEquals(new RowCounts(121, 121, 0, 0, 121), byName.get("11_1_2025-12_8_2025-Example_County_FL_SO-Audit.csv"));
        assertEquals(new RowCounts(81, 81, 0, 0, 81), byName.get("san-mateo-ca-pd-search-audit-2026-03.csv"));
        assertEquals(new RowCounts(209, 208, 0, 1, 208), byName.get("wa-access-nlets-2025-11.csv"));
        assertEquals(new RowCounts(123, 123, 0, 0, 123), byName.get("ny-dmv-portal-2025-10.csv"));
        assertEquals(new RowCounts(4, 4, 0, 0, 4), byName.get("SharedNetworks_2025_August_14-Lakewood.csv"));
        assertEquals(new RowCounts(1318, 1313, 1, 4, 1313), first.rows());
        for (JsonNode in : manifest.get("inputs")) {
            assertTrue(in.get("format").asText().startsWith("flock-") || in.get("format").asText().endsWith("-log"), in.toString());
        }
    }

    @Test
    void theQuarantineSaysWhereAndWhy() throws IOException {
        List<CSVRecord> q = csv(tmp.resolve("a/quarantine.csv"));
        assertEquals(4, q.size());
        assertEquals(List.of("62", "123", "152", "52"), q.stream().map(r -> r.get("source_line")).toList());
        assertTrue(q.get(0).get("reason").contains("header row appears again"));
        assertTrue(q.get(1).get("reason").contains("quoted cell"));
        assertTrue(q.get(2).get("reason").contains("9/9/9999"));
        assertTrue(q.get(3).get("reason").contains("'ZZ'"));
    }

    @Test
    void theAgencyReportCountsEveryEventOnce() throws IOException {
        List<CSVRecord> rows = csv(tmp.resolve("a/agency_report.csv"));
        assertEquals(1305, rows.stream().mapToLong(r -> Long.parseLong(r.get("queries"))).sum(),
                "1313 accepted rows less the 8 rows of the two sharing files");
        CSVRecord usbp = rows.stream().filter(r -> r.get("requester_name").equals("U.S. Border Patrol")
                && r.get("owner_agency").equals("Lakewood WA PD")).findFirst().orElseThrow();
        assertEquals("2", usbp.get("queries"));
        assertEquals("2025-01", usbp.get("month"));
        assertEquals("2025-01-08T17:20:11Z", usbp.get("first_seen"));
        assertTrue(Files.isDirectory(tmp.resolve("a/events/owner_state=WA/month=2025-11")));
    }

    @Test
    void reRunningGivesByteIdenticalCsvAndJson() throws IOException {
        run("b");
        for (String f : List.of("agency_report.csv", "quarantine.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        JsonNode again = new ObjectMapper().readTree(tmp.resolve("b/manifest.json").toFile());
        assertEquals(manifest.get("inputs"), again.get("inputs"));
        assertEquals(manifest.get("rows"), again.get("rows"));
    }
}
