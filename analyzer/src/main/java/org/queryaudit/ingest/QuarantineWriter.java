package org.queryaudit.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.base.HadoopFiles;
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
        TaskContext task = TaskContext.get();
        Part part = new Part(task == null ? 0 : task.partitionId(), task == null ? 0 : task.attemptNumber());
        if (task != null) {
            // A failed task leaves no part behind, only at most a hidden one that is never read.
            task.addTaskFailureListener((org.apache.spark.util.TaskFailureListener) (ctx, error) -> part.abandon());
        }
        return part;
    }

    /** The rows of every finished part, in {@link QuarantinedRow#SCHEMA}. */
    public static Dataset<Row> read(SparkSession spark, String folder) {
        return spark.read().schema(QuarantinedRow.SCHEMA).option("mode", "FAILFAST").json(folder);
    }

    /** One task's quarantined rows. */
    public final class Part implements AutoCloseable {
        private final String name;
        private final String hidden;
        private final ObjectWriter writer = JSON.writerFor(QuarantinedRow.class);
        private OutputStream out;
        private FileSystem fs;

        private Part(int partition, int attempt) {
            this.name = String.format("part-%05d.json", partition);
            this.hidden = "." + name + ".attempt-" + attempt;
        }

        public void add(QuarantinedRow row) {
            try {
                if (out == null) {
                    Path p = new Path(folder, hidden);
                    fs = p.getFileSystem(HadoopFiles.configuration());
                    out = fs.create(p, true);
                }
                out.write(writer.writeValueAsBytes(row));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write quarantined rows to " + folder + ": " + e.getMessage(), e);
            }
        }

        /** The part under its own name, once its rows are all written. */
        @Override
        public void close() {
            if (out == null) {
                return;
            }
            try {
                out.close();
                out = null;
                Path target = new Path(folder, name);
                fs.delete(target, false);
                if (!fs.rename(new Path(folder, hidden), target)) {
                    throw new IOException("cannot rename " + hidden + " to " + name);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish quarantined rows in " + folder + ": " + e.getMessage(), e);
            }
        }

        void abandon() {
            if (out != null) {
                try {
                    out.close();
                    fs.delete(new Path(folder, hidden), false);
                } catch (IOException ignored) {
                    // The hidden part is never read; the run fails anyway.
                }
                out = null;
            }
        }
    }
}
