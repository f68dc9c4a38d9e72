package org.queryaudit.report;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.evaluate.EvaluateStage;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.ingest.QueryEvent;
import org.queryaudit.resolve.ResolveStage;

/**
 * Searches, not rows (issue 16): one search by one requester is one row in each owner's export
 * it reached, and again in a re-release. {@code searches.csv} lists every search with a finding
 * once, with the owners it reached and the rows that show it; the agency report counts both
 * grains. A search is a grouping of events by {@link QueryEvent#SEARCH_ID}, never a merge: every
 * row stays an event with its own evidence.
 */
public final class SearchReport {
    public static final String FILE = "searches.csv";

    private SearchReport() {
    }

    /** Distinct searches per requester, owner and month: the grain of agency_report.csv's rows. */
    public static Map<List<String>, Long> perLine(Dataset<Row> events) {
        Map<List<String>, Long> out = new HashMap<>();
        Dataset<Row> lines = events.groupBy(col(QueryEvent.REQUESTER_NAME), col(QueryEvent.REQUESTER_ORI), col(QueryEvent.OWNER_AGENCY),
                        col(QueryEvent.OWNER_STATE), col(QueryEvent.MONTH), col(QueryEvent.SEARCH_ID))
                .count()
                .groupBy(col(QueryEvent.REQUESTER_NAME), col(QueryEvent.REQUESTER_ORI), col(QueryEvent.OWNER_AGENCY),
                        col(QueryEvent.OWNER_STATE), col(QueryEvent.MONTH))
                .count();
        for (Row r : lines.collectAsList()) {
            out.put(key(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)), r.getLong(5));
        }
        return out;
    }

    /** The key of {@link #perLine}'s map. */
    public static List<String> key(String requesterName, String requesterOri, String ownerAgency, String ownerState, String month) {
        return Arrays.asList(requesterName, requesterOri, ownerAgency, ownerState, month);
    }

    /** A counted finding: one that is neither to review nor only to verify. */
    private static Column counted(Column v) {
        return v.getField("severity").notEqual(lit(Finding.REVIEW)).and(v.getField("severity").notEqual(lit(Finding.VERIFY)));
    }

    /**
     * Writes searches.csv: every search one of whose rows holds a counted finding, with all of
     * its rows (owners where no rule applies included). The reason shown is the least redacted
     * copy's. In requester, first time and search id order. Returns the searches written.
     */
    public static long write(FileSystem fs, Path file, Dataset<Row> events) throws IOException {
        Dataset<Row> withFinding = events.filter(exists(col(EvaluateStage.VIOLATIONS), SearchReport::counted))
                .select(col(QueryEvent.SEARCH_ID)).distinct();
        Column linkedBy = when(col(QueryEvent.SEARCH_ID).startsWith("k:"), lit("search key"))
                .when(col(QueryEvent.SEARCH_ID).startsWith("x:"), lit("export search id")).otherwise(lit("row"));
        Dataset<Row> searches = events.join(withFinding,
                        scala.jdk.javaapi.CollectionConverters.asScala(List.of(QueryEvent.SEARCH_ID)).toSeq(), "left_semi")
                .groupBy(col(QueryEvent.SEARCH_ID))
                .agg(min(col(QueryEvent.REQUESTER_NAME)).alias(QueryEvent.REQUESTER_NAME),
                        min(col(QueryEvent.REQUESTER_ORI)).alias(QueryEvent.REQUESTER_ORI),
                        min(col(ResolveStage.LEVEL)).alias(ResolveStage.LEVEL),
                        min(col(ResolveStage.COMPONENT)).alias(ResolveStage.COMPONENT),
                        min(col(QueryEvent.OCCURRED_AT)).alias("first_seen"),
                        max(col(QueryEvent.OCCURRED_AT)).alias("last_seen"),
                        countDistinct(col(QueryEvent.OWNER_AGENCY)).alias("owners"),
                        concat_ws(";", array_sort(collect_set(col(QueryEvent.OWNER_AGENCY)))).alias("owner_agencies"),
                        count(lit(1)).alias("owner_rows"),
                        countDistinct(col(QueryEvent.SOURCE_FILE)).alias("source_files"),
                        concat_ws(";", array_sort(array_distinct(flatten(collect_list(
                                transform(filter(col(EvaluateStage.VIOLATIONS), SearchReport::counted), v -> v.getField("rule_id")))))))
                                .alias("rules"),
                        min_by(col(QueryEvent.REASON), size(col(QueryEvent.REDACTED_FIELDS))).alias(QueryEvent.REASON),
                        min(struct(col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE))).alias("first_row"))
                .select(col(QueryEvent.SEARCH_ID), linkedBy.alias("linked_by"), col(QueryEvent.REQUESTER_NAME),
                        col(QueryEvent.REQUESTER_ORI), col(ResolveStage.LEVEL), col(ResolveStage.COMPONENT), col("first_seen"),
                        col("last_seen"), col("owners"), col("owner_agencies"), col("owner_rows"), col("source_files"), col("rules"),
                        col(QueryEvent.REASON), col("first_row." + QueryEvent.SOURCE_FILE).alias("first_source_file"),
                        col("first_row." + QueryEvent.SOURCE_LINE).alias("first_source_line"))
                .orderBy(col(QueryEvent.REQUESTER_NAME), col("first_seen"), col(QueryEvent.SEARCH_ID));
        return CsvTable.write(fs, file, searches);
    }
}
