package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.ingest.QueryEvent;

/**
 * Plates, licence numbers and user names in every output: replaced by a keyed hash (so a
 * researcher can still count repeats) unless the user asks to see them. The key is the
 * user's ({@code QUERYAUDIT_HASH_KEY}), else derived from the inputs' SHA-256 digests: the
 * same inputs give the same hashes run after run, and only someone who holds the inputs
 * (and so already sees the values) can recompute them. Redaction markers stay as written.
 */
public final class SensitiveValues {
    public static final List<String> COLUMNS = List.of(QueryEvent.TARGET, QueryEvent.REQUESTER_USER);
    private final boolean show;
    private final String key;
    private final String keySource;

    private SensitiveValues(boolean show, String key, String keySource) {
        this.show = show;
        this.key = key;
        this.keySource = keySource;
    }

    public static SensitiveValues of(boolean show, String userKey, List<String> inputDigests) {
        if (show) {
            return new SensitiveValues(true, null, "none: --show-sensitive");
        }
        if (userKey != null && !userKey.isBlank()) {
            return new SensitiveValues(false, sha256("user|" + userKey), "QUERYAUDIT_HASH_KEY");
        }
        return new SensitiveValues(false, sha256("inputs|" + String.join("|", new TreeSet<>(inputDigests))),
                "derived from the inputs' SHA-256 digests");
    }

    public Dataset<Row> apply(Dataset<Row> events) {
        if (show) {
            return events;
        }
        Dataset<Row> out = events;
        for (String c : COLUMNS) {
            // "h:" + 16 hex characters of SHA-256(key | value); redacted cells are kept as written.
            out = out.withColumn(c, when(col(c).isNull(), lit(null).cast("string"))
                    .when(org.apache.spark.sql.functions.array_contains(col(QueryEvent.REDACTED_FIELDS), c), col(c))
                    .otherwise(concat(lit("h:"), substring(sha2(concat(lit(key + "|"), col(c)), 256), 1, 16))));
        }
        return out;
    }

    public boolean shown() {
        return show;
    }

    public String keySource() {
        return keySource;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
