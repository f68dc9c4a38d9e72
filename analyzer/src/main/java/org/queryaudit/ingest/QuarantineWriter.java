package org.queryaudit.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.base.TaskPart;
import org.queryaudit.model.QuarantinedRow;

/**
 * Where the pass puts the rows it could not read: each task writes its own part of a folder,
 * one {@link QuarantinedRow} per JSON line, so that quarantined rows keep their own schema
 * while the events are written by the same pass. A part appears whole or not at all: it is
 * written under a hidden name and renamed when the task's rows end; a retried task writes the
 * same rows again and replaces it. Quarantined rows are few, so a part is small.
 */
public final class QuarantineWriter implements Serializable {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private final String folder;

    /** @param folder an existing, empty folder (a URI) */
    public QuarantineWriter(String folder) {
        this.folder = folder;
    }

    /** This task's part; nothing is written unless a row is added. */
    public Part open() {
        return new Part(TaskPart.open(folder, "quarantined rows", "json"));
    }

    /** The rows of every finished part, in {@link QuarantinedRow#SCHEMA}. */
    public static Dataset<Row> read(SparkSession spark, String folder) {
        return spark.read().schema(QuarantinedRow.SCHEMA).option("mode", "FAILFAST").json(folder);
    }

    /** One task's quarantined rows. */
    public static final class Part implements AutoCloseable {
        private final TaskPart part;
        private final ObjectWriter writer = JSON.writerFor(QuarantinedRow.class);

        private Part(TaskPart part) {
            this.part = part;
        }

        public void add(QuarantinedRow row) {
            try {
                part.stream().write(writer.writeValueAsBytes(row));
                part.stream().write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a quarantined row: " + e.getMessage(), e);
            }
        }

        /** The part under its own name, once its rows are all written. */
        @Override
        public void close() {
            part.finish();
        }
    }
}
