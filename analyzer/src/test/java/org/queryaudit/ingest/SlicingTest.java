package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.RunResult;
import org.queryaudit.TestSpark;
import org.queryaudit.generate.ScaleLogs;

/**
 * A large file is read in slices by many tasks. Reading the same export in 4 KB slices (so
 * slice starts fall inside quoted two-line cells and between CR and LF) must give exactly
 * what reading it whole gives; the same rows split into several files give the same report.
 */
class SlicingTest {
    /** Rows of the export: 6,000 rows (2 MB) are 480 slices of 4 KB; the starts it needs are asserted below. */
    static final int ROWS = 6_000;
    @TempDir
    static Path dir;
    static Path big;

    @BeforeAll
    static void generate() throws IOException {
        big = ScaleLogs.write(ScaleLogs.Kind.FLOCK, ROWS, 1, dir.resolve("one"), 42).get(0);
        // The same export with CRLF line ends (and CRLF inside the quoted Time Frame cells).
        Path crlf = dir.resolve("crlf").resolve(big.getFileName());
        Files.createDirectories(crlf.getParent());
        Files.writeString(crlf, Files.readString(big).replace("\n", "\r\n"));
    }

    @AfterEach
    void whole() {
        System.clearProperty("queryaudit.sliceBytes");
    }

    static RunResult run(Path input, String out) throws IOException {
        return new AuditRun(TestSpark.session(), org.queryaudit.ingest.ProfileCatalog.builtIn())
                .execute(RunOptions.of(List.of(InputRequest.given(input.toString(), "auto", false)), dir.resolve(out).toString()));
    }

    /** The run's own check of its rows against the file's physical lines (issue 15) passed for every input. */
    static void everyLineAccounted(String out) throws IOException {
        com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve(out).resolve("manifest.json").toFile());
        assertTrue(m.path("inputs").size() > 0, out);
        for (com.fasterxml.jackson.databind.JsonNode input : m.path("inputs")) {
            com.fasterxml.jackson.databind.JsonNode lines = input.path("lines");
            assertEquals("ok", lines.path("check").asText(), out + ": " + lines);
            assertEquals(lines.path("physical").asLong() - lines.path("before_data").asLong() - lines.path("empty_at_end").asLong(),
                    lines.path("accounted_by_rows").asLong(), out + ": " + lines);
        }
    }

    static byte[] bytes(String out, String file) throws IOException {
        return Files.readAllBytes(dir.resolve(out).resolve(file));
    }

    @Test
    void slicesReadExactlyWhatAWholeReadReads() throws IOException {
        for (String kind : List.of("one", "crlf")) {
            Path input = dir.resolve(kind).resolve(big.getFileName());
            // Not vacuous: slice starts fall inside quoted cells, and in the CRLF file between CR and LF.
            int[] starts = sliceStarts(Files.readAllBytes(input), 4096);
            assertTrue(starts[0] > 10, kind + ": slice starts inside quotes " + starts[0]);
            assertTrue(kind.equals("one") || starts[1] > 0, kind + ": slice starts between CR and LF " + starts[1]);
            RunResult whole = run(input, kind + "-whole");
            System.setProperty("queryaudit.sliceBytes", "4096");
            RunResult sliced = run(input, kind + "-sliced");
            System.clearProperty("queryaudit.sliceBytes");
            assertEquals(whole.rows(), sliced.rows(), kind);
            assertEquals(ROWS, sliced.rows().read(), kind);
            everyLineAccounted(kind + "-whole");
            everyLineAccounted(kind + "-sliced");
            for (String f : List.of("violations.csv", "flagged.csv", "agency_report.csv", "quarantine.csv")) {
                assertArrayEquals(bytes(kind + "-whole", f), bytes(kind + "-sliced", f), kind + " " + f);
            }
        }
    }

    /**
     * Issue 15: a damaged record costs only its own lines, sliced or not. A 200,000-row export
     * (33 MB) with a quote that opens and never closes in three records, one near line 2,000 and
     * two in the records that straddle slice boundaries, read in 256 KB slices: every one of the
     * 199,997 clean records is accepted, and the outputs equal a whole read's.
     */
    @Test
    void aBrokenQuoteCostsOnlyItsOwnRecordInASlicedFile() throws IOException {
        Path clean = ScaleLogs.write(ScaleLogs.Kind.FLOCK, 200_000, 1, dir.resolve("broken-src"), 15).get(0);
        byte[] bytes = Files.readAllBytes(clean);
        int header = indexOf(bytes, (byte) '\n', 0) + 1;
        int slice = 256 << 10;
        java.util.List<Integer> damage = new java.util.ArrayList<>(java.util.List.of(recordStartAtLine(bytes, 2_000)));
        damage.add(recordStartBefore(bytes, header + 40 * slice));
        damage.add(recordStartBefore(bytes, header + 90 * slice + 7));
        StringBuilder out = new StringBuilder();
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int from = 0;
        for (int at : damage.stream().sorted().toList()) {
            // The record's first cell (the requester's name) opens a quote that never closes.
            out.append(text, from, at).append('"');
            from = at;
        }
        out.append(text.substring(from));
        Path broken = dir.resolve("broken").resolve(clean.getFileName());
        Files.createDirectories(broken.getParent());
        Files.write(broken, out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        RunResult whole = run(broken, "broken-whole");
        System.setProperty("queryaudit.sliceBytes", Integer.toString(slice));
        RunResult sliced = run(broken, "broken-sliced");
        System.clearProperty("queryaudit.sliceBytes");
        everyLineAccounted("broken-whole");
        everyLineAccounted("broken-sliced");
        assertEquals(199_997, whole.rows().accepted(), whole.rows().toString());
        assertEquals(whole.rows(), sliced.rows());
        for (String f : List.of("violations.csv", "flagged.csv", "agency_report.csv", "quarantine.csv")) {
            assertArrayEquals(bytes("broken-whole", f), bytes("broken-sliced", f), f);
        }
    }

    /** Of the slice starts of {@code size} bytes after the header: how many fall inside quotes, how many between CR and LF. */
    static int[] sliceStarts(byte[] b, int size) {
        int data = indexOf(b, (byte) '\n', 0) + 1;
        int[] out = new int[2];
        boolean quoted = false;
        for (int i = data, next = data + size; i < b.length; i++) {
            if (i == next) {
                out[0] += quoted ? 1 : 0;
                out[1] += b[i - 1] == '\r' && b[i] == '\n' ? 1 : 0;
                next += size;
            }
            if (b[i] == '"') {
                quoted = !quoted;
            }
        }
        return out;
    }

    static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** The start of the record on a physical line (records here are two lines: the quoted Time Frame holds a break). */
    static int recordStartAtLine(byte[] b, int line) {
        int pos = 0;
        for (int l = 1; l < line; l++) {
            pos = indexOf(b, (byte) '\n', pos) + 1;
        }
        return recordStartBefore(b, pos);
    }

    /** The start of the record holding byte {@code at}: the last line start outside quotes before it. */
    static int recordStartBefore(byte[] b, int at) {
        boolean quoted = false;
        int start = indexOf(b, (byte) '\n', 0) + 1;
        for (int i = start; i < at; i++) {
            if (b[i] == '"') {
                quoted = !quoted;
            } else if (b[i] == '\n' && !quoted) {
                start = i + 1;
            }
        }
        return start;
    }

    @Test
    void theSameRowsInManyFilesGiveTheSameReport() throws IOException {
        Path parts = dir.resolve("parts");
        Files.createDirectories(parts);
        byte[] all = Files.readAllBytes(big);
        List<String> records = new ArrayList<>();
        String header;
        try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(all), (byte) ',', 1, 13, 1 << 20)) {
            r.next();
            header = r.rawText();
            while (r.next()) {
                records.add(r.rawText());
            }
        }
        int files = 5;
        for (int i = 0; i < files; i++) {
            Path f = parts.resolve(String.format("9_1_2025-9_30_2025-Big City CA PD-Network-Audit-part%03d.csv", i));
            try (OutputStream o = Files.newOutputStream(f)) {
                o.write((header + "\n").getBytes(StandardCharsets.UTF_8));
                for (int k = i * records.size() / files; k < (i + 1) * records.size() / files; k++) {
                    o.write((records.get(k) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        run(big, "big");
        RunResult split = run(parts, "split");
        assertEquals(ROWS, split.rows().accepted());
        assertArrayEquals(bytes("big", "agency_report.csv"), bytes("split", "agency_report.csv"));
        assertArrayEquals(bytes("big", "agency_report.json"), bytes("split", "agency_report.json"));
        assertArrayEquals(bytes("big", "research/doors_by_owner.csv"), bytes("split", "research/doors_by_owner.csv"));
        assertEquals(withoutProvenance("big"), withoutProvenance("split"));
    }

    /** violations.csv without the source file and line, which differ by construction. */
    static List<String> withoutProvenance(String out) throws IOException {
        List<String> rows = new ArrayList<>();
        try (var r = Files.newBufferedReader(dir.resolve(out).resolve("violations.csv"))) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                rows.add(rec.get("event_id") + "|" + rec.get("rule_id") + "|" + rec.get("explanation"));
            }
        }
        assertTrue(rows.size() > 100, "the data holds violations to compare: " + rows.size());
        return rows;
    }
}
