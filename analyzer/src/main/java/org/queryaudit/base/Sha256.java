package org.queryaudit.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in the one form every output uses: lower-case hex. Every JVM has SHA-256, so none of this declares its absence. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(byte[] data) {
        return newDigest().digest(data);
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(bytes(data));
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of a stream, read to its end and closed. */
    public static String hex(InputStream in) throws IOException {
        try (DigestInputStream d = new DigestInputStream(in, newDigest())) {
            d.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(d.getMessageDigest().digest());
        }
    }

    /** As {@link #hex(InputStream)}, for callers that cannot throw: the I/O error is unchecked. */
    public static String hexUnchecked(InputStream in) {
        try {
            return hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
