package org.queryaudit.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.RunResult;
import org.queryaudit.TestSpark;
import org.queryaudit.ingest.InputRequest;
import org.queryaudit.ingest.ProfileCatalog;
import org.queryaudit.report.RowCounts;

/**
 * Exports as they arrive: damaged in every way the field has seen. Each damaged file runs
 * through the real pipeline; the run finishes (the CLI's exit 0), every row is accounted
 * for, and the damaged rows are quarantined with their line and a reason.
 */
class DamagedInputTest {
    @TempDir
    Path dir;

    static final String HEADER = "Name,Org Name,Total Networks Searched,Total Devices Searched,Time Frame,License Plate,Reason,"
            + "Case #,Filters,Search Time,Search Type,Text Prompt,Moderation";

    /** A valid row; i varies the time and the reason. */
    static String row(int i) {
        int day = 1 + i % 28;
        return String.format("J. Doe,Tacoma WA PD,%d,%d,\"01/%02d/2025, 01:00:00 AM UTC\n01/%02d/2025, 02:00:00 AM UTC\",7ABC%03d,"
                + "theft %d,25-%06d,,\"01/%02d/2025, 03:%02d:%02d AM UTC\",search,,", 10 + i, 100 + i, day, day, i % 1000, i, i, day,
                i % 60, (i * 7) % 60);
    }

    static String export(int rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            b.append(row(i)).append('\n');
        }
        return b.toString();
    }

    /** Runs one file; returns its accounting, after checking the identity and the quarantine file. */
    RowCounts run(String name, byte[] content) throws IOException {
        Path in = dir.resolve("in-" + name);
        Files.createDirectories(in);
        Path f = in.resolve("1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv");
        Files.write(f, content);
        Path out = dir.resolve("out-" + name);
        RunResult r = new AuditRun(TestSpark.session(), ProfileCatalog.builtIn())
                .execute(RunOptions.of(List.of(InputRequest.given(f.toString(), "auto", false)), out.toString()).withShowSensitive());
        RowCounts c = r.rows();
        assertEquals(c.read(), c.accepted() + c.duplicate() + c.quarantined(), name + ": read = accepted + duplicate + quarantined");
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(c.read(), m.path("rows").path("read").asLong(), name);
        assertEquals(c.quarantined(), quarantine(out).size(), name + ": every quarantined row is in quarantine.csv");
        for (CSVRecord q : quarantine(out)) {
            assertTrue(Long.parseLong(q.get("source_line")) >= 2 && !q.get("reason").isBlank(), name + ": " + q);
        }
        // Checked apart from the accounting: every physical line of the file belongs to some row (the run's own check) ...
        for (JsonNode input : m.path("inputs")) {
            assertEquals("ok", input.path("lines").path("check").asText(), name + ": " + input.path("lines"));
        }
        // ... and where a second reader, Commons CSV, can read the file cleanly, it reads as many records.
        Long independent = commonsRecords(content);
        if (independent != null) {
            assertEquals(independent.longValue(), c.read(), name + ": Commons CSV reads " + independent + " records");
        }
        return c;
    }

    /**
     * The data records Commons CSV reads in these bytes (blank lines skipped), or null when it
     * cannot read them as a clean export: it fails, or a record has not the header's cell count.
     */
    static Long commonsRecords(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        if (text.isBlank()) {
            return 0L;
        }
        String first = text.lines().findFirst().orElse("");
        char d = first.contains("\t") ? '\t' : first.contains(";") && !first.contains(",") ? ';' : ',';
        try (var p = CSVFormat.RFC4180.builder().setDelimiter(d).setIgnoreEmptyLines(true).get().parse(new java.io.StringReader(text))) {
            List<CSVRecord> records = p.getRecords();
            int cells = records.get(0).size();
            if (records.stream().anyMatch(r -> r.size() != cells)) {
                return null;
            }
            return (long) records.size() - 1;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static List<CSVRecord> quarantine(Path out) throws IOException {
        try (var r = Files.newBufferedReader(out.resolve("quarantine.csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void lineEndsBomAndDelimiters() throws IOException {
        String ok = export(20);
        assertEquals(new RowCounts(20, 20, 0, 0, 20), run("crlf", utf8(ok.replace("\n", "\r\n"))));
        assertEquals(new RowCounts(20, 20, 0, 0, 20), run("lone-cr", utf8(ok.replace("\n", "\r"))));
        assertEquals(new RowCounts(20, 20, 0, 0, 20), run("bom", utf8("\uFEFF" + ok)));
        // Cells holding the delimiter are quoted already (the Time Frame); the rest swap ',' for ';'.
        assertEquals(20, run("semicolon", utf8(semicolons(ok, ';'))).accepted());
        assertEquals(20, run("tab", utf8(semicolons(ok, '\t'))).accepted());
    }

    /** The export with another delimiter outside quotes. */
    static String semicolons(String csv, char d) {
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : csv.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            b.append(c == ',' && !quoted ? d : c);
        }
        return b.toString();
    }

    @Test
    void brokenRowsAreQuarantinedAndTheRestRead() throws IOException {
        // Truncated: the file ends in the second line of the last row's quoted Time Frame. A broken
        // record is quarantined line by line (reading resumes on the next line): two lines here.
        String truncated = export(20);
        assertEquals(new RowCounts(21, 19, 0, 2, 19), run("truncated", utf8(truncated.substring(0, truncated.length() - 80))));
        // An unterminated quote in row 5; rows after it still read.
        String unterminated = export(10) + "J. Doe,Tacoma WA PD,1,1,\"01/05/2025, 01:00:00 AM UTC,7X,theft,,,\"01/05/2025, 03:00:00 AM UTC\",search,,\n"
                + String.join("\n", export(10).lines().skip(1).toList()).replace("theft", "burglary") + "\n";
        RowCounts u = run("unterminated", utf8(unterminated));
        assertTrue(u.quarantined() >= 1 && u.accepted() >= 19, u.toString());
        // The header again in the middle, as when two exports are stacked.
        assertEquals(new RowCounts(41, 40, 0, 1, 40), run("stacked-with-header", utf8(export(20) + HEADER + "\n"
                + export(40).substring(export(20).length()))));
        // Two exports stacked without a second header: the second layout (10 columns) is quarantined row by row.
        String second = "x,Tacoma WA PD,5,\"01/02/2025, 01:00:00 AM UTC to 01/02/2025, 02:00:00 AM UTC\",7Y,theft,,,"
                + "\"01/02/2025, 03:00:00 AM UTC\",lookup\n";
        RowCounts stacked = run("stacked-no-header", utf8(export(10) + second.repeat(3)));
        assertEquals(new RowCounts(13, 10, 0, 3, 10), stacked);
        // Cells shifted by one: an extra cell pushes every value right.
        assertEquals(new RowCounts(11, 10, 0, 1, 10), run("shifted", utf8(export(10) + "extra," + row(99) + "\n")));
    }

    /**
     * Issue 15: blank lines anywhere (before the first row, between rows, inside a quoted cell,
     * at the end, CRLF or not) hold no row, and every physical line is still accounted for.
     */
    @Test
    void blankLinesHoldNoRowAndEveryLineIsAccountedFor() throws IOException {
        String rows = String.join("\n", export(6).lines().skip(1).toList());
        String[] r = rows.split("\n(?=J\\. Doe)");
        String blanks = HEADER + "\n\n" + r[0] + "\n\n\n" + r[1] + "\n" + r[2] + "\n\n" + r[3] + "\n" + r[4] + "\n" + r[5] + "\n\n\n";
        assertEquals(new RowCounts(6, 6, 0, 0, 6), run("blank-lines", utf8(blanks)));
        assertEquals(new RowCounts(6, 6, 0, 0, 6), run("blank-lines-crlf", utf8(blanks.replace("\n", "\r\n"))));
        // A blank line inside a quoted cell belongs to its row.
        String inCell = export(3) + row(3).replace("theft 3", "\"theft\n\nof a bicycle\"") + "\n";
        assertEquals(new RowCounts(4, 4, 0, 0, 4), run("blank-line-in-a-cell", utf8(inCell)));
    }

    @Test
    void datesWrongOrImpossible() throws IOException {
        String base = export(10);
        String bad = base + row(50).replace("\"01/23/2025, 03:", "\"2025-13-45 03:") + "\n"
                + row(51).replace("01/24/2025, 03:", "9/9/9999, 03:") + "\n"
                + row(52).replace("AM UTC\",search", "AM CET\",search") + "\n";
        RowCounts c = run("dates", utf8(bad));
        assertEquals(new RowCounts(13, 10, 0, 3, 10), c);
    }

    @Test
    void encodingsBigCellsSentinelsAndRedactions() throws IOException {
        // Windows-1252 text in one row, invalid UTF-8 bytes in another: both read, not lost.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(utf8(export(5)));
        b.write(row(6).replace("theft 6", "robo en la pe\u00f1a").getBytes(Charset.forName("windows-1252")));
        b.write('\n');
        b.write(utf8(row(7).replace("theft 7", "bad")));
        b.write(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        assertEquals(7, run("encodings", b.toByteArray()).accepted(), "the stray bytes sit at the end of a line in the Moderation cell");
        Row pena = TestSpark.events(dir.resolve("out-encodings/events"))
                .filter("reason like 'robo%'").first();
        assertEquals("robo en la pe\u00f1a", pena.getAs("reason"));
        // A 1 MB reason.
        String big = export(3) + row(4).replace("theft 4", "x".repeat(1 << 20)) + "\n";
        assertEquals(new RowCounts(4, 4, 0, 0, 4), run("one-megabyte-cell", utf8(big)));
        // The vendor's sentinel and redaction markers in every optional cell.
        String masked = HEADER + "\n" + ("REDACTED,Tacoma WA PD,——,——,\"01/05/2025, 01:00:00 AM UTC\n01/05/2025, 02:00:00 AM UTC\","
                + "***,[REDACTED],###,——,\"01/05/2025, 03:00:00 AM UTC\",——,——,——\n").repeat(3);
        RowCounts m = run("sentinels", utf8(masked));
        assertEquals(new RowCounts(3, 1, 2, 0, 1), m, "the three identical rows are one query and two duplicates");
        Row r = TestSpark.events(dir.resolve("out-sentinels/events")).first();
        assertTrue(r.isNullAt(r.fieldIndex("networks_searched")), "the sentinel is no value");
        assertTrue(r.getList(r.fieldIndex("redacted_fields")).containsAll(List.of("requester_user", "target", "reason", "case_number")));
    }

    @Test
    void emptyHeaderOnlyAndDuplicatedFiles() throws IOException {
        assertEquals(RowCounts.ZERO, run("empty", new byte[0]));
        assertEquals(RowCounts.ZERO, run("header-only", utf8(HEADER + "\n")));
        String twice = export(15) + String.join("\n", export(15).lines().skip(1).toList()) + "\n";
        assertEquals(new RowCounts(30, 15, 15, 0, 15), run("duplicated", utf8(twice)));
    }

    @Test
    void randomDamageNeverLosesARowOrStopsTheRun() throws IOException {
        byte[] clean = utf8(export(30));
        for (int seed = 1; seed <= 6; seed++) {
            Random r = new Random(seed);
            byte[] damaged = damage(clean, r);
            // run() checks every physical line against the rows, and Commons CSV's count where it can read the file.
            RowCounts c = run("random-" + seed, damaged);
            assertTrue(c.read() >= 1, "seed " + seed + ": " + c);
        }
    }

    /** Inserts random bytes, cuts a range, or repeats a range, at random places. */
    static byte[] damage(byte[] in, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int header = new String(in, StandardCharsets.UTF_8).indexOf('\n') + 1;
        out.write(in, 0, header);
        int pos = header;
        while (pos < in.length) {
            int step = Math.min(in.length - pos, 50 + r.nextInt(400));
            int kind = r.nextInt(4);
            if (kind == 0) {
                byte[] noise = new byte[1 + r.nextInt(40)];
                r.nextBytes(noise);
                out.write(noise, 0, noise.length);
                out.write(in, pos, step);
            } else if (kind == 1) {
                out.write(in, pos, step / 2);
            } else if (kind == 2) {
                out.write(in, pos, step);
                out.write(in, pos, step);
            } else {
                out.write(in, pos, step);
            }
            pos += step;
        }
        return out.toByteArray();
    }
}
