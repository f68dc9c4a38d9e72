package org.queryaudit.ingest;

/** How a profile column's text becomes a canonical value. */
public enum ValueType {
    /** Kept as written (trimmed). */
    TEXT,
    /** A whole number; thousands separators allowed; placeholders read as empty. */
    COUNT,
    /** An instant, read with the profile's timestamp formats. */
    TIMESTAMP,
    /** Two instants in one cell: on two lines, or "A UTC to B UTC". */
    TIME_RANGE;

    public static ValueType parse(String name) {
        return switch (name) {
            case "text" -> TEXT;
            case "count" -> COUNT;
            case "timestamp" -> TIMESTAMP;
            case "time_range" -> TIME_RANGE;
            default -> throw new IllegalArgumentException(
                    "'" + name + "' is not a column type; use one of text, count, timestamp, time_range");
        };
    }
}
