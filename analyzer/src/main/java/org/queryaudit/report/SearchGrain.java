package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The events counted at the search grain, per agency_report row (issue 16), in one shuffle:
 * how many searches the row's events are (a search released twice, or seen twice in one
 * owner's audit, is one), and, for ALPR audits, what the published analyses describe of those
 * searches: long look-backs, multi-network searches, blank and vague reasons, off-hours
 * searches in the owner's zone, and distinct (hashed) users. Each measure comes with the count
 * of searches for which it could be known. Two rows of one search take the least redacted
 * copy's values: a reason redacted in one release and written in the other is known.
 */
public final class SearchGrain {
    /** ALPR rows, whose audits carry the measures below. */
    static final String ALPR = "ALPR";

    private SearchGrain() {
    }

    /**
     * What one agency_report row's events are at the search grain.
     *
     * @param searches     distinct searches among the row's events
     * @param alprSearches of those, searches in ALPR audits (the measures below count only these)
     * @param users        distinct requester users (compared by hash; never shown) among ALPR searches with a known user
     */
    public record LineSearches(long searches, long alprSearches, long lookbackKnown, long longLookback, long networksKnown,
                               long multiNetwork, long reasonKnown, long blankReason, long vagueReason, long hourKnown,
                               long offHours, long userKnown, long users) {
        static final LineSearches NONE = new LineSearches(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Per agency_report row (by its {@link SearchReport#line} hash), from the events' search rows
     * ({@link SearchRows}). Rows linked to others ({@code k:}, {@code x:}) are grouped by the
     * 96-bit digest of their search id (Spark's xxhash64 and murmur3 together; two of 10 M ids
     * collide about once in 10^14 runs) in {@link SearchGroups}; a message log's rows ({@code r:})
     * are each their own search, summed here per row and user.
     */
    public static Map<Long, LineSearches> perLine(Dataset<Row> searchRows, SearchGroups groups) {
        // A message log's rows summed per row and user, in the columns of SearchGroups' partials.
        Column[] flagSums = new Column[SearchRows.FLAG_COUNT];
        for (int i = 0; i < flagSums.length; i++) {
            flagSums[i] = sum(shiftright(col(SearchRows.FLAGS), i).bitwiseAND(lit(1))).alias(SearchGroups.flagSum(i));
        }
        Dataset<Row> single = searchRows.filter(not(col(SearchRows.LINKED)))
                .groupBy(col(SearchRows.LINE), col(SearchRows.USER))
                .agg(count(lit(1)).alias(SearchGroups.SEARCHES), flagSums);
        List<Column> partial = new ArrayList<>(List.of(col(SearchRows.LINE), col(SearchRows.USER), col(SearchGroups.SEARCHES)));
        List<Column> perLine = new ArrayList<>();
        for (int i = 0; i < SearchRows.FLAG_COUNT; i++) {
            partial.add(col(SearchGroups.flagSum(i)));
            perLine.add(sum(col(SearchGroups.flagSum(i))));
        }
        perLine.add(countDistinct(col(SearchRows.USER)));
        Dataset<Row> partials = groups.lines().select(partial.toArray(Column[]::new)).unionByName(single);
        Map<Long, LineSearches> out = new HashMap<>();
        for (Row r : partials.groupBy(col(SearchRows.LINE)).agg(sum(col(SearchGroups.SEARCHES)), perLine.toArray(Column[]::new))
                .collectAsList()) {
            long[] v = new long[r.size() - 1];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.getLong(i + 1);
            }
            out.put(r.getLong(0), new LineSearches(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]));
        }
        return out;
    }
}
