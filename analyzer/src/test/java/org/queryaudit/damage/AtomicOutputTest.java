package org.queryaudit.damage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.TestSpark;
import org.queryaudit.cli.Main;
import org.queryaudit.generate.ScaleLogs;
import org.queryaudit.base.ConfigException;
import org.queryaudit.ingest.InputRequest;
import org.queryaudit.ingest.ProfileCatalog;

/** Output is atomic: a run killed at any point leaves the previous output as it was. */
class AtomicOutputTest {
    @TempDir
    Path dir;

    /** The CLI in its own JVM, as a user runs it. */
    Process start(Path input, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        for (String f : Files.readString(TestSpark.root().resolve("pom.xml"))
                .replaceAll("(?s).*<spark.jvm.flags>(.*?)</spark.jvm.flags>.*", "$1").split("\\s+")) {
            cmd.add(f);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.queryaudit.cli.Main", "run", "--input",
                input.toString(), "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    @Test
    void aRunKilledAtAnyPointLeavesThePreviousOutputAsItWas() throws Exception {
        Path input = ScaleLogs.write(ScaleLogs.Kind.FLOCK, 150_000, 1, dir.resolve("in"), 3).get(0);
        Path out = dir.resolve("out");
        new AuditRun(TestSpark.session(), ProfileCatalog.builtIn())
                .execute(RunOptions.of(List.of(InputRequest.given(input.toString(), "auto", false)), out.toString()));
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        byte[] violations = Files.readAllBytes(out.resolve("violations.csv"));
        // Killed at three points, each checked to have been reached while the run was still going:
        // while the JVM starts; once the pass is writing its staged events; once the reports are
        // being written. A run that finished first would prove nothing, so it fails the test.
        for (String point : List.of("starting", "staged.parquet", "agency_report.csv")) {
            Process p = start(input, out);
            if (point.equals("starting")) {
                Thread.sleep(500);
            } else {
                assertTrue(waitFor(point, p), "the run reached '" + point + "' in its work folder: " + Files.readString(dir.resolve("child.log")));
            }
            assertTrue(p.isAlive(), "the run was still going when killed at '" + point + "'");
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertArrayEquals(manifest, Files.readAllBytes(out.resolve("manifest.json")), "killed at " + point);
            assertArrayEquals(violations, Files.readAllBytes(out.resolve("violations.csv")), "killed at " + point);
        }
        Process last = start(input, out);
        assertTrue(last.waitFor(300, TimeUnit.SECONDS), "the next run finishes");
        assertEquals(0, last.exitValue(), Files.readString(dir.resolve("child.log")));
        assertEquals(0, Main.run("verify", out.toString()), "and its output matches its manifest");
    }

    /** Waits (up to 5 minutes) until the run's hidden work folder holds {@code name}; false if the run ends first. */
    private boolean waitFor(String name, Process p) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < until && p.isAlive()) {
            try (var s = Files.list(dir)) {
                for (Path work : s.filter(x -> x.getFileName().toString().startsWith(".out.queryaudit-")).toList()) {
                    if (Files.exists(work.resolve(name))) {
                        return true;
                    }
                }
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                // the folder list changed while it was read: look again
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void aMonthOutsideTheDataIsAnErrorAndNothingIsWritten() throws Exception {
        Path input = ScaleLogs.write(ScaleLogs.Kind.FLOCK, 200, 1, dir.resolve("small"), 4).get(0);
        Path out = dir.resolve("month-out");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () ->
                new AuditRun(TestSpark.session(), ProfileCatalog.builtIn()).execute(RunOptions.of(
                        List.of(InputRequest.given(input.toString(), "auto", false)), out.toString()).withMonth("2024-02")));
        assertTrue(e.getMessage().contains("--month 2024-02") && e.getMessage().contains("2025-09"), e.getMessage());
        assertFalse(Files.exists(out), "nothing written as if complete");
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".month-out")), "no work folder left behind");
        }
    }
}
