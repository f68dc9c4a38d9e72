package org.queryaudit.resolve;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An organisation name as a vendor writes it, read for matching: the vendor's tags
 * ({@code [Federal]}, {@code [Inactive]}, {@code (Federal)}, {@code (deactivated)}) taken
 * off and remembered, the rest in lower case without punctuation, {@code U.S.} as {@code us}.
 */
public record AgencyName(String normalized, boolean federalTag, boolean inactive) {
    private static final Pattern FEDERAL_TAG = Pattern.compile("\\[\\s*federal\\s*\\]|\\(\\s*federal\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INACTIVE_TAG = Pattern.compile(
            "\\[\\s*inactive\\s*\\]|\\(\\s*(?:inactive|deactivated)\\s*\\)|\\[\\s*deactivated\\s*\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern US = Pattern.compile("\\bu\\.\\s?s\\.(?=\\s|$)|\\bu\\.s\\b", Pattern.CASE_INSENSITIVE);

    public static AgencyName of(String name) {
        if (name == null) {
            return new AgencyName("", false, false);
        }
        boolean federal = FEDERAL_TAG.matcher(name).find();
        boolean inactive = INACTIVE_TAG.matcher(name).find();
        String s = INACTIVE_TAG.matcher(FEDERAL_TAG.matcher(name).replaceAll(" ")).replaceAll(" ");
        s = US.matcher(s).replaceAll("us");
        s = s.toLowerCase(Locale.ROOT).replace("'", "");
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        return new AgencyName(b.toString().strip(), federal, inactive);
    }
}
