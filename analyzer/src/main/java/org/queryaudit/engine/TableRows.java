package org.queryaudit.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.base.TaskPart;
import org.queryaudit.model.EventTables;

/**
 * The rows of the tables beside the events ({@link EventTables}), as the pass's tasks find them:
 * each task writes a requester's or a reason's row, as a JSON line, the first time it meets its
 * key, to its own part of a folder ({@link TaskPart}). A task of a million events writes a few
 * thousand; the run then keeps one row per key.
 */
public final class TableRows implements EventFeed {
    private static final JsonFactory JSON = new JsonFactory();
    private final String requesters;
    private final String reasons;

    /** @param requesters, reasons existing, empty folders (URIs) */
    public TableRows(String requesters, String reasons) {
        this.requesters = requesters;
        this.reasons = reasons;
    }

    @Override
    public EventFeed.Part open() {
        return new Part(new Table(requesters, "requester rows", EventTables.REQUESTER_ROWS),
                new Table(reasons, "reason rows", EventTables.REASON_ROWS));
    }

    /** The rows the tasks wrote to one folder, in the table's schema; a key may be in several tasks' parts. */
    public static Dataset<Row> read(SparkSession spark, String folder, StructType table) {
        return spark.read().schema(table).option("mode", "FAILFAST").json(folder);
    }

    private record Part(Table requesters, Table reasons) implements EventFeed.Part {
        @Override
        public void add(Object[] event) {
            requesters.add(event);
            reasons.add(event);
        }

        @Override
        public void close() {
            requesters.close();
            reasons.close();
        }
    }

    /** One task's rows of one table. */
    private static final class Table {
        private final TaskPart part;
        private final String[] names;
        /** Where the derived event holds each of the table's columns; the first is the key. */
        private final int[] at;
        private final Set<Long> seen = new HashSet<>();
        private JsonGenerator out;

        Table(String folder, String what, StructType table) {
            this.part = TaskPart.open(folder, what, "json");
            this.names = table.fieldNames();
            this.at = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                at[i] = EventDerivation.SCHEMA.fieldIndex(names[i]);
            }
        }

        void add(Object[] event) {
            if (!seen.add((Long) event[at[0]])) {
                return;
            }
            try {
                if (out == null) {
                    out = JSON.createGenerator(part.stream());
                }
                out.writeStartObject();
                for (int i = 0; i < names.length; i++) {
                    write(names[i], event[at[i]]);
                }
                out.writeEndObject();
                out.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a " + names[0] + " row: " + e.getMessage(), e);
            }
        }

        private void write(String name, Object v) throws IOException {
            out.writeFieldName(name);
            if (v == null) {
                out.writeNull();
            } else if (v instanceof Long l) {
                out.writeNumber(l);
            } else if (v instanceof Boolean b) {
                out.writeBoolean(b);
            } else if (v instanceof List<?> list) {
                out.writeStartArray();
                for (Object x : list) {
                    out.writeString((String) x);
                }
                out.writeEndArray();
            } else {
                out.writeString((String) v);
            }
        }

        void close() {
            if (out != null) {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot finish the " + names[0] + " rows: " + e.getMessage(), e);
                }
            }
            part.finish();
        }
    }
}
