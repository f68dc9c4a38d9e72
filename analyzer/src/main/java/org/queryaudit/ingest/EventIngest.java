package org.queryaudit.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;

/**
 * Reads every query-event input into one Dataset where each input row is exactly one row,
 * marked {@code accepted}, {@code duplicate} or {@code quarantined}.
 */
public final class EventIngest {
    public static final String STATUS = "row_status";
    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String QUARANTINED = "quarantined";

    private EventIngest() {
    }

    /** Every row of every input, parsed on the executors. */
    public static Dataset<Row> parse(SparkSession spark, List<InputFile> inputs) {
        List<FileBinding> bindings = new ArrayList<>();
        for (InputFile f : inputs) {
            if (!f.isEmpty()) {
                bindings.add(FileBinding.of(f));
            }
        }
        UsStates states = UsStates.shipped();
        RedactionMarkers markers = RedactionMarkers.shipped();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<FileSlice> slices = SlicePlanner.plan(jsc, bindings);
        JavaRDD<Row> rows = jsc.parallelize(slices, Math.max(1, slices.size()))
                .mapPartitions(it -> new FlatRows(it, states, markers));
        return spark.createDataFrame(rows, ParsedRows.SCHEMA);
    }

    /**
     * Marks each row of the staged parse. Duplicates share an event id (the export's own id,
     * else the content); the copy from the first file and line is kept, so the choice is the
     * same every run. Only the ids that occur more than once are shuffled back to the rows (a
     * narrow aggregation of three columns, normally tiny), never the wide rows themselves.
     */
    public static Dataset<Row> account(Dataset<Row> staged) {
        Dataset<Row> repeated = staged.filter(col(ParsedRows.QUARANTINE_REASON).isNull())
                .groupBy(col(QueryEvent.EVENT_ID).alias("_dup_id"))
                .agg(count("*").alias("_dup_n"), min(struct(col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE))).alias("_keep"))
                .filter(col("_dup_n").gt(1));
        Dataset<Row> joined = staged.join(broadcast(repeated), staged.col(QueryEvent.EVENT_ID).equalTo(repeated.col("_dup_id")), "left");
        return joined.withColumn(STATUS,
                        when(col(ParsedRows.QUARANTINE_REASON).isNotNull(), lit(QUARANTINED))
                                .when(col("_keep").isNotNull().and(not(struct(col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE))
                                        .equalTo(col("_keep")))), lit(DUPLICATE))
                                .otherwise(lit(ACCEPTED)))
                .drop("_dup_id", "_dup_n", "_keep");
    }

    /** The rows of several slices in turn. */
    private static final class FlatRows implements java.util.Iterator<Row> {
        private final java.util.Iterator<FileSlice> slices;
        private final UsStates states;
        private final RedactionMarkers markers;
        private SliceRows current;

        FlatRows(java.util.Iterator<FileSlice> slices, UsStates states, RedactionMarkers markers) {
            this.slices = slices;
            this.states = states;
            this.markers = markers;
        }

        @Override
        public boolean hasNext() {
            while ((current == null || !current.hasNext()) && slices.hasNext()) {
                current = new SliceRows(slices.next(), states, markers);
            }
            return current != null && current.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return current.next();
        }
    }
}
