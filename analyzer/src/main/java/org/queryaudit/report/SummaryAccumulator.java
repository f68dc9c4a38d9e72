package org.queryaudit.report;

import java.util.List;
import java.util.Iterator;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.AccumulatorV2;
import org.queryaudit.engine.EventDerivation;
import org.queryaudit.engine.EventFeed;

/**
 * The event summary as a Spark accumulator: each task counts its events into its own
 * {@link SummaryTally}, and Spark merges the tasks' tallies on the driver, once per task that
 * finished (a retried task's tally is not counted twice; a failed one's is dropped). Fed by the
 * pass ({@link #feed}) or by stored events ({@link #of}), through the same tally.
 */
public final class SummaryAccumulator extends AccumulatorV2<Object[], SummaryTally> {
    private SummaryTally tally = new SummaryTally();

    /** A new accumulator, registered with the session's context. */
    public static SummaryAccumulator registered(SparkSession spark) {
        SummaryAccumulator acc = new SummaryAccumulator();
        spark.sparkContext().register(acc, "event summary");
        return acc;
    }

    /** The summary of stored events ({@code report --store}, or a run whose duplicates were dropped after the pass). */
    public static EventSummary of(Dataset<Row> events) {
        SummaryAccumulator acc = registered(events.sparkSession());
        int n = SummaryTally.COLUMNS.size();
        events.select(SummaryTally.COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .foreachPartition((ForeachPartitionFunction<Row>) (Iterator<Row> rows) -> {
                    Object[] v = new Object[n];
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        for (int i = 0; i < n; i++) {
                            v[i] = r.get(i);
                        }
                        acc.add(v);
                    }
                });
        return acc.value().summary();
    }

    /** The pass's feed: every event of the period, as derived, counted into this accumulator. */
    public EventFeed feed() {
        List<String> columns = SummaryTally.COLUMNS;
        int[] at = new int[columns.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = EventDerivation.SCHEMA.fieldIndex(columns.get(i));
        }
        SummaryAccumulator acc = this;
        return () -> new EventFeed.Part() {
            private final Object[] v = new Object[at.length];

            @Override
            public void add(Object[] event) {
                for (int i = 0; i < at.length; i++) {
                    v[i] = event[at[i]];
                }
                acc.add(v);
            }

            @Override
            public void close() {
                // The task's tally travels with its result.
            }
        };
    }

    @Override
    public boolean isZero() {
        return tally.isEmpty();
    }

    @Override
    public AccumulatorV2<Object[], SummaryTally> copy() {
        SummaryAccumulator c = new SummaryAccumulator();
        c.tally = tally.copy();
        return c;
    }

    /** A new empty one (not a copy emptied: a shallow copy would share the tally). */
    @Override
    public AccumulatorV2<Object[], SummaryTally> copyAndReset() {
        return new SummaryAccumulator();
    }

    @Override
    public void reset() {
        tally = new SummaryTally();
    }

    @Override
    public void add(Object[] event) {
        tally.add(event);
    }

    @Override
    public void merge(AccumulatorV2<Object[], SummaryTally> other) {
        tally.merge(other.value());
    }

    @Override
    public SummaryTally value() {
        return tally;
    }
}
