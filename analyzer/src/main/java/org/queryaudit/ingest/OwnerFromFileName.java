package org.queryaudit.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queryaudit.reference.UsStates;

/**
 * The owner that a vendor's export file name states:
 * {@code 1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv},
 * {@code 3_1_2025-3_31_2025-Example_County_FL_SO-Audit.csv}, also behind a
 * {@code REDACTED - } prefix. The state is the two-letter code inside the agency name.
 */
public final class OwnerFromFileName {
    private static final Pattern VENDOR = Pattern.compile(
            "^(?:.*?-\\s*)?\\d{1,2}_\\d{1,2}_\\d{4}-\\d{1,2}_\\d{1,2}_\\d{4}-(.+?)-(?:Network-Audit|Organization-Audit|Org-Audit|Federal-Searches|Audit)"
                    // a PDF extraction, a second download "(1)", or a part number of a split export
                    + "(?:[-_ ]EXTRACTED)?(?:\\s*\\(\\d+\\)|[-_ ]part\\d+)?\\.[A-Za-z]+$", Pattern.CASE_INSENSITIVE);

    private OwnerFromFileName() {
    }

    /** The owner agency and, when the name carries one, its state. */
    public static Optional<Owner> of(String fileName, UsStates states) {
        Matcher m = VENDOR.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String agency = m.group(1).replace('_', ' ').replaceAll("\\s+", " ").strip();
        String state = null;
        String[] words = agency.split(" ");
        for (int i = words.length - 1; i >= 0; i--) {
            if (words[i].length() == 2 && words[i].equals(words[i].toUpperCase()) && states.isState(words[i])) {
                state = words[i];
                break;
            }
        }
        return Optional.of(new Owner(agency, state));
    }

    /** An agency name and its state (null when unknown). */
    public record Owner(String agency, String state) {
    }
}
