package org.queryaudit.model;

import java.io.Serializable;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One input row that could not be read as a query (or, in a sharing file, as a share): where it
 * was, why, and its text as written (masked unless --show-sensitive). Quarantined rows have
 * this schema of their own; they never travel as events.
 *
 * @param sourceLines the physical lines the row spans (1 unless a quoted cell held line ends)
 */
public record QuarantinedRow(String sourceFile, long sourceLine, int sourceLines, String sourceSystem, String sourceFormat,
                             String reason, String rawText) implements Serializable {
    public static final String REASON = "reason";
    public static final String RAW_TEXT = "raw_text";
    public static final StructType SCHEMA = new StructType()
            .add(QueryEvent.SOURCE_FILE, DataTypes.StringType, false)
            .add(QueryEvent.SOURCE_LINE, DataTypes.LongType, false)
            .add(QueryEvent.SOURCE_LINES, DataTypes.IntegerType, false)
            .add(QueryEvent.SOURCE_SYSTEM, DataTypes.StringType, true)
            .add(QueryEvent.SOURCE_FORMAT, DataTypes.StringType, true)
            .add(REASON, DataTypes.StringType, false)
            .add(RAW_TEXT, DataTypes.StringType, true);
}
