package org.queryaudit.store;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.model.AuditedEvent;

/**
 * {@code events/}: every accepted event with its derived columns ({@link AuditedEvent}),
 * Parquet, partitioned by owner state and month.
 */
public final class EventStore {
    public static final String FOLDER = "events";

    private EventStore() {
    }

    /** The stored events, with the schema they were written with, so an empty store reads as empty. */
    public static Dataset<Row> read(SparkSession spark, Path folder) {
        return spark.read().schema(AuditedEvent.SCHEMA).parquet(folder.toString());
    }
}
