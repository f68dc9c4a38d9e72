package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.queryaudit.TestSpark;
import org.queryaudit.reference.UsStates;

/**
 * The search rows the pass writes (issue 24): their hashes are Spark's own, so they join with
 * the events' {@code xxhash64} and {@code hash} of the same text, and their flags are what the
 * search grain measures.
 */
class SearchRowsTest {
    private static final SearchRows.Reading READING = SearchRows.Reading.of(SearchMeasures.shipped(), UsStates.shipped());

    @Test
    void hashesAreSparksOwn() {
        StructType schema = new StructType().add("n", DataTypes.StringType).add("o", DataTypes.StringType)
                .add("a", DataTypes.StringType).add("st", DataTypes.StringType).add("m", DataTypes.StringType);
        List<Row> rows = List.of(RowFactory.create("U.S. Border Patrol", null, "Los Altos CA PD", "CA", "2025-09"),
                RowFactory.create(null, "WAICE0800", "California (Nlets CA)", "CA", "2025-11"),
                RowFactory.create("Ñandú Policía", "", "São Paulo", null, "2025-01"),
                RowFactory.create("k:5f1c0e3a9b", null, null, null, null));
        Dataset<Row> spark = TestSpark.session().createDataFrame(rows, schema)
                .select(xxhash64(col("n"), col("o"), col("a"), col("st"), col("m")), xxhash64(col("n")), hash(col("n")));
        List<Row> got = spark.collectAsList();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(got.get(i).getLong(0), SearchRows.line(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                    r.getString(4)), "line of row " + i);
            assertEquals(got.get(i).getLong(1), SearchRows.xxhash64(r.getString(0), 42L), "xxhash64 of row " + i);
            assertEquals(got.get(i).getInt(2), SearchRows.murmur3(r.getString(0)), "hash of row " + i);
        }
    }

    /** An event's values in {@link SearchRows#COLUMNS}' order. */
    private static Object[] event(String searchId, String system, String ownerState, Instant at, Instant from, Instant to,
                                  Long networks, List<String> redacted, List<String> tags, String user) {
        return new Object[] {"Federal Way WA PD", null, "Los Altos CA PD", ownerState, "2025-09", searchId, system, at, from, to,
            networks, redacted, tags, user, "audit.csv", 7L};
    }

    private static boolean bit(SearchRows.Fact f, int b) {
        return (f.flags() & (1 << b)) != 0;
    }

    @Test
    void flagsAreTheGrainsMeasures() {
        // 2025-09-03 06:30 UTC is 23:30 on the 2nd in California: off hours (22:00-05:59 in the owner's zone).
        Instant late = Instant.parse("2025-09-03T06:30:00Z");
        SearchRows.Fact f = SearchRows.of(event("k:abc", "ALPR", "CA", late, Instant.parse("2025-07-01T00:00:00Z"),
                Instant.parse("2025-09-03T00:00:00Z"), 3L, List.of(), List.of("vague_reason"), "jdoe"), READING, new SearchRows.Memo());
        assertTrue(f.linked());
        assertTrue(bit(f, SearchRows.ALPR) && bit(f, SearchRows.LOOKBACK_KNOWN) && bit(f, SearchRows.LONG_LOOKBACK));
        assertTrue(bit(f, SearchRows.NETWORKS_KNOWN) && bit(f, SearchRows.MULTI_NETWORK));
        assertTrue(bit(f, SearchRows.REASON_KNOWN) && bit(f, SearchRows.VAGUE_REASON) && !bit(f, SearchRows.BLANK_REASON));
        assertTrue(bit(f, SearchRows.HOUR_KNOWN) && bit(f, SearchRows.OFF_HOURS));
        assertTrue(bit(f, SearchRows.USER_KNOWN));
        assertEquals(SearchRows.xxhash64("jdoe", 42L), f.user());
        assertEquals(SearchRows.xxhash64("Los Altos CA PD", 42L), f.owner());
        assertEquals(SearchRows.xxhash64("audit.csv", 42L), f.file());
        assertEquals(7L, f.sourceLine());

        // Noon in California; a 30-day look-back exactly (not beyond); one network; reason and user redacted.
        SearchRows.Fact day = SearchRows.of(event("k:abc", "ALPR", "CA", Instant.parse("2025-09-03T19:00:00Z"),
                Instant.parse("2025-08-04T00:00:00Z"), Instant.parse("2025-09-03T00:00:00Z"), 1L,
                List.of("reason", "requester_user"), List.of("missing_reason"), "jdoe"), READING, new SearchRows.Memo());
        assertTrue(bit(day, SearchRows.LOOKBACK_KNOWN) && !bit(day, SearchRows.LONG_LOOKBACK));
        assertTrue(bit(day, SearchRows.NETWORKS_KNOWN) && !bit(day, SearchRows.MULTI_NETWORK));
        assertFalse(bit(day, SearchRows.REASON_KNOWN) || bit(day, SearchRows.BLANK_REASON), "a redacted reason is not known");
        assertTrue(bit(day, SearchRows.HOUR_KNOWN) && !bit(day, SearchRows.OFF_HOURS));
        assertFalse(bit(day, SearchRows.USER_KNOWN));
        assertNull(day.user(), "a redacted user is not counted");

        // A message log's row is its own search and measures nothing; a broadcast's owner state has no zone.
        SearchRows.Fact message = SearchRows.of(event("r:e1", "NLETS", "NL", late, null, null, null, List.of(), List.of(), "u"),
                READING, new SearchRows.Memo());
        assertFalse(message.linked());
        assertEquals(0, message.flags());
        assertNull(message.user());
    }
}
