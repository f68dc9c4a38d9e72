package org.queryaudit.ingest;

import org.queryaudit.model.QueryEvent;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;

/**
 * Reads every query-event input so that each input row becomes exactly one parsed row (an
 * event, or a quarantined row with its reason), and finds the rows that repeat an earlier one.
 */
public final class EventIngest {
    private static final String HASH = "_dup_hash";
    /** The columns of {@link #duplicates}: named apart from the rows' own, so joining back is not a self-join. */
    public static final String DROP_FILE = "_drop_file";
    public static final String DROP_LINE = "_drop_line";

    private EventIngest() {
    }

    /** The slices the inputs are read in: a large file is cut so that every core reads part of it. */
    public static List<FileSlice> slices(JavaSparkContext jsc, List<InputFile> inputs) {
        List<FileBinding> bindings = new ArrayList<>();
        for (InputFile f : inputs) {
            if (!f.isEmpty()) {
                bindings.add(FileBinding.of(f));
            }
        }
        return SlicePlanner.plan(jsc, bindings);
    }

    /**
     * The parsed rows of some slices, in order, read lazily on an executor (slots of {@link ParsedRows#SCHEMA}).
     *
     * @param personal masks personal data in free text and quarantined rows; null shows them (--show-sensitive)
     */
    public static Iterator<Object[]> rows(Iterator<FileSlice> slices, UsStates states, RedactionMarkers markers,
                                          PersonalData personal, AgencyDestinations agencies) {
        return new FlatRows(slices, states, markers, personal, agencies);
    }

    /**
     * The rows to drop as duplicates, as ({@link #DROP_FILE}, {@link #DROP_LINE}), from the accepted rows'
     * event_id, source_file and source_line. Duplicates share an event id (the export's own id,
     * else the content); the copy from the first file and line is kept, so the choice is the
     * same every run. The 64-bit hashes of the ids are spread over partitions by value and
     * each partition's are sorted as plain longs, so equal neighbours are the hashes that repeat
     * (a hash aggregation of 100 M distinct keys spilled and took 10 times as long per row as of
     * 10 M); only the rows whose hash repeats are compared exactly, so the usual case (no
     * duplicate) costs one narrow pass and a sort of longs. Null when no id repeats.
     *
     * @param rows how many accepted rows there are (for the number of partitions)
     */
    public static Dataset<Row> duplicates(Dataset<Row> accepted, long rows) {
        Dataset<Row> ids = accepted.select(col(QueryEvent.EVENT_ID), col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE));
        int partitions = (int) Math.max(8, Math.min(10_000, rows / 2_000_000 + 1));
        Dataset<Long> hashes = ids.select(xxhash64(col(QueryEvent.EVENT_ID)).alias(HASH)).repartition(partitions, col(HASH))
                .as(Encoders.LONG());
        Dataset<Long> repeated = hashes.mapPartitions((MapPartitionsFunction<Long, Long>) it -> {
            long[] a = new long[1024];
            int n = 0;
            while (it.hasNext()) {
                if (n == a.length) {
                    a = Arrays.copyOf(a, a.length * 2);
                }
                a[n++] = it.next();
            }
            Arrays.sort(a, 0, n);
            List<Long> out = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                if (a[i] == a[i - 1] && (out.isEmpty() || out.get(out.size() - 1) != a[i])) {
                    out.add(a[i]);
                }
            }
            return out.iterator();
        }, Encoders.LONG());
        Dataset<Row> hot = repeated.toDF(HASH);
        if (hot.isEmpty()) {
            return null;
        }
        Dataset<Row> candidates = ids.withColumn(HASH, xxhash64(col(QueryEvent.EVENT_ID)))
                .join(hot, HASH, "left_semi").drop(HASH);
        Dataset<Row> keep = candidates.groupBy(col(QueryEvent.EVENT_ID).alias("_dup_id"))
                .agg(count("*").alias("_dup_n"), min(struct(col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE))).alias("_keep"))
                .filter(col("_dup_n").gt(1));
        Dataset<Row> drops = candidates.join(keep, candidates.col(QueryEvent.EVENT_ID).equalTo(keep.col("_dup_id")))
                .filter(struct(col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE)).notEqual(col("_keep")))
                .select(col(QueryEvent.SOURCE_FILE).alias(DROP_FILE), col(QueryEvent.SOURCE_LINE).alias(DROP_LINE));
        return drops.isEmpty() ? null : drops;
    }

    /** The rows of several slices in turn. */
    private static final class FlatRows implements Iterator<Object[]> {
        private final Iterator<FileSlice> slices;
        private final UsStates states;
        private final RedactionMarkers markers;
        private final PersonalData personal;
        private final AgencyDestinations agencies;
        private SliceRows current;

        FlatRows(Iterator<FileSlice> slices, UsStates states, RedactionMarkers markers, PersonalData personal,
                 AgencyDestinations agencies) {
            this.slices = slices;
            this.agencies = agencies;
            this.states = states;
            this.markers = markers;
            this.personal = personal;
        }

        @Override
        public boolean hasNext() {
            while ((current == null || !current.hasNext()) && slices.hasNext()) {
                current = new SliceRows(slices.next(), states, markers, personal, agencies);
            }
            return current != null && current.hasNext();
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
