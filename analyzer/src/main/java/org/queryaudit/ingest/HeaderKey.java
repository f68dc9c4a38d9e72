package org.queryaudit.ingest;

import java.util.Locale;

/**
 * The comparable form of a column header. Exports re-typed from PDFs or spreadsheets rename
 * headers ({@code Org_Name}, {@code ORG NAME}, {@code Case Number}), so headers are compared
 * ignoring case, spaces, underscores and punctuation.
 */
public final class HeaderKey {
    private HeaderKey() {
    }

    public static String of(String header) {
        if (header == null) {
            return "";
        }
        String lower = header.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** Whether {@code text}'s key is {@code key}, without building it (a row's first cell is checked on every row). */
    public static boolean matches(String key, String text) {
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return key.equals(of(text)); // lower-casing outside ASCII can change the length
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (k >= key.length() || key.charAt(k) != c) {
                    return false;
                }
                k++;
            }
        }
        return k == key.length();
    }
}
