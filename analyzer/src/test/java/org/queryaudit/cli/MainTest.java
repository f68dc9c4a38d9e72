package org.queryaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line errors of the CLI, for mistakes caught before Spark starts. */
class MainTest {
    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpOnEveryCommand() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"demo", "--help"}, {"generate", "--help"}}) {
            Outcome o = run(args);
            assertEquals(0, o.code(), String.join(" ", args));
            assertTrue(o.out().contains("Usage:"), o.out());
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        Outcome o = run("run", "--out", "x");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("queryaudit: ") && o.err().contains("--input"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertEquals(2, run("run", "--input", "a.csv", "--out", "x", "--month", "2025-01", "--from", "2025-01-01").code());
        assertEquals(2, run("frobnicate").code());
    }

    @Test
    void aMissingInputIsOneClearLineAndNothingIsWritten(@TempDir Path dir) {
        Outcome o = run("run", "--input", dir.resolve("nope.csv").toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("nope.csv") && o.err().contains("no such file"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aFileWhoseOwnerCannotBeKnownIsAnError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("export.csv");
        Files.writeString(f, "Name,Org Name,Search Time\nx,Y PD,\"01/01/2025, 01:00:00 AM UTC\"\n");
        Outcome o = run("run", "--input", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("export.csv") && o.err().contains("--owner-state"), o.err());
        assertEquals(1, run("run", "--input", f.toString(), "--owner", "Z PD", "--owner-state", "QQ", "--out",
                dir.resolve("out").toString()).code());
    }

    @Test
    void aHeaderNoProfileKnowsNamesTheClosestProfile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("odd.csv");
        Files.writeString(f, "timestamp,message_key,ori\n2025-01-01T00:00:00Z,DQ,WA0000000\n");
        Outcome o = run("run", "--input", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("nlets-message-log") && o.err().contains("originating_ori"), o.err());
    }

    @Test
    void anInvalidUserProfileNamesFileAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "When,Who\n2025-01-01,X\n");
        Path p = dir.resolve("mine.yaml");
        Files.writeString(p, "id: mine\nsource_system: ALPR\ndetect: {required: [When]}\ncolumns:\n  occurred_at: {headers: [When], type: date}\n");
        Outcome o = run("run", "--input", f.toString(), "--format", p.toString(), "--owner", "X", "--owner-state", "WA",
                "--out", dir.resolve("out").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("mine.yaml") && o.err().contains("columns.occurred_at.type"), o.err());
    }

    @Test
    void aBadRulePackStopsTheRunBeforeAnyLogIsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("1_1_2025-1_31_2025-X WA PD-Network-Audit.csv");
        Files.writeString(f, "Org Name,Search Time\nY PD,\"01/01/2025, 01:00:00 AM UTC\"\n");
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/WA.yaml"), "state: WA\nname: Washington\nversion: x\nrules:\n  - id: WA-X\n    data: cars\n");
        Outcome o = run("run", "--input", f.toString(), "--rules", dir.resolve("rules").toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("WA.yaml") && o.err().contains("'WA-X'") && o.err().contains("'data'"), o.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void pathsOfExistingFoldersHaveTheirName(@TempDir Path dir) {
        org.apache.hadoop.fs.Path p = org.queryaudit.ingest.InputPlanner.toPath(dir.toString());
        assertEquals(dir.getFileName().toString(), p.getName());
        assertEquals(dir.getParent().toString(), p.getParent().toUri().getPath());
    }

    @Test
    void anOutputFolderThatIsNotOursIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("1_1_2025-1_31_2025-X WA PD-Network-Audit.csv");
        Files.writeString(f, "Org Name,Search Time\nY PD,\"01/01/2025, 01:00:00 AM UTC\"\n");
        Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dir.resolve("mine/thesis.docx"), "precious");
        Outcome o = run("run", "--input", f.toString(), "--out", dir.resolve("mine").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("not empty") && o.err().contains("manifest.json"), o.err());
        assertEquals("precious", Files.readString(dir.resolve("mine/thesis.docx")));
    }
}
