package org.queryaudit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.HadoopFiles;
import scala.Tuple2;

/** SHA-256 of files (the inputs, the reports), hashed by the executors, so a 2 GB export is not hashed on the driver. */
public final class InputHashes {
    private InputHashes() {
    }

    public static Map<String, String> of(SparkSession spark, List<String> uris) {
        if (uris.isEmpty()) {
            return Map.of();
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // A task per file for a few large inputs; for hundreds of small reports, a few tasks each.
        List<Tuple2<String, String>> pairs = jsc.parallelize(uris, Math.min(uris.size(), 4 * jsc.defaultParallelism()))
                .mapPartitions(it -> {
                    // One Hadoop configuration per task: making one reads XML files, and reports hold thousands of files.
                    Configuration conf = HadoopFiles.configuration();
                    List<Tuple2<String, String>> done = new java.util.ArrayList<>();
                    it.forEachRemaining(uri -> done.add(new Tuple2<>(uri, sha256(uri, conf))));
                    return done.iterator();
                })
                .collect();
        Map<String, String> out = new HashMap<>();
        pairs.forEach(p -> out.put(p._1, p._2));
        return out;
    }

    static String sha256(String uri, Configuration conf) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Path path = new Path(java.net.URI.create(uri));
            try (InputStream in = new DigestInputStream(path.getFileSystem(conf).open(path), md)) {
                byte[] buf = new byte[1 << 16];
                while (in.read(buf) >= 0) {
                    // digesting
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + uri + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
