package org.queryaudit.engine;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.queryaudit.ingest.AgencyDestinations;
import org.queryaudit.ingest.EventIngest;
import org.queryaudit.ingest.FileSlice;
import org.queryaudit.ingest.InputFile;
import org.queryaudit.ingest.PersonalData;
import org.queryaudit.ingest.QuarantineWriter;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.model.QuarantinedRow;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;

/**
 * The one pass over the inputs, on the executors: each task reads its slices, derives every row
 * that was read ({@link EventDerivation}) and hands Spark the rows in its own representation
 * ({@link SparkRows}). The rows are written once, partitioned by {@link RowKind}: the events of
 * the run's period (all of their columns) and events outside it (only what counting needs);
 * rows that could not be read go to the quarantine in their own schema ({@link QuarantinedRow}),
 * written by the same tasks. The same tasks feed the reports as they derive each event of the
 * period ({@link EventFeed}), and write the events a report selects ({@link EventSelection}) a
 * second time, apart ({@link RowKind#FLAGGED}): those reports then read a few narrow or few rows,
 * not the events again (issue 24). Rows are never joined, shuffled or converted between stages,
 * which is what makes a month of a state take seconds.
 */
public final class EventPass implements Serializable {
    private static final int KIND = EventDerivation.SCHEMA.fieldIndex(RowKind.COLUMN);
    private final UsStates states;
    private final RedactionMarkers markers;
    private final AgencyDestinations destinations;
    private final PersonalData personal;
    private final EventDerivation derivation;
    private final List<EventFeed> feeds;
    private final EventSelection copied;

    public EventPass(UsStates states, RedactionMarkers markers, AgencyDestinations destinations, EventDerivation derivation) {
        this(states, markers, destinations, derivation, List.of(), null);
    }

    /**
     * @param feeds  the reports fed from the pass, each handed every event of the period as it is derived
     * @param copied the events of the period written a second time as {@link RowKind#FLAGGED} (null: none)
     */
    public EventPass(UsStates states, RedactionMarkers markers, AgencyDestinations destinations, EventDerivation derivation,
                     List<EventFeed> feeds, EventSelection copied) {
        this.states = states;
        this.markers = markers;
        this.destinations = destinations;
        this.derivation = derivation;
        this.feeds = List.copyOf(feeds);
        this.copied = copied;
        this.personal = derivation.showsSensitive() ? null : PersonalData.shipped();
    }

    /**
     * Every row of the slices that was read, derived on the executors, as rows of {@link EventDerivation#STAGED};
     * the rows that could not be read go to {@code quarantine}, in a schema of their own.
     */
    public Dataset<Row> rows(SparkSession spark, List<FileSlice> slices, QuarantineWriter quarantine) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        EventPass pass = this;
        JavaRDD<InternalRow> rows = jsc.parallelize(slices, Math.max(1, slices.size()))
                .mapPartitions(it -> pass.derive(EventIngest.rows(it, pass.states, pass.markers, pass.personal,
                        pass.destinations), quarantine.open()));
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(), EventDerivation.STAGED, false);
    }

    /** The slices of these inputs (a Spark job when a file is large enough to split). */
    public static List<FileSlice> slices(SparkSession spark, List<InputFile> inputs) {
        return EventIngest.slices(JavaSparkContext.fromSparkContext(spark.sparkContext()), inputs);
    }

    /** The task's rows that were read; the others are handed to the quarantine part, which is finished at the end. */
    private Iterator<InternalRow> derive(Iterator<Object[]> parsed, QuarantineWriter.Part quarantine) {
        SparkRows spark = new SparkRows();
        EventFeed.Part[] parts = feeds.stream().map(EventFeed::open).toArray(EventFeed.Part[]::new);
        return new Iterator<>() {
            private InternalRow next;
            /** A flagged event's copy, handed out after the event. */
            private InternalRow copy;

            @Override
            public boolean hasNext() {
                if (next == null && copy != null) {
                    next = copy;
                    copy = null;
                }
                while (next == null && parsed.hasNext()) {
                    Object[] p = parsed.next();
                    if (EventDerivation.isQuarantined(p)) {
                        quarantine.add(EventDerivation.quarantined(p));
                    } else {
                        Object[] event = derivation.derive(p);
                        boolean inPeriod = RowKind.EVENT.equals(event[KIND]);
                        if (inPeriod) {
                            for (EventFeed.Part part : parts) {
                                part.add(event);
                            }
                        }
                        next = spark.row(event);
                        if (inPeriod && copied != null && copied.test(event)) {
                            Object[] flagged = event.clone();
                            flagged[KIND] = RowKind.FLAGGED;
                            copy = spark.row(flagged);
                        }
                    }
                }
                if (next == null) {
                    quarantine.close();
                    for (EventFeed.Part part : parts) {
                        part.close();
                    }
                }
                return next != null;
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                InternalRow r = next;
                next = null;
                return r;
            }
        };
    }
}
