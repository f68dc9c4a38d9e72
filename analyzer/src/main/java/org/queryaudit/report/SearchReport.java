package org.queryaudit.report;

import org.queryaudit.model.ResolveColumns;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.model.QueryEvent;

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

    /** The hash naming an agency_report row: requester (name and ORI), owner (agency and state) and month. */
    static Column line() {
        return xxhash64(col(QueryEvent.REQUESTER_NAME), col(QueryEvent.REQUESTER_ORI), col(QueryEvent.OWNER_AGENCY),
                col(QueryEvent.OWNER_STATE), col(QueryEvent.MONTH));
    }

    /** A counted finding: one that is neither to review nor only to verify. */
    private static Column counted(Column v) {
        return v.getField("severity").notEqual(lit(Finding.REVIEW)).and(v.getField("severity").notEqual(lit(Finding.VERIFY)));
    }

    /**
     * Writes searches.csv: every search one of whose rows holds a counted finding, with all of
     * its rows (owners where no rule applies included). The reason shown is the least redacted
     * copy's. In requester, first time and search id order. Returns the searches written.
     *
     * @param kept   the flagged events ({@link FlaggedReport#kept}): every row with a finding is one
     * @param groups     the linked search rows grouped by search ({@link SearchGroups}), for the owners each of those searches reached
     * @param owners     every owner's name by its hash in the search rows ({@link SearchRows#ownerNames})
     */
    public static Written write(FileSystem fs, Path file, Dataset<Row> kept, SearchGroups groups, Map<Long, String> owners)
            throws IOException {
        Column linkedBy = when(col(QueryEvent.SEARCH_ID).startsWith("k:"), lit("search key"))
                .when(col(QueryEvent.SEARCH_ID).startsWith("x:"), lit("export search id")).otherwise(lit("row"));
        // The rows with a finding, summed per search: a few per cent of the events, already at hand.
        Column findings = col(FlaggedReport.FINDINGS);
        Dataset<Row> found = kept.filter(exists(findings, SearchReport::counted))
                .groupBy(col(FlaggedReport.SEARCH).alias(QueryEvent.SEARCH_ID))
                .agg(min(col(QueryEvent.REQUESTER_NAME)).alias(QueryEvent.REQUESTER_NAME),
                        min(col(QueryEvent.REQUESTER_ORI)).alias(QueryEvent.REQUESTER_ORI),
                        min(col(ResolveColumns.LEVEL)).alias(ResolveColumns.LEVEL),
                        min(col(ResolveColumns.COMPONENT)).alias(ResolveColumns.COMPONENT),
                        min(col(QueryEvent.OCCURRED_AT)).alias("first_seen"),
                        max(col(QueryEvent.OCCURRED_AT)).alias("last_seen"),
                        concat_ws(";", array_sort(array_distinct(flatten(collect_list(
                                transform(filter(findings, SearchReport::counted), v -> v.getField("rule_id")))))))
                                .alias("rules"),
                        min_by(col(QueryEvent.REASON), size(col(FlaggedReport.REDACTED))).alias(QueryEvent.REASON),
                        min(struct(col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE))).alias("first_row"),
                        min(col(QueryEvent.OWNER_AGENCY)).alias("_owner"), count(lit(1)).alias("_rows"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // Every row of those searches, the owners' without a finding too: the reach of each search of more than one
            // row, from the search rows' groups. A search of one row, or linked by nothing ("r:"), is its own row, already at hand.
            Dataset<Row> hashed = found.withColumn(SearchRows.SEARCH, xxhash64(col(QueryEvent.SEARCH_ID)))
                    .withColumn(SearchRows.SEARCH_CHECK, hash(col(QueryEvent.SEARCH_ID)));
            scala.collection.immutable.Seq<String> byHash = scala.jdk.javaapi.CollectionConverters.asScala(
                    List.of(SearchRows.SEARCH, SearchRows.SEARCH_CHECK)).toSeq();
            Dataset<Row> reach = groups.reach()
                    .select(col(SearchRows.SEARCH), col(SearchRows.SEARCH_CHECK), size(col(SearchGroups.OWNERS)).alias("owners"),
                            ownerNames(owners).apply(col(SearchGroups.OWNERS)).alias("owner_agencies"),
                            col(SearchGroups.OWNER_ROWS).alias("owner_rows"), col(SearchGroups.SOURCE_FILES).alias("source_files"));
            Dataset<Row> searches = hashed.join(reach, byHash, "left")
                    .select(col(QueryEvent.SEARCH_ID), linkedBy.alias("linked_by"), col(QueryEvent.REQUESTER_NAME),
                            col(QueryEvent.REQUESTER_ORI), col(ResolveColumns.LEVEL), col(ResolveColumns.COMPONENT), col("first_seen"),
                            col("last_seen"), coalesce(col("owners"), lit(1)).alias("owners"),
                            coalesce(col("owner_agencies"), col("_owner")).alias("owner_agencies"),
                            coalesce(col("owner_rows"), col("_rows")).alias("owner_rows"),
                            coalesce(col("source_files"), lit(1)).alias("source_files"), col("rules"),
                            col(QueryEvent.REASON), col("first_row." + QueryEvent.SOURCE_FILE).alias("first_source_file"),
                            col("first_row." + QueryEvent.SOURCE_LINE).alias("first_source_line"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                long written = CsvTable.write(fs, file, searches.orderBy(col(QueryEvent.REQUESTER_NAME), col("first_seen"),
                        col(QueryEvent.SEARCH_ID)));
                Map<AgencyFolders.Requester, RequesterSearches> byRequester = new HashMap<>();
                for (Row r : searches.groupBy(col(QueryEvent.REQUESTER_NAME), col(QueryEvent.REQUESTER_ORI))
                        .agg(count(lit(1)), sum(col("owner_rows"))).collectAsList()) {
                    byRequester.put(new AgencyFolders.Requester(r.getString(0), r.getString(1)),
                            new RequesterSearches(r.getLong(2), r.getLong(3)));
                }
                return new Written(written, byRequester);
            } finally {
                searches.unpersist();
            }
        } finally {
            found.unpersist();
        }
    }

    /** The owners' names of a set of owner hashes, in Spark's text order, joined with ';' (as array_sort and concat_ws). */
    private static org.apache.spark.sql.expressions.UserDefinedFunction ownerNames(Map<Long, String> owners) {
        HashMap<Long, String> names = new HashMap<>(owners);
        return org.apache.spark.sql.functions.udf((org.apache.spark.sql.api.java.UDF1<scala.collection.Seq<Long>, String>) hashes -> {
            List<String> out = new java.util.ArrayList<>();
            for (Long h : scala.jdk.javaapi.CollectionConverters.asJava(hashes)) {
                String n = names.get(h);
                if (n != null) {
                    out.add(n);
                }
            }
            out.sort(EventSummary::compareText);
            return String.join(";", out);
        }, org.apache.spark.sql.types.DataTypes.StringType);
    }

    /** What searches.csv holds: its searches, and per requester how many and how many owners' rows show them. */
    public record Written(long searches, Map<AgencyFolders.Requester, RequesterSearches> byRequester) {
    }

    /**
     * One requester's searches with a counted finding (each once, however many owners' audits
     * hold it) and the rows of the owners' audits that show them.
     */
    public record RequesterSearches(long searches, long ownerRows) implements java.io.Serializable {
    }
}
