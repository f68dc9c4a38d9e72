package org.queryaudit.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.ViolationColumns;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.model.TagColumns;

/**
 * {@code events/}: every accepted event with its derived columns, Parquet, partitioned by
 * owner state and month: the canonical event's columns as read, then each stage's columns in
 * pipeline order.
 */
public final class EventStore {
    public static final String FOLDER = "events";
    public static final StructType SCHEMA;

    static {
        List<StructField> fields = new ArrayList<>(List.of(QueryEvent.SCHEMA.fields()));
        fields.addAll(ResolveStage.COLUMNS);
        fields.addAll(TagColumns.COLUMNS);
        fields.addAll(ClassifyColumns.COLUMNS);
        fields.addAll(ViolationColumns.COLUMNS);
        SCHEMA = new StructType(fields.toArray(StructField[]::new));
    }

    private EventStore() {
    }

    /** The stored events, with the schema they were written with, so an empty store reads as empty. */
    public static Dataset<Row> read(SparkSession spark, Path folder) {
        return spark.read().schema(SCHEMA).parquet(folder.toString());
    }
}
