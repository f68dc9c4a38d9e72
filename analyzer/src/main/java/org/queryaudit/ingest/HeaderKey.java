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
}
