package org.queryaudit.engine;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.base.HadoopFiles;
import org.queryaudit.base.TaskPart;

/**
 * Where the pass writes its rows: Parquet files in Spark's partition folders
 * ({@code row_kind=event/owner_state=CA/month=2025-09}), the partition columns left to the
 * folders' names, as Spark's own partitioned writer leaves them, so Spark's reader and DuckDB's
 * ({@code hive_partitioning}) read the folder as they read Spark's. Each task keeps one file
 * open per folder it meets; each file appears whole when the task's rows end ({@link TaskPart}).
 */
public final class StagedFiles implements Serializable {
    private final String root;
    private final StructType schema;
    private final int[] partitionAt;
    private final String[] partitionNames;
    private final int[] from;
    private final boolean[] repeating;
    private final List<String> plain;
    private final int rowGroupBytes;
    private final int openFiles;

    /**
     * @param root         the folder the partition folders go in
     * @param rows         the derived rows' schema (where each column is found)
     * @param written      what is written: its last columns named in {@code partitionBy} are the folders
     * @param partitionBy  the partition columns, outermost first
     * @param repeating    text columns whose values repeat from row to row (their bytes are remembered)
     * @param plain        columns unique per row: no dictionary (it would cost a hash-map insert per value)
     * @param rowGroupBytes Parquet's row group size: each open file reserves one
     * @param openFiles    files a task keeps open at once; past them, the least recently written is finished
     */
    public StagedFiles(String root, StructType rows, StructType written, List<String> partitionBy, List<String> repeating,
                       List<String> plain, int rowGroupBytes, int openFiles) {
        this.root = root;
        this.partitionNames = partitionBy.toArray(String[]::new);
        this.partitionAt = partitionBy.stream().mapToInt(rows::fieldIndex).toArray();
        List<StructField> data = new ArrayList<>();
        for (StructField f : written.fields()) {
            if (!partitionBy.contains(f.name())) {
                data.add(f);
            }
        }
        this.schema = new StructType(data.toArray(StructField[]::new));
        this.from = data.stream().mapToInt(f -> rows.fieldIndex(f.name())).toArray();
        this.repeating = new boolean[data.size()];
        for (int i = 0; i < data.size(); i++) {
            StructField f = data.get(i);
            if (repeating.contains(f.name()) && !(f.dataType() instanceof StringType)) {
                throw new IllegalArgumentException(f.name() + " is not a text column: only texts are remembered");
            }
            this.repeating[i] = repeating.contains(f.name());
        }
        this.plain = List.copyOf(plain);
        this.rowGroupBytes = rowGroupBytes;
        this.openFiles = openFiles;
    }

    /** This task's files. */
    public Part open() {
        return new Part();
    }

    /** One task's open files, one per partition folder, least recently written first. */
    public final class Part {
        private final Map<List<String>, Open> open = new LinkedHashMap<>(16, 0.75f, true);
        /** Files opened per folder, so that a folder's next file of this task has a name of its own. */
        private final Map<List<String>, Integer> opened = new HashMap<>();
        private final String[] values = new String[partitionAt.length];
        private final String[] lastValues = new String[partitionAt.length];
        private Open last;

        /** One derived row, into its folder's file. */
        public void add(Object[] row) {
            boolean same = last != null;
            for (int i = 0; i < values.length; i++) {
                values[i] = (String) row[partitionAt[i]];
                same = same && java.util.Objects.equals(values[i], lastValues[i]);
            }
            // Rows of one folder come in runs: the look-up is made when the folder changes.
            if (!same) {
                List<String> key = java.util.Arrays.asList(values.clone());
                Open file = open.get(key);
                if (file == null) {
                    if (open.size() >= openFiles) {
                        Map.Entry<List<String>, Open> eldest = open.entrySet().iterator().next();
                        open.remove(eldest.getKey());
                        eldest.getValue().finish();
                    }
                    int n = opened.merge(key, 1, Integer::sum) - 1;
                    file = new Open(folder(key), n);
                    open.put(key, file);
                }
                last = file;
                System.arraycopy(values, 0, lastValues, 0, values.length);
            }
            last.write(row);
        }

        /** The task's rows have ended: every file is finished and given its name. */
        public void close() {
            for (Open f : open.values()) {
                f.finish();
            }
            open.clear();
            last = null;
        }

        private String folder(List<String> key) {
            StringBuilder b = new StringBuilder(root);
            for (int i = 0; i < partitionNames.length; i++) {
                b.append('/').append(ExternalCatalogUtils.getPartitionPathString(partitionNames[i], key.get(i)));
            }
            return b.toString();
        }
    }

    /** One file being written, under its hidden name until it is finished. */
    private final class Open {
        private final String folder;
        private final TaskPart part;
        private ParquetWriter<Object[]> writer;

        Open(String folder, int sequence) {
            this.folder = folder;
            this.part = TaskPart.open(folder, "staged rows", String.format("c%03d.snappy.parquet", sequence));
        }

        void write(Object[] row) {
            try {
                if (writer == null) {
                    Builder b = new Builder(HadoopOutputFile.fromPath(part.hiddenPath(), HadoopFiles.configuration()));
                    b.withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                            .withRowGroupSize((long) rowGroupBytes).withValidation(false);
                    for (String column : plain) {
                        b.withDictionaryEncoding(column, false);
                    }
                    // Parquet leaves the order of INT96 values undefined, so readers ignore their min and max; keeping
                    // them copied the timestamp of nearly every row (a new maximum) and cost 8 % of the writer.
                    for (StructField f : schema.fields()) {
                        if (f.dataType() instanceof org.apache.spark.sql.types.TimestampType) {
                            b.withStatisticsEnabled(f.name(), false);
                        }
                    }
                    writer = b.build();
                }
                writer.write(row);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the staged rows to " + folder + ": " + e.getMessage(), e);
            }
        }

        void finish() {
            part.finish(writer);
        }
    }

    private final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        Builder(org.apache.parquet.io.OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new StagedWrite(schema, from, repeating);
        }
    }
}
