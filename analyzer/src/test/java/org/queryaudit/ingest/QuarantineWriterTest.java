package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.TestSpark;
import org.queryaudit.model.QuarantinedRow;

/**
 * Issue 18: quarantined rows keep a schema of their own. A task's part appears whole or not at
 * all; a retried task replaces it; a failed attempt's hidden part is never read.
 */
class QuarantineWriterTest {
    private static final QuarantinedRow BROKEN = new QuarantinedRow("a.csv", 12, 2, "ALPR", "flock-network-audit",
            "the row has 9 cells where the header has 12", "REDACTED,\"Kent WA PD\",\n3,[target]");
    private static final QuarantinedRow HEADER = new QuarantinedRow("a.csv", 40, 1, "ALPR", "flock-network-audit",
            "the header row appears again inside the file (stacked exports): not a query", null);

    @Test
    void partsAreReadBackAsQuarantinedRows(@TempDir Path dir) throws Exception {
        QuarantineWriter writer = new QuarantineWriter(dir.toUri().toString());
        try (QuarantineWriter.Part part = writer.open()) {
            part.add(BROKEN);
        }
        // The same task run again (a retry): its part is replaced, not added to.
        try (QuarantineWriter.Part part = writer.open()) {
            part.add(BROKEN);
            part.add(HEADER);
        }
        // An attempt that died while writing leaves only a hidden part.
        Files.writeString(dir.resolve(".part-00001.json.attempt-0"), "{\"source_file\": \"a.csv\", \"source_li");
        try (QuarantineWriter.Part nothing = writer.open()) {
            // A task with no quarantined row writes no part at all.
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".part-00001.json.attempt-0", "part-00000.json"),
                    files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList());
        }

        List<Row> rows = QuarantineWriter.read(TestSpark.session(), dir.toUri().toString()).orderBy("source_line").collectAsList();
        assertEquals(QuarantinedRow.SCHEMA.asNullable(), QuarantineWriter.read(TestSpark.session(), dir.toUri().toString()).schema());
        assertEquals(2, rows.size());
        assertEquals(List.of("a.csv", 12L, 2, "ALPR", "flock-network-audit", BROKEN.reason(), BROKEN.rawText()),
                List.of(rows.get(0).getString(0), rows.get(0).getLong(1), rows.get(0).getInt(2), rows.get(0).getString(3),
                        rows.get(0).getString(4), rows.get(0).getString(5), rows.get(0).getString(6)));
        assertEquals(40L, rows.get(1).getLong(1));
        assertEquals(null, rows.get(1).get(6), "a row with no text keeps none");
    }
}
