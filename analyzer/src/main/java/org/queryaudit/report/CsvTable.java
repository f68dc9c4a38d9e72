package org.queryaudit.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.base.HadoopFiles;
import scala.collection.JavaConverters;

/**
 * Writes a table as one RFC 4180 CSV file that is safe to open in a spreadsheet. Rows stream
 * to the driver one partition at a time (never the whole table at once), in the Dataset's
 * sort order, so the same inputs give the same bytes.
 *
 * <p>Text cells come from logs typed by strangers: a cell that starts with {@code = + - @},
 * a tab or a carriage return is prefixed with an apostrophe so no spreadsheet runs it as a
 * formula.
 */
public final class CsvTable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvTable() {
    }

    /**
     * Writes the Dataset's columns, in order, under their names. The Dataset must be sorted
     * (a total order). Each partition is formatted on an executor into a part file (a sorted
     * Dataset's partitions are in order), and the parts are joined behind one header: the
     * bytes are those of a single sequential write, made by every core.
     */
    public static long write(FileSystem fs, Path file, Dataset<Row> sorted) throws IOException {
        List<String> header = List.of(sorted.columns());
        int width = header.size();
        return write(fs, List.of(file), List.of(header), sorted, (row, out, counts) -> {
            Object[] cells = new Object[width];
            for (int i = 0; i < width; i++) {
                cells[i] = cell(row.get(i));
            }
            out[0].printRecord(cells);
            counts[0]++;
        })[0];
    }

    /** Prints one sorted row into one or more of the files being written, counting what it prints. */
    @FunctionalInterface
    public interface RowPrinter extends java.io.Serializable {
        void print(Row row, CSVPrinter[] out, long[] counts) throws IOException;
    }

    /**
     * Writes several CSV files from one pass over a sorted Dataset: each partition is formatted
     * on an executor into one part per file, and each file's parts are joined behind its header
     * in partition order. Returns the rows printed into each file.
     */
    public static long[] write(FileSystem fs, List<Path> files, List<List<String>> headers, Dataset<Row> sorted, RowPrinter printer)
            throws IOException {
        int n = files.size();
        List<String> partsUris = new java.util.ArrayList<>();
        for (Path file : files) {
            Path parts = parts(file);
            fs.delete(parts, true);
            fs.mkdirs(parts);
            partsUris.add(parts.toUri().toString());
        }
        List<long[]> written = sorted.javaRDD().mapPartitionsWithIndex((index, rows) -> {
            CSVPrinter[] out = new CSVPrinter[n];
            long[] counts = new long[n + 1];
            counts[n] = index;
            try {
                for (int i = 0; i < n; i++) {
                    Path part = new Path(java.net.URI.create(partsUris.get(i) + "/" + partName(index)));
                    FileSystem pfs = part.getFileSystem(HadoopFiles.configuration());
                    // Buffered: the printer appends cell by cell, and each unbuffered append takes the encoder's lock.
                    out[i] = new CSVPrinter(new java.io.BufferedWriter(new OutputStreamWriter(pfs.create(part, true),
                            StandardCharsets.UTF_8), 1 << 16), FORMAT);
                }
                while (rows.hasNext()) {
                    printer.print(rows.next(), out, counts);
                }
            } finally {
                for (CSVPrinter o : out) {
                    if (o != null) {
                        o.close();
                    }
                }
            }
            return java.util.List.of(counts).iterator();
        }, true).collect();
        List<long[]> ordered = new java.util.ArrayList<>(written);
        ordered.sort(java.util.Comparator.comparingLong(x -> x[n]));
        long[] totals = new long[n];
        for (int i = 0; i < n; i++) {
            Path parts = parts(files.get(i));
            try (java.io.OutputStream out = fs.create(files.get(i), true)) {
                StringBuilder line = new StringBuilder();
                FORMAT.printRecord(line, headers.get(i).toArray());
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                for (long[] w : ordered) {
                    try (java.io.InputStream in = fs.open(new Path(parts, partName(w[n])))) {
                        in.transferTo(out);
                    }
                    totals[i] += w[i];
                }
            }
            fs.delete(parts, true);
        }
        return totals;
    }

    private static Path parts(Path file) {
        return new Path(file.getParent(), "." + file.getName() + ".parts");
    }

    private static String partName(long index) {
        return String.format("part-%06d.csv", index);
    }

    public static long write(FileSystem fs, Path file, List<String> header, Iterator<Row> rows) throws IOException {
        long n = 0;
        try (Writer w = new OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, FORMAT)) {
            out.printRecord(header);
            n = print(out, rows, header.size());
        }
        return n;
    }

    /** Prints rows of {@code width} cells; returns how many. */
    private static long print(CSVPrinter out, Iterator<Row> rows, int width) throws IOException {
        long n = 0;
        Object[] cells = new Object[width];
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int i = 0; i < width; i++) {
                cells[i] = cell(r.get(i));
            }
            out.printRecord(cells);
            n++;
        }
        return n;
    }

    /** The text of one value as a CSV cell: as {@link #text}, and never a formula. */
    public static String cell(Object v) {
        String t = text(v);
        return v instanceof Number || v instanceof Boolean ? t : inert(t);
    }

    /** The plain text of one value (instants in ISO 8601 UTC, lists joined with ';'). */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Instant i) {
            return DateTimeFormatter.ISO_INSTANT.format(i);
        }
        if (v instanceof java.sql.Timestamp t) {
            return DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof scala.collection.Seq<?> seq) {
            StringBuilder b = new StringBuilder();
            for (Object o : JavaConverters.seqAsJavaList(seq)) {
                if (b.length() > 0) {
                    b.append(';');
                }
                b.append(o);
            }
            return b.toString();
        }
        if (v instanceof scala.collection.Map<?, ?> map) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<?, ?> e : new java.util.TreeMap<>(JavaConverters.mapAsJavaMap(map)).entrySet()) {
                if (b.length() > 0) {
                    b.append(';');
                }
                b.append(e.getKey()).append('=').append(e.getValue());
            }
            return b.toString();
        }
        return v.toString();
    }

    /** A text cell no spreadsheet will evaluate. */
    public static String inert(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        return s;
    }
}
