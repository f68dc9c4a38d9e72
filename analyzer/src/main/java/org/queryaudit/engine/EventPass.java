package org.queryaudit.engine;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
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
 * that was read ({@link EventDerivation}) and writes it straight to Parquet ({@link StagedFiles}).
 * The rows are written once, partitioned by {@link RowKind}: the events of
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
     * Derives every row of the slices that was read, on the executors, and writes it to {@code staged}'s
     * partition folders as a row of {@link EventDerivation#STAGED}; the rows that could not be read go
     * to {@code quarantine}, in a schema of their own. One Spark job; returns where the rows went.
     */
    public PassCounts.Counts write(SparkSession spark, List<FileSlice> slices, QuarantineWriter quarantine, StagedFiles staged) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        EventPass pass = this;
        PassCounts counts = PassCounts.registered(spark.sparkContext());
        jsc.parallelize(slices, Math.max(1, slices.size())).foreachPartition(it -> pass.derive(
                EventIngest.rows(it, pass.states, pass.markers, pass.personal, pass.destinations), quarantine.open(), staged.open(),
                counts));
        return counts.value();
    }

    /** The slices of these inputs (a Spark job when a file is large enough to split). */
    public static List<FileSlice> slices(SparkSession spark, List<InputFile> inputs) {
        return EventIngest.slices(JavaSparkContext.fromSparkContext(spark.sparkContext()), inputs);
    }

    /** The task's rows: those that were read into its staged files, the others handed to the quarantine part; both finished at the end. */
    private void derive(Iterator<Object[]> parsed, QuarantineWriter.Part quarantine, StagedFiles.Part files, PassCounts counts) {
        EventFeed.Part[] parts = feeds.stream().map(EventFeed::open).toArray(EventFeed.Part[]::new);
        while (parsed.hasNext()) {
            Object[] p = parsed.next();
            if (EventDerivation.isQuarantined(p)) {
                QuarantinedRow q = EventDerivation.quarantined(p);
                quarantine.add(q);
                counts.add(q);
                continue;
            }
            Object[] event = derivation.derive(p);
            counts.add(event);
            boolean inPeriod = RowKind.EVENT.equals(event[KIND]);
            if (inPeriod) {
                for (EventFeed.Part part : parts) {
                    part.add(event);
                }
            }
            files.add(event);
            if (inPeriod && copied != null && copied.test(event)) {
                Object[] flagged = event.clone();
                flagged[KIND] = RowKind.FLAGGED;
                files.add(flagged);
            }
        }
        quarantine.close();
        files.close();
        for (EventFeed.Part part : parts) {
            part.close();
        }
    }
}
