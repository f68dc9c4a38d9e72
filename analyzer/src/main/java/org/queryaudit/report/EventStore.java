package org.queryaudit.report;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.ingest.QueryEvent;

/** {@code events/}: every accepted event with its derived columns, Parquet, by owner state and month. */
public final class EventStore {
    public static final String FOLDER = "events";

    private EventStore() {
    }

    public static void write(Dataset<Row> events, Path folder) {
        events.write().mode(SaveMode.ErrorIfExists).partitionBy(QueryEvent.OWNER_STATE, QueryEvent.MONTH)
                .parquet(folder.toString());
    }

    /** The stored events; with the schema they were written with, so an empty store reads as empty. */
    public static Dataset<Row> read(SparkSession spark, Path folder, org.apache.spark.sql.types.StructType schema) {
        return spark.read().schema(schema).parquet(folder.toString());
    }
}
