package org.queryaudit.report;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.reference.UsStates;
import org.queryaudit.model.TagColumns;

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
    private static final String[] FLAGS = {"alpr", "lookback_known", "long_lookback", "networks_known", "multi_network",
        "reason_known", "blank_reason", "vague_reason", "hour_known", "off_hours", "user_known"};

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
     * Per agency_report row (by its {@link SearchReport#line} hash). Rows linked to others
     * ({@code k:}, {@code x:}) are grouped by a 96-bit digest of their search id (Spark's
     * xxhash64 and murmur3 together; two of 10 M ids collide about once in 10^14 runs); a message
     * log's rows ({@code r:}) are each their own search and skip that shuffle.
     */
    public static Map<Long, LineSearches> perLine(Dataset<Row> events, SearchMeasures m, UsStates states) {
        Column alpr = col(QueryEvent.SOURCE_SYSTEM).equalTo(lit(ALPR));
        List<Column> zones = new ArrayList<>();
        states.names().keySet().forEach(code -> {
            zones.add(lit(code));
            zones.add(lit(states.zoneOf(code)));
        });
        Column zone = try_element_at(org.apache.spark.sql.functions.map(zones.toArray(Column[]::new)), col(QueryEvent.OWNER_STATE));
        Column localHour = hour(from_utc_timestamp(col(QueryEvent.OCCURRED_AT), zone));
        Column offHours = m.offHours().from() <= m.offHours().to()
                ? localHour.geq(m.offHours().from()).and(localHour.lt(m.offHours().to()))
                : localHour.geq(m.offHours().from()).or(localHour.lt(m.offHours().to()));
        Column lookbackKnown = alpr.and(col(QueryEvent.TIME_FRAME_START).isNotNull()).and(col(QueryEvent.TIME_FRAME_END).isNotNull());
        Column reasonKnown = alpr.and(not(array_contains(col(QueryEvent.REDACTED_FIELDS), QueryEvent.REASON)));
        Column hourKnown = alpr.and(zone.isNotNull()).and(col(QueryEvent.OCCURRED_AT).isNotNull());
        Column userKnown = alpr.and(col(QueryEvent.REQUESTER_USER).isNotNull())
                .and(not(array_contains(col(QueryEvent.REDACTED_FIELDS), QueryEvent.REQUESTER_USER)));
        Column[] flags = {
            alpr,
            lookbackKnown,
            lookbackKnown.and(unix_seconds(col(QueryEvent.TIME_FRAME_END)).minus(unix_seconds(col(QueryEvent.TIME_FRAME_START)))
                    .gt(m.lookbackDays() * 86_400L)),
            alpr.and(col(QueryEvent.NETWORKS_SEARCHED).isNotNull()),
            alpr.and(col(QueryEvent.NETWORKS_SEARCHED).gt(1)),
            reasonKnown,
            // The tagger's missing_reason: no reason (nor offense) written, and not redacted. Reading the tag
            // spares reading every reason again.
            reasonKnown.and(array_contains(col(TagColumns.TAGS), "missing_reason")),
            reasonKnown.and(array_contains(col(TagColumns.TAGS), "vague_reason")),
            hourKnown,
            hourKnown.and(offHours),
            userKnown,
        };
        // The flags of a row as bits of one int: a search's copies are merged by one bit_or, and the
        // aggregation buffer of 10 M distinct searches stays two columns wide.
        Column bits = lit(0);
        for (int i = 0; i < flags.length; i++) {
            bits = bits.bitwiseOR(when(flags[i], lit(1 << i)).otherwise(lit(0)));
        }
        Column user = when(userKnown, xxhash64(col(QueryEvent.REQUESTER_USER)));
        Dataset<Row> linked = events.filter(not(col(QueryEvent.SEARCH_ID).startsWith("r:")))
                .groupBy(SearchReport.line().alias("l"), xxhash64(col(QueryEvent.SEARCH_ID)).alias("s"),
                        hash(col(QueryEvent.SEARCH_ID)).alias("t"))
                .agg(bit_or(bits).alias("f"), min(user).alias("u"))
                .select(col("l"), col("f"), col("u"));
        Dataset<Row> single = events.filter(col(QueryEvent.SEARCH_ID).startsWith("r:").and(alpr))
                .select(SearchReport.line().alias("l"), bits.alias("f"), user.alias("u"));
        // A message log's rows measure nothing here (every flag needs an ALPR audit): only their
        // line is read, so a month of Nlets messages is not read column by column for nothing.
        Dataset<Row> messages = events.filter(col(QueryEvent.SEARCH_ID).startsWith("r:").and(not(alpr)))
                .select(SearchReport.line().alias("l"), lit(0).alias("f"), lit(null).cast("long").alias("u"));
        Dataset<Row> searches = linked.unionByName(single).unionByName(messages);

        List<Column> perLine = new ArrayList<>();
        for (int i = 0; i < FLAGS.length; i++) {
            perLine.add(sum(shiftright(col("f"), i).bitwiseAND(lit(1))));
        }
        perLine.add(countDistinct(col("u")));
        Map<Long, LineSearches> out = new HashMap<>();
        for (Row r : searches.groupBy(col("l")).agg(count(lit(1)), perLine.toArray(Column[]::new)).collectAsList()) {
            long[] v = new long[r.size() - 1];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.getLong(i + 1);
            }
            out.put(r.getLong(0), new LineSearches(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]));
        }
        return out;
    }
}
