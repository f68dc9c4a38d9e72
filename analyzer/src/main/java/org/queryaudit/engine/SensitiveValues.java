package org.queryaudit.engine;


import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.List;
import java.util.TreeSet;
import org.queryaudit.model.QueryEvent;

/**
 * Plates, licence numbers and user names in every output: replaced by a keyed hash,
 * HMAC-SHA-256 (so a
 * researcher can still count repeats) unless the user asks to see them. The key is the
 * user's ({@code QUERYAUDIT_HASH_KEY}), else derived from the inputs' SHA-256 digests: the
 * same inputs give the same hashes run after run, and only someone who holds the inputs
 * (and so already sees the values) can recompute them. Redaction markers stay as written.
 */
public final class SensitiveValues implements java.io.Serializable {
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
        return choose(show, userKey, "inputs|" + String.join("|", new TreeSet<>(inputDigests)),
                "derived from the inputs' SHA-256 digests");
    }

    /** For a run into a monthly store: the store's own key, so a plate hashes alike in every month. */
    public static SensitiveValues ofStore(boolean show, String userKey, String storeKey, String keyFile) {
        return choose(show, userKey, "store|" + storeKey, "the event store's key (" + keyFile + ")");
    }

    /** Clear when asked; else the user's key when given; else the fallback. */
    private static SensitiveValues choose(boolean show, String userKey, String fallback, String fallbackSource) {
        if (show) {
            return new SensitiveValues(true, null, "none: --show-sensitive");
        }
        if (userKey != null && !userKey.isBlank()) {
            return new SensitiveValues(false, org.queryaudit.base.Sha256.hex("user|" + userKey), "QUERYAUDIT_HASH_KEY");
        }
        return new SensitiveValues(false, org.queryaudit.base.Sha256.hex(fallback), fallbackSource);
    }

    /** SHA-256 of a text, in hex. */
    public static String digest(String s) {
        return org.queryaudit.base.Sha256.hex(s);
    }

    /**
     * The value as it may be stored: "h:" and the first 16 hex characters of HMAC-SHA-256(key,
     * value), or the value itself when shown or when it is a redaction marker kept as written.
     * An HMAC, not a hash of key and value run together: the standard keyed construction, with
     * no length-extension or concatenation ambiguity.
     */
    public String protect(String value, boolean redacted) {
        if (value == null || show || redacted) {
            return value;
        }
        if (mac == null) {
            mac = newMac(key);
        }
        byte[] d = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return "h:" + HexFormat.of().formatHex(d, 0, 8);
    }

    /** One per deserialised copy, that is per task: a Mac is not thread-safe. */
    private transient Mac mac;

    private static Mac newMac(String key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return m;
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean shown() {
        return show;
    }

    public String keySource() {
        return keySource;
    }
}
