package org.queryaudit.ingest;

/**
 * What one row of the pass's event output is (the column {@link #COLUMN}): an event of the
 * run's period, or an event outside it (counted, never reported). Rows that could not be read
 * are not among them: they are {@link org.queryaudit.model.QuarantinedRow}s. Below the pass, so
 * the reports that read these rows need nothing from the run.
 */
public final class RowKind {
    public static final String COLUMN = "row_kind";
    public static final String EVENT = "event";
    public static final String OUTSIDE = "outside";

    private RowKind() {
    }
}
