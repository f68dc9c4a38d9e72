package org.queryaudit.base;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A regular expression written in a data file (YAML or CSV), compiled once to check it. */
public final class DataPattern {
    private DataPattern() {
    }

    /**
     * The pattern, or a {@link ConfigException} "{@code where}: not a valid regular expression: ...",
     * where {@code where} names the file, the entry and the field.
     */
    public static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(where + ": not a valid regular expression: " + e.getDescription(), e);
        }
    }
}
