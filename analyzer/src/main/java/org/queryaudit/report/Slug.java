package org.queryaudit.report;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A folder name for an agency: lower-case letters, digits and dashes only, then a short
 * hash of the full identity, so no name ("../x", "CON", a 500-character name) can leave the
 * output folder, collide with another agency, or be refused by a file system.
 */
public final class Slug {
    private Slug() {
    }

    public static String of(String name, String identity) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        if (s.isEmpty()) {
            s = "agency";
        }
        byte[] h = org.queryaudit.base.Sha256.bytes(identity.getBytes(StandardCharsets.UTF_8));
        return s + "-" + HexFormat.of().formatHex(h, 0, 3);
    }
}
