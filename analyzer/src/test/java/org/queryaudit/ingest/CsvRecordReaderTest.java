package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
    /** A record as read: its line, its line count, its cells (or problem) and raw text. */
    record Read(long line, int lines, List<String> cells, CsvRecordReader.Problem problem, String raw) {
    }

    static List<Read> readAll(byte[] bytes, int expected) throws IOException {
        List<Read> out = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(bytes), (byte) ',', 2, expected, 1 << 20)) {
            while (r.next()) {
                out.add(new Read(r.line(), r.lineCount(), List.copyOf(r.fields()), r.problem(), r.rawText()));
            }
        }
        return out;
    }

    static List<Read> readAll(String text, int expected) throws IOException {
        return readAll(text.getBytes(StandardCharsets.UTF_8), expected);
    }

    @Test
    void quotedCellsMayHoldLineBreaksAndLinesAreCountedPhysically() throws IOException {
        List<Read> rows = readAll("a,\"1/1/2025, 1:00:00 AM UTC\n1/2/2025, 1:00:00 AM UTC\",x\nb,plain,y\n", 3);
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals(2, rows.get(0).lines());
        assertEquals("1/1/2025, 1:00:00 AM UTC\n1/2/2025, 1:00:00 AM UTC", rows.get(0).cells().get(1));
        assertEquals(4, rows.get(1).line(), "the second record starts on the fourth physical line");
        assertEquals(List.of("b", "plain", "y"), rows.get(1).cells());
    }

    @Test
    void crlfAndLoneCrEndRecordsLikeLf() throws IOException {
        List<Read> rows = readAll("a,b\r\nc,d\re,f\n", 2);
        assertEquals(3, rows.size());
        assertEquals(List.of("c", "d"), rows.get(1).cells());
        assertEquals(3, rows.get(1).line());
        assertEquals(4, rows.get(2).line());
        assertEquals("a,b", rows.get(0).raw(), "the raw text has no line end");
    }

    @Test
    void escapedQuotesAndEmptyCells() throws IOException {
        List<Read> rows = readAll("\"say \"\"hi\"\"\",,\"\"\n", 3);
        assertEquals(List.of("say \"hi\"", "", ""), rows.get(0).cells());
    }

    @Test
    void blankLinesHoldNoRecordButAreCounted() throws IOException {
        try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream("a,b\n\n\nc,d".getBytes()), (byte) ',', 2, 2, 1024)) {
            assertTrue(r.next());
            assertTrue(r.next());
            assertEquals(List.of("c", "d"), r.fields());
            assertEquals(5, r.line());
            assertFalse(r.next());
            assertEquals(2, r.blankLines());
        }
    }

    @Test
    void anUnclosedQuoteCostsOneLineNotTheRestOfTheFile() throws IOException {
        String text = "ok1,x,y\nbad,\"never closed,y\nok2,x,y\nok3,\"a\nb\",y\n";
        List<Read> rows = readAll(text, 3);
        assertEquals(4, rows.size());
        assertEquals(CsvRecordReader.Problem.BROKEN_QUOTE, rows.get(1).problem());
        assertEquals(3, rows.get(1).line());
        assertEquals("bad,\"never closed,y", rows.get(1).raw());
        assertEquals(List.of("ok2", "x", "y"), rows.get(2).cells());
        assertEquals(4, rows.get(2).line());
        assertEquals(List.of("ok3", "a\nb", "y"), rows.get(3).cells());
        assertEquals(5, rows.get(3).line());
    }

    @Test
    void anUnclosedQuoteOnTheLastLineIsReported() throws IOException {
        List<Read> rows = readAll("ok,x,y\nbad,\"open", 3);
        assertEquals(2, rows.size());
        assertEquals(CsvRecordReader.Problem.BROKEN_QUOTE, rows.get(1).problem());
        assertEquals("bad,\"open", rows.get(1).raw());
    }

    @Test
    void invalidUtf8IsReadAsWindows1252CellByCell() throws IOException {
        byte[] latin = "Pe\u00f1alver St,caf\u00e9".getBytes(Charset.forName("windows-1252"));
        byte[] utf8 = "\n\u00c9cole,ok".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[latin.length + utf8.length];
        System.arraycopy(latin, 0, all, 0, latin.length);
        System.arraycopy(utf8, 0, all, latin.length, utf8.length);
        List<Read> rows = readAll(all, 2);
        assertEquals(List.of("Pe\u00f1alver St", "caf\u00e9"), rows.get(0).cells());
        assertEquals(List.of("\u00c9cole", "ok"), rows.get(1).cells());
    }

    @Test
    void overLongRecordsAreCutAndReadingGoesOn() throws IOException {
        String big = "x".repeat(3000);
        try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(("a," + big + "\nb,c\n").getBytes()),
                (byte) ',', 2, 2, 1000)) {
            assertTrue(r.next());
            assertEquals(CsvRecordReader.Problem.TOO_LONG, r.problem());
            assertTrue(r.next());
            assertEquals(List.of("b", "c"), r.fields());
            assertEquals(3, r.line());
        }
    }

    /**
     * Cells are copied in runs: records whose cells cross the reader's buffer at every possible
     * place (a stream that hands out a few bytes at a time, and long cells over 64 KB) read as
     * Commons CSV reads them, with the right physical lines.
     */
    @Test
    void cellsCrossingBufferEndsReadAsCommonsCsvReadsThem() throws IOException {
        java.util.Random random = new java.util.Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String plain = "p" + "x".repeat(random.nextInt(i % 50 == 0 ? 70_000 : 40));
            String quoted = "\"" + "q,\"\"".repeat(random.nextInt(5)) + "line one\nline two " + "y".repeat(random.nextInt(300)) + "\"";
            text.append(i).append(',').append(plain).append(',').append(quoted).append(',').append(random.nextBoolean() ? "" : "z")
                    .append(i % 3 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<org.apache.commons.csv.CSVRecord> expected = org.apache.commons.csv.CSVFormat.RFC4180
                .parse(new java.io.StringReader(text.toString())).getRecords();
        java.io.InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
        List<Read> rows = new ArrayList<>();
        for (java.io.InputStream in : List.of(new ByteArrayInputStream(bytes), trickle)) {
            rows.clear();
            try (CsvRecordReader r = new CsvRecordReader(in, (byte) ',', 2, 4, 1 << 20)) {
                while (r.next()) {
                    rows.add(new Read(r.line(), r.lineCount(), List.copyOf(r.fields()), r.problem(), r.rawText()));
                }
            }
            assertEquals(expected.size(), rows.size());
            long line = 2;
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(expected.get(i).toList(), rows.get(i).cells(), "record " + i);
                assertEquals(line, rows.get(i).line(), "record " + i + " starts on its physical line");
                line += 2; // each record's quoted cell holds one line break
            }
        }
    }

    @Test
    void semicolonDelimiterIsFoundInTheHeader() {
        assertEquals(';', InputPlanner.delimiterOf("a;b;\"c,d\";e\n1,2,3".getBytes(), 0));
        assertEquals('\t', InputPlanner.delimiterOf("a\tb\tc\n".getBytes(), 0));
        assertEquals(',', InputPlanner.delimiterOf("Time Frame,Reason\n".getBytes(), 0));
    }
}
