package org.queryaudit.ingest;

/**
 * What one row of the pass's output is (the column {@link #COLUMN}): an event of the run's
 * period, an event outside it, or a quarantined row whose reason and text as written travel
 * in {@code extra} under {@link #QUARANTINE_REASON} and {@link #RAW_TEXT}. Below the pass, so
 * the reports that read these rows need nothing from the run.
 */
public final class RowKind {
    public static final String COLUMN = "row_kind";
    public static final String EVENT = "event";
    public static final String OUTSIDE = "outside";
    public static final String QUARANTINED = "quarantined";
    public static final String QUARANTINE_REASON = "quarantine_reason";
    public static final String RAW_TEXT = "raw_text";

    private RowKind() {
    }
}
