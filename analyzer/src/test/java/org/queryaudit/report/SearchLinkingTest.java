package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.RunResult;
import org.queryaudit.TestSpark;
import org.queryaudit.generate.StatewideMonth;
import org.queryaudit.ingest.InputRequest;
import org.queryaudit.ingest.ProfileCatalog;

/**
 * Issue 16: a generated statewide month, 40 owners' network audits in which 20,000 searches
 * appear 2.4 times on average, read by the real pipeline. Each row carries its search's true
 * id (the export's ID column), so the search key's linking is measured against the truth:
 * recall (every true search is one key) and precision (every key is one true search). A
 * generated month measures the implementation and the collision model (searches retyped by the
 * same user within a second or two), not real data: sm-alpr's 99.4-99.8 % is the real figure.
 */
class SearchLinkingTest {
    @TempDir
    Path dir;

    @Test
    void aStatewideMonthGivesTheRightNumberOfSearches() throws IOException {
        int searches = 20_000;
        StatewideMonth.write(dir.resolve("in"), 40, 60, searches, 0.03, 16);
        RunResult r = new AuditRun(TestSpark.session(), ProfileCatalog.builtIn())
                .execute(RunOptions.of(List.of(InputRequest.given(dir.resolve("in").toString(), "auto", false)),
                        dir.resolve("out").toString()));
        Dataset<Row> events = TestSpark.events(dir.resolve("out/events"));
        long rows = events.count();
        assertEquals(r.rows().accepted(), rows);
        long truth = events.select("export_id").distinct().count();
        assertEquals(searches, truth, "the generator's searches are all read");
        assertTrue(rows > 2 * searches, "searches reach several owners: " + rows + " rows");
        long keys = events.select("search_id").distinct().count();
        // Recall: the true searches whose rows all share one search_id.
        long whole = events.groupBy("export_id").agg(countDistinct(col("search_id")).alias("n")).filter("n = 1").count();
        // Precision: the search_ids that hold one true search.
        long pure = events.groupBy("search_id").agg(countDistinct(col("export_id")).alias("n")).filter("n = 1").count();
        double recall = (double) whole / truth;
        double precision = (double) pure / keys;
        System.out.printf("search linking on a generated statewide month: %,d rows, %,d true searches, %,d linked searches;"
                + " recall %.4f, precision %.4f (%,d keys hold more than one search)%n", rows, truth, keys, recall, precision, keys - pure);
        assertEquals(1.0, recall, "one search is one key, in every owner's audit");
        assertTrue(precision >= 0.99 && precision < 1.0, "retyped searches in the same second collide, and only they: " + precision);
        assertTrue(events.filter(col("search_id").startsWith("k:").unary_$bang()).isEmpty(), "every row has its whole key");
        // The report's grain: agency_report's searches sum to the (owner, search) pairs, and so do the owners' months.
        long pairs = events.select("owner_agency", "search_id").distinct().count();
        assertEquals(pairs, sumColumn(dir.resolve("out/agency_report.csv"), "searches"));
        assertEquals(pairs, sumColumn(dir.resolve("out/research/owner_months.csv"), "searches"));
        assertTrue(pairs < rows, "colliding keys repeat within an owner's audit");
    }

    private static long sumColumn(Path csv, String column) throws IOException {
        try (var r = java.nio.file.Files.newBufferedReader(csv)) {
            long sum = 0;
            for (var rec : org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                sum += Long.parseLong(rec.get(column));
            }
            return sum;
        }
    }
}
