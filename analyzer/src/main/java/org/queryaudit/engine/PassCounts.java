package org.queryaudit.engine;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.util.AccumulatorV2;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.model.QuarantinedRow;
import org.queryaudit.model.QueryEvent;

/**
 * Where the pass's rows went, counted as the pass derives them (issue 24): per file, kind and
 * month the rows, their first and last local dates and the physical lines they span; per file
 * the rows that could not be read and their lines. A Spark accumulator: each task counts into
 * its own copy, merged on the driver once per task that finished, so the run's account needs
 * no second read of the staged rows. As small as files times months.
 */
public final class PassCounts extends AccumulatorV2<Object[], PassCounts.Counts> {
    private static final int FILE = EventDerivation.SCHEMA.fieldIndex(QueryEvent.SOURCE_FILE);
    private static final int KIND = EventDerivation.SCHEMA.fieldIndex(RowKind.COLUMN);
    private static final int MONTH = EventDerivation.SCHEMA.fieldIndex(QueryEvent.MONTH);
    private static final int LOCAL_DATE = EventDerivation.SCHEMA.fieldIndex(QueryEvent.LOCAL_DATE);
    private static final int LINES = EventDerivation.SCHEMA.fieldIndex(QueryEvent.SOURCE_LINES);

    private Counts counts = new Counts();

    /** A new one, registered with the context. */
    public static PassCounts registered(SparkContext sc) {
        PassCounts c = new PassCounts();
        sc.register(c, "rows of the pass");
        return c;
    }

    /** What a group of a file's rows was read as: its file, kind ({@link RowKind}) and month. */
    public record Group(String file, String kind, String month) implements Serializable {
    }

    /**
     * Rows of a group or of a file's quarantine: how many, the physical lines they span, and for
     * accepted rows the first and last local dates as epoch days ({@link Long#MAX_VALUE} and
     * {@link Long#MIN_VALUE} where no row has one). Counted in place: one per group, not per row.
     */
    public static final class Tally implements Serializable {
        private long rows;
        private long lines;
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;

        public long rows() {
            return rows;
        }

        public long lines() {
            return lines;
        }

        /** The first local date, or null where no row has one. */
        public LocalDate first() {
            return rows == 0 || first == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(first);
        }

        /** The last local date, or null where no row has one. */
        public LocalDate last() {
            return rows == 0 || last == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(last);
        }

        void add(long lines, LocalDate date) {
            rows++;
            this.lines += lines;
            if (date != null) {
                long d = date.toEpochDay();
                first = Math.min(first, d);
                last = Math.max(last, d);
            }
        }

        void add(Tally o) {
            rows += o.rows;
            lines += o.lines;
            first = Math.min(first, o.first);
            last = Math.max(last, o.last);
        }
    }

    /** The counts: accepted rows per group, quarantined rows per file. */
    public static final class Counts implements Serializable {
        private final Map<Group, Tally> accepted = new HashMap<>();
        private final Map<String, Tally> quarantined = new HashMap<>();
        /** The last row's group and tally: rows of one group come in runs. */
        private transient Group lastGroup;
        private transient Tally lastTally;

        public Map<Group, Tally> accepted() {
            return accepted;
        }

        public Map<String, Tally> quarantined() {
            return quarantined;
        }

        void add(Object[] row) {
            String file = (String) row[FILE];
            String kind = (String) row[KIND];
            String month = (String) row[MONTH];
            if (lastGroup == null || !java.util.Objects.equals(lastGroup.file(), file) || !java.util.Objects.equals(lastGroup.kind(), kind)
                    || !java.util.Objects.equals(lastGroup.month(), month)) {
                lastGroup = new Group(file, kind, month);
                lastTally = accepted.computeIfAbsent(lastGroup, g -> new Tally());
            }
            Integer lines = (Integer) row[LINES];
            lastTally.add(lines == null ? 0 : lines, (LocalDate) row[LOCAL_DATE]);
        }

        void add(QuarantinedRow q) {
            quarantined.computeIfAbsent(q.sourceFile(), f -> new Tally()).add(q.sourceLines(), null);
        }

        void merge(Counts o) {
            o.accepted.forEach((g, t) -> accepted.computeIfAbsent(g, k -> new Tally()).add(t));
            o.quarantined.forEach((f, t) -> quarantined.computeIfAbsent(f, k -> new Tally()).add(t));
        }

        Counts copy() {
            Counts c = new Counts();
            c.merge(this);
            return c;
        }

        boolean isEmpty() {
            return accepted.isEmpty() && quarantined.isEmpty();
        }
    }

    /** One row the pass derived (not a flagged copy), as {@link EventDerivation#SCHEMA}'s values. */
    @Override
    public void add(Object[] row) {
        counts.add(row);
    }

    /** One row that could not be read. */
    public void add(QuarantinedRow q) {
        counts.add(q);
    }

    @Override
    public boolean isZero() {
        return counts.isEmpty();
    }

    @Override
    public AccumulatorV2<Object[], Counts> copy() {
        PassCounts c = new PassCounts();
        c.counts = counts.copy();
        return c;
    }

    @Override
    public AccumulatorV2<Object[], Counts> copyAndReset() {
        return new PassCounts();
    }

    @Override
    public void reset() {
        counts = new Counts();
    }

    @Override
    public void merge(AccumulatorV2<Object[], Counts> other) {
        counts.merge(other.value());
    }

    @Override
    public Counts value() {
        return counts;
    }
}
