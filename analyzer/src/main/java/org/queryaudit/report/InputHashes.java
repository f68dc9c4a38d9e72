package org.queryaudit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.base.HadoopFiles;
import scala.Tuple2;

/**
 * SHA-256 of files (the inputs, the reports), hashed by the executors, so a 2 GB export is not
 * hashed on the driver; and, in the same read, a count of each file's physical lines that
 * shares no code with the CSV reader, against which the rows' accounting is checked.
 */
public final class InputHashes {
    private InputHashes() {
    }

    /**
     * One file's digest and lines.
     *
     * @param lines         physical lines: line ends (LF, CRLF or a lone CR), plus a last line without one
     * @param trailingBlank empty lines at the very end of the file (no row can account for them)
     */
    public record Census(String sha256, long lines, long trailingBlank) implements java.io.Serializable {
    }

    /** The digests alone (the reports: their lines are nobody's accounting). */
    public static Map<String, String> of(SparkSession spark, List<String> uris) {
        Map<String, String> out = new HashMap<>();
        read(spark, uris, false).forEach((uri, c) -> out.put(uri, c.sha256()));
        return out;
    }

    /** The digests and line counts of the inputs. */
    public static Map<String, Census> census(SparkSession spark, List<String> uris) {
        return read(spark, uris, true);
    }

    private static Map<String, Census> read(SparkSession spark, List<String> uris, boolean lines) {
        if (uris.isEmpty()) {
            return Map.of();
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // A task per file for a few large inputs; for hundreds of small reports, a few tasks each.
        List<Tuple2<String, Census>> pairs = jsc.parallelize(uris, Math.min(uris.size(), 4 * jsc.defaultParallelism()))
                .mapPartitions(it -> {
                    // One Hadoop configuration per task: making one reads XML files, and reports hold thousands of files.
                    Configuration conf = HadoopFiles.configuration();
                    List<Tuple2<String, Census>> done = new java.util.ArrayList<>();
                    it.forEachRemaining(uri -> done.add(new Tuple2<>(uri, census(uri, conf, lines))));
                    return done.iterator();
                })
                .collect();
        Map<String, Census> out = new HashMap<>();
        pairs.forEach(p -> out.put(p._1, p._2));
        return out;
    }

    static Census census(String uri, Configuration conf, boolean lines) {
        Path path = new Path(java.net.URI.create(uri));
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return census(in, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    /** The digest and line counts of a stream, read to its end. */
    public static Census census(InputStream in) throws IOException {
        return census(in, true);
    }

    /** The digest of a stream, read to its end, and its line counts when asked for (else zero). */
    static Census census(InputStream in, boolean countLines) throws IOException {
        MessageDigest md = org.queryaudit.base.Sha256.newDigest();
        byte[] buf = new byte[1 << 16];
        long lines = 0;
        long emptyRun = 0;
        long lineBytes = 0;
        boolean afterCr = false;
        int n;
        while ((n = in.read(buf)) >= 0) {
            md.update(buf, 0, n);
            for (int i = 0; countLines && i < n; i++) {
                byte b = buf[i];
                if (b == '\n' && afterCr) {
                    // The LF of a CRLF: the line ended at the CR.
                    afterCr = false;
                    continue;
                }
                afterCr = b == '\r';
                if (b == '\n' || b == '\r') {
                    lines++;
                    emptyRun = lineBytes == 0 ? emptyRun + 1 : 0;
                    lineBytes = 0;
                } else {
                    lineBytes++;
                }
            }
        }
        if (lineBytes > 0) {
            lines++;
            emptyRun = 0;
        }
        return new Census(HexFormat.of().formatHex(md.digest()), lines, emptyRun);
    }
}
