package org.queryaudit.report;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.queryaudit.TestSpark;

/**
 * The search rows grouped by one sort ({@link SearchGroups}) give what Spark's own aggregations
 * of the same rows give: each agency_report row's searches, flag sums and distinct users
 * ({@link SearchGrain#perLine}), and each search's owners, rows and files. The rows are drawn so
 * that searches repeat within and across agency_report rows, share a first hash with another
 * search, and lack users, owners or files.
 */
class SearchGroupsTest {
    private static final int ROWS = 6_000;

    private static Dataset<Row> searchRows() {
        Random random = new Random(24);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            long search = random.nextInt(900);
            // A few searches share the first hash with another and differ by the check only.
            int check = random.nextInt(10) == 0 ? 1 : 0;
            long line = random.nextInt(6) * 7919L - 100_000L;
            int flags = random.nextInt(1 << SearchRows.FLAG_COUNT);
            Long user = random.nextInt(4) == 0 ? null : (long) random.nextInt(25);
            boolean linked = random.nextInt(10) < 7;
            Long owner = random.nextInt(30) == 0 ? null : (long) random.nextInt(6);
            Long file = random.nextInt(40) == 0 ? null : (long) random.nextInt(4);
            rows.add(RowFactory.create(line, search, check, flags, user, linked, owner, file, (long) i));
        }
        // Sparse rows, where a merge shows: search A's two copies (users 1 and 2, flags 1 and 2) and search B (user 2).
        for (int k = 0; k < 100; k++) {
            long line = 1_000_000L + k;
            rows.add(RowFactory.create(line, 10_000L + k, 0, 1, 1L, true, 0L, 0L, 0L));
            rows.add(RowFactory.create(line, 10_000L + k, 0, 2, 2L, true, 1L, 0L, 0L));
            rows.add(RowFactory.create(line, 20_000L + k, 0, 4, 2L, true, 1L, 1L, 0L));
        }
        return TestSpark.session().createDataFrame(rows, SearchRows.SCHEMA).repartition(5);
    }

    /** The grain as Spark's aggregation states it: linked rows merged per row and search, each single row a search. */
    private static Map<Long, List<Long>> grainBySparkAggregation(Dataset<Row> rows) {
        Dataset<Row> linked = rows.filter(col(SearchRows.LINKED))
                .groupBy(col(SearchRows.LINE), col(SearchRows.SEARCH), col(SearchRows.SEARCH_CHECK))
                .agg(bit_or(col(SearchRows.FLAGS)).alias(SearchRows.FLAGS), min(col(SearchRows.USER)).alias(SearchRows.USER))
                .select(col(SearchRows.LINE), col(SearchRows.FLAGS), col(SearchRows.USER));
        Dataset<Row> searches = linked.unionByName(rows.filter(not(col(SearchRows.LINKED)))
                .select(col(SearchRows.LINE), col(SearchRows.FLAGS), col(SearchRows.USER)));
        List<Column> measures = new ArrayList<>();
        for (int i = 0; i < SearchRows.FLAG_COUNT; i++) {
            measures.add(sum(shiftright(col(SearchRows.FLAGS), i).bitwiseAND(lit(1))));
        }
        measures.add(countDistinct(col(SearchRows.USER)));
        Map<Long, List<Long>> out = new HashMap<>();
        for (Row r : searches.groupBy(col(SearchRows.LINE)).agg(count(lit(1)), measures.toArray(Column[]::new)).collectAsList()) {
            List<Long> v = new ArrayList<>();
            for (int i = 1; i < r.size(); i++) {
                v.add(r.getLong(i));
            }
            out.put(r.getLong(0), v);
        }
        return out;
    }

    private static List<Long> values(SearchGrain.LineSearches s) {
        return List.of(s.searches(), s.alprSearches(), s.lookbackKnown(), s.longLookback(), s.networksKnown(), s.multiNetwork(),
                s.reasonKnown(), s.blankReason(), s.vagueReason(), s.hourKnown(), s.offHours(), s.userKnown(), s.users());
    }

    @Test
    void theGrainIsSparksAggregationOfTheSameRows() {
        Dataset<Row> rows = searchRows().cache();
        SearchGroups groups = SearchGroups.of(rows);
        try {
            Map<Long, List<Long>> expected = grainBySparkAggregation(rows);
            Map<Long, SearchGrain.LineSearches> got = SearchGrain.perLine(rows, groups);
            assertEquals(expected.keySet(), got.keySet());
            expected.forEach((line, v) -> assertEquals(v, values(got.get(line)), "agency_report row " + line));
            // The draw must exercise what the grouping is for: searches of several rows in one agency_report row.
            long searches = expected.values().stream().mapToLong(v -> v.get(0)).sum();
            assertTrue(searches < ROWS - 400, "searches " + searches + " of " + ROWS + " rows");
        } finally {
            groups.unpersist();
            rows.unpersist();
        }
    }

    @Test
    void aSearchsReachIsItsRowsOwnersAndFiles() {
        Dataset<Row> rows = searchRows().cache();
        SearchGroups groups = SearchGroups.of(rows);
        try {
            Map<List<Object>, Row> expected = new HashMap<>();
            for (Row r : rows.filter(col(SearchRows.LINKED)).groupBy(col(SearchRows.SEARCH), col(SearchRows.SEARCH_CHECK))
                    .agg(sort_array(collect_set(col(SearchRows.OWNER))), count(lit(1)), size(collect_set(col(SearchRows.FILE))),
                            sum(col(SearchRows.OWNER).isNull().cast("int")), sum(col(SearchRows.FILE).isNull().cast("int")))
                    .collectAsList()) {
                expected.put(List.of(r.getLong(0), r.getInt(1)), r);
            }
            Map<List<Object>, Row> got = new HashMap<>();
            for (Row r : groups.reach().collectAsList()) {
                got.put(List.of(r.getLong(0), r.getInt(1)), r);
            }
            int multiRow = 0;
            for (Map.Entry<List<Object>, Row> e : expected.entrySet()) {
                Row x = e.getValue();
                Row r = got.get(e.getKey());
                boolean lacking = x.getLong(5) > 0 || x.getLong(6) > 0;
                if (x.getLong(3) == 1 && !lacking) {
                    // One row with its owner and file: searches.csv takes its reach from that row.
                    assertNull(r, "a search of one row has no reach of its own: " + e.getKey());
                    continue;
                }
                multiRow += x.getLong(3) > 1 ? 1 : 0;
                assertNotNull(r, "no reach for " + e.getKey());
                List<Long> owners = new ArrayList<>(r.getList(2));
                java.util.Collections.sort(owners);
                assertEquals(x.getList(2), owners, "owners of " + e.getKey());
                assertEquals(x.getLong(3), r.getLong(3), "rows of " + e.getKey());
                assertEquals((long) x.getInt(4), r.getLong(4), "files of " + e.getKey());
            }
            assertTrue(multiRow > 500, "searches of several rows: " + multiRow);
            assertTrue(expected.keySet().containsAll(got.keySet()), "a reach for a search that has no linked row");
        } finally {
            groups.unpersist();
            rows.unpersist();
        }
    }
}
