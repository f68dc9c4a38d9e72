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
        Path parts = new Path(file.getParent(), "." + file.getName() + ".parts");
        fs.delete(parts, true);
        fs.mkdirs(parts);
        String partsUri = parts.toUri().toString();
        List<long[]> written = sorted.javaRDD().mapPartitionsWithIndex((index, rows) -> {
            Path part = new Path(java.net.URI.create(partsUri + "/" + String.format("part-%06d.csv", index)));
            FileSystem pfs = part.getFileSystem(new org.apache.hadoop.conf.Configuration());
            long n = 0;
            try (Writer w = new OutputStreamWriter(pfs.create(part, true), StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, FORMAT)) {
                n = print(out, rows, header.size());
            }
            return java.util.List.of(new long[] {index, n}).iterator();
        }, true).collect();
        long total = 0;
        try (java.io.OutputStream out = fs.create(file, true)) {
            StringBuilder line = new StringBuilder();
            FORMAT.printRecord(line, header.toArray());
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            List<long[]> ordered = new java.util.ArrayList<>(written);
            ordered.sort(java.util.Comparator.comparingLong(x -> x[0]));
            for (long[] w : ordered) {
                try (java.io.InputStream in = fs.open(new Path(parts, String.format("part-%06d.csv", w[0])))) {
                    in.transferTo(out);
                }
                total += w[1];
            }
        }
        fs.delete(parts, true);
        return total;
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
