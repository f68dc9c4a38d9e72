package org.queryaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.TestSpark;
import org.queryaudit.cli.Main;
import org.queryaudit.ingest.InputRequest;
import org.queryaudit.ingest.ProfileCatalog;

class SensitiveAndVerifyTest {
    static final String EXPORT = "Name,Org Name,License Plate,Search Time,Reason\n"
            + "J. Doe,U.S. Border Patrol,7ABC123,\"09/03/2025, 04:10:00 PM UTC\",immigration\n"
            + "R. Roe,U.S. Border Patrol,7ABC123,\"09/04/2025, 04:10:00 PM UTC\",immigration\n"
            + "REDACTED,Palo Alto CA PD,***,\"09/05/2025, 04:10:00 PM UTC\",theft\n";

    static Path export(Path dir) throws Exception {
        Path f = dir.resolve("9_1_2025-9_30_2025-Los Altos CA PD-Network-Audit.csv");
        Files.writeString(f, EXPORT);
        return f;
    }

    static List<Row> events(Path out) {
        return TestSpark.events(out.resolve("events")).orderBy("source_line").collectAsList();
    }

    @Test
    void platesAndUsersAreHashedUnlessAskedForAndTheManifestSaysSo(@TempDir Path dir) throws Exception {
        Path f = export(dir);
        AuditRun run = new AuditRun(TestSpark.session(), ProfileCatalog.builtIn());
        run.execute(RunOptions.of(List.of(InputRequest.given(f.toString(), "auto", false)), dir.resolve("a").toString()));
        List<Row> hashed = events(dir.resolve("a"));
        String h1 = hashed.get(0).getAs("target");
        assertTrue(h1.matches("h:[0-9a-f]{16}"), h1);
        assertEquals(h1, hashed.get(1).getAs("target"), "the same plate, the same hash: repeats can be counted");
        assertFalse(hashed.get(0).<String>getAs("requester_user").equals(hashed.get(1).getAs("requester_user")));
        assertEquals("***", hashed.get(2).getAs("target"), "a redaction marker stays as written");
        String all = Files.readString(dir.resolve("a/violations.csv")) + Files.readString(dir.resolve("a/flagged.csv"))
                + Files.readString(dir.resolve("a/report.html"));
        assertFalse(all.contains("7ABC123") || all.contains("J. Doe"), "no plate or user in any report");
        JsonNode m = new ObjectMapper().readTree(dir.resolve("a/manifest.json").toFile());
        assertEquals("derived from the inputs' SHA-256 digests", m.path("sensitive").path("key").asText());
        assertEquals(2, m.path("sensitive").path("columns").size());

        run.execute(RunOptions.of(List.of(InputRequest.given(f.toString(), "auto", false)), dir.resolve("b").toString())
                .withShowSensitive());
        assertEquals("7ABC123", events(dir.resolve("b")).get(0).getAs("target"));
        assertEquals("none: --show-sensitive", new ObjectMapper().readTree(dir.resolve("b/manifest.json").toFile())
                .path("sensitive").path("key").asText());
    }

    @Test
    void verifySaysWhetherTheReportStillMatchesItsInputs(@TempDir Path dir) throws Exception {
        Path f = export(dir);
        Path out = dir.resolve("out");
        new AuditRun(TestSpark.session(), ProfileCatalog.builtIn())
                .execute(RunOptions.of(List.of(InputRequest.given(f.toString(), "auto", false)), out.toString()));
        assertEquals(0, Main.run("verify", out.toString()));
        Files.writeString(out.resolve("violations.csv"), "tampered\n", StandardOpenOption.APPEND);
        assertEquals(1, Main.run("verify", out.toString()), "a changed report is caught");
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.count() > 5);
        }
        Path fresh = dir.resolve("fresh");
        new AuditRun(TestSpark.session(), ProfileCatalog.builtIn())
                .execute(RunOptions.of(List.of(InputRequest.given(f.toString(), "auto", false)), fresh.toString()));
        Files.writeString(f, "x", StandardOpenOption.APPEND);
        assertEquals(1, Main.run("verify", fresh.toString()), "a changed input is caught");
    }
}
