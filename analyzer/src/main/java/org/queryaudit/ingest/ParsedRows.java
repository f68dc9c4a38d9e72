package org.queryaudit.ingest;

import org.queryaudit.model.QueryEvent;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What ingest emits for every input row: the canonical event columns, plus why the row was
 * quarantined (null when it was read) and, for quarantined rows only, its text as written.
 */
public final class ParsedRows {
    public static final String QUARANTINE_REASON = "quarantine_reason";
    public static final String RAW_TEXT = "raw_text";
    public static final StructType SCHEMA = QueryEvent.SCHEMA
            .add(QUARANTINE_REASON, DataTypes.StringType, true)
            .add(RAW_TEXT, DataTypes.StringType, true);
    /** The longest raw text kept for a quarantined row (a spreadsheet cell holds 32,767). */
    static final int MAX_RAW_CHARS = 32_000;

    private ParsedRows() {
    }
}
