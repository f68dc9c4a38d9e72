package org.queryaudit.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
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
     * Marks each row. Duplicates share an event id (the export's own id, else the content);
     * the copy from the first file and line is kept, so the choice is the same every run.
     */
    public static Dataset<Row> account(Dataset<Row> parsed) {
        return parsed.withColumn(STATUS,
                when(col(ParsedRows.QUARANTINE_REASON).isNotNull(), lit(QUARANTINED))
                        .when(row_number().over(Window.partitionBy(QueryEvent.EVENT_ID)
                                .orderBy(QueryEvent.SOURCE_FILE, QueryEvent.SOURCE_LINE)).gt(1), lit(DUPLICATE))
                        .otherwise(lit(ACCEPTED)));
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
