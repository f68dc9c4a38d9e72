package org.queryaudit.ingest;

/**
 * What one row of the pass's event output is (the column {@link #COLUMN}): an event of the
 * run's period, an event outside it (counted, never reported), or a flagged event's copy. Rows that could not be read
 * are not among them: they are {@link org.queryaudit.model.QuarantinedRow}s. Below the pass, so
 * the reports that read these rows need nothing from the run.
 */
public final class RowKind {
    public static final String COLUMN = "row_kind";
    public static final String EVENT = "event";
    public static final String OUTSIDE = "outside";
    /**
     * A second copy of an event of the period that is evidence (flagged.csv's rows): kept apart so
     * that the reports of flagged rows, violations and searches read a few per cent of the rows, not
     * all of them (issue 24). Never counted: the event itself is.
     */
    public static final String FLAGGED = "flagged";

    private RowKind() {
    }
}
