package org.queryaudit.store;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.engine.TableRows;
import org.queryaudit.model.AuditedEvent;
import org.queryaudit.model.EventTables;

/**
 * {@code events/}: every accepted event, Parquet, partitioned by owner state and month, with
 * the tables of its requesters and reasons beside it ({@link EventTables}); {@link #read}
 * gives the wide view ({@link AuditedEvent}), the events joined with both tables. Events
 * written before the tables existed hold every column themselves, and are read as they are.
 */
public final class EventStore {
    public static final String FOLDER = "events";

    private EventStore() {
    }

    /** The wide view of {@code events} whose tables are beside it (in its parent folder). */
    public static Dataset<Row> read(SparkSession spark, Path events) {
        // A path from a folder's URI ends in '/', whose parent would be the folder itself.
        Path folder = new Path(events.toString());
        return read(spark, folder, folder.getParent());
    }

    /**
     * The wide view of the events in {@code events}, whose tables are in {@code tables}
     * ({@code requesters/} and {@code reasons/}). Which layout a folder holds is read from its
     * files' own schema, never guessed from what lies beside it; an empty folder reads as empty.
     */
    public static Dataset<Row> read(SparkSession spark, Path events, Path tables) {
        Layout layout = layout(spark, events);
        // No files (a run whose period held no event): nothing to join, and it reads as empty.
        if (layout == null || layout == Layout.WIDE) {
            return spark.read().schema(AuditedEvent.SCHEMA).parquet(events.toString());
        }
        return wide(spark.read().schema(EventTables.EVENTS).parquet(events.toString()), table(spark, tables, EventTables.REQUESTERS,
                events), table(spark, tables, EventTables.REASONS, events));
    }

    /** How a folder of events was written. */
    public enum Layout {
        /** Every column in the events (before issue 24). */
        WIDE,
        /** The events with the keys of their requester and reason rows, the tables beside them. */
        TABLES
    }

    /** The layout of the events in a folder, from its files' schema; null for a folder without any. */
    public static Layout layout(SparkSession spark, Path events) {
        try {
            FileSystem fs = events.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(events) || !hasParquet(fs, events)) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + events + ": " + e.getMessage(), e);
        }
        StructType written = spark.read().parquet(events.toString()).schema();
        return written.getFieldIndex(EventTables.REQUESTER_KEY).isDefined() ? Layout.TABLES : Layout.WIDE;
    }

    private static boolean hasParquet(FileSystem fs, Path folder) throws IOException {
        var it = fs.listFiles(folder, true);
        while (it.hasNext()) {
            Path p = it.next().getPath();
            if (p.getName().endsWith(".parquet") && !p.getName().startsWith(".") && !p.getName().startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** One table beside the events; its absence is an error that names it, never a view with blank columns. */
    private static Dataset<Row> table(SparkSession spark, Path tables, String name, Path events) {
        Path folder = new Path(tables, name);
        try {
            if (!folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(folder)) {
                throw new org.queryaudit.base.ConfigException(events + " holds events whose " + name + " are in a table beside them, but "
                        + folder + " is missing; copy the events folder together with " + EventTables.REQUESTERS + "/ and "
                        + EventTables.REASONS + "/");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return spark.read().schema(EventTables.rowsOf(name)).parquet(folder.toString());
    }

    /**
     * The wide view: each event with its requester's and its reason's row, the columns in
     * {@link AuditedEvent#SCHEMA}'s order. Left joins, so an event whose row were missing would
     * keep its own columns and show blank derived ones, never vanish; each table has one row per key.
     */
    public static Dataset<Row> wide(Dataset<Row> events, Dataset<Row> requesters, Dataset<Row> reasons) {
        Dataset<Row> r = local(requesters).withColumnRenamed(EventTables.REQUESTER_KEY, "_r");
        Dataset<Row> t = local(reasons).withColumnRenamed(EventTables.REASON_KEY, "_t");
        Dataset<Row> joined = events.join(broadcast(r), col(EventTables.REQUESTER_KEY).equalTo(col("_r")), "left")
                .join(broadcast(t), col(EventTables.REASON_KEY).equalTo(col("_t")), "left");
        return joined.select(List.of(AuditedEvent.SCHEMA.fieldNames()).stream().map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
    }

    /**
     * A table read once into the driver's memory. A broadcast join collects its small side to
     * the driver anyway, but from files it does so in a Spark job for every query over the
     * view; the reports run a dozen queries over the flagged events (3 s of a 1 M-row run).
     * A table has one row per distinct resolution or reading of a reason: thousands, not millions.
     */
    private static Dataset<Row> local(Dataset<Row> table) {
        if (table.queryExecution().analyzed() instanceof org.apache.spark.sql.catalyst.plans.logical.LocalRelation) {
            return table;
        }
        return table.sparkSession().createDataFrame(table.collectAsList(), table.schema());
    }

    /** A run's two tables, held in the driver's memory ({@link #local}), and their numbers of rows by folder. */
    public record Tables(Dataset<Row> requesters, Dataset<Row> reasons, Map<String, Long> rows) {
    }

    /** One table as written: its rows in the driver's memory, and how many. */
    private record Written(Dataset<Row> table, long rows) {
    }

    /**
     * Writes the two tables from the rows the pass's tasks found ({@link TableRows}): one row
     * per key, in key order, one file each; and keeps them for the run's own reads of its events.
     * A key that stood for two different rows would be a hash collision; it stops the run
     * instead of joining an event to another's row.
     */
    public static Tables writeTables(SparkSession spark, String stagedRequesters, String stagedReasons, Path tables) {
        // Two small jobs each, run side by side: their time is Spark's scheduling, not work.
        CompletableFuture<Written> requesters = CompletableFuture.supplyAsync(() -> write(spark, TableRows.read(spark,
                stagedRequesters, EventTables.REQUESTER_ROWS), EventTables.REQUESTER_ROWS, new Path(tables, EventTables.REQUESTERS)));
        Written reasons = write(spark, TableRows.read(spark, stagedReasons, EventTables.REASON_ROWS), EventTables.REASON_ROWS,
                new Path(tables, EventTables.REASONS));
        Written r = requesters.join();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(EventTables.REQUESTERS, r.rows());
        rows.put(EventTables.REASONS, reasons.rows());
        return new Tables(r.table(), reasons.table(), rows);
    }

    /**
     * Writes one table, its rows in key order in one file. The tasks' rows are few (a few
     * thousand per task), so one task reads them all, with no shuffle, into the driver, where
     * the keys are checked.
     */
    private static Written write(SparkSession spark, Dataset<Row> found, StructType schema, Path to) {
        String key = schema.fieldNames()[0];
        List<Row> rows = found.coalesce(1).distinct().sortWithinPartitions(key).collectAsList();
        java.util.Set<Long> keys = new java.util.HashSet<>();
        for (Row r : rows) {
            if (!keys.add(r.getLong(0))) {
                throw collision(to.toString(), r.getLong(0));
            }
        }
        Dataset<Row> table = spark.createDataFrame(rows, schema);
        table.coalesce(1).write().parquet(to.toString());
        return new Written(table, rows.size());
    }

    private static IllegalStateException collision(String where, Object key) {
        return new IllegalStateException(where + ": the key " + key + " stands for two different rows (a collision of their"
                + " SHA-256's first 8 bytes); nothing can be joined safely. Please report it");
    }

    /** The wide view of events of today's layout whose tables the run holds. */
    public static Dataset<Row> read(SparkSession spark, Path events, Tables tables) {
        return wide(spark.read().schema(EventTables.EVENTS).parquet(events.toString()), tables.requesters(), tables.reasons());
    }

    /** Fails if two different rows of a table share a key. */
    static void checkKeys(Dataset<Row> distinctRows, String key, String where) {
        List<Row> twice = distinctRows.groupBy(key).count().filter(col("count").gt(1)).limit(1).collectAsList();
        if (!twice.isEmpty()) {
            throw collision(where, twice.get(0).get(0));
        }
    }
}
