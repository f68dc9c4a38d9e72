package org.queryaudit.evaluate;

import java.io.Serializable;
import java.util.List;
import org.queryaudit.tag.PurposeReading;

/**
 * What a purpose-based law means by immigration enforcement, as its pack states it: which
 * immigration purposes it covers, and its statute's words where they were read.
 *
 * @param covers       immigration_civil, immigration_criminal, or both
 * @param text         the statute's definition, quoted, or null where it was not read
 * @param verification seen_in_source (the text was read) or not_verified
 */
public record PurposeDefinition(String id, List<String> covers, String text, String citation, String verification,
                                String note, String source) implements Serializable {
    public static final List<String> PURPOSES = List.of(PurposeReading.IMMIGRATION_CIVIL, PurposeReading.IMMIGRATION_CRIMINAL);
    public static final List<String> VERIFICATION = List.of("seen_in_source", "not_verified");

    public PurposeDefinition {
        covers = List.copyOf(covers);
    }

    /**
     * Whether a reason's purpose is one this law bars. A reason that says immigration without
     * saying civil or criminal is within a definition that covers both; under one that covers
     * civil enforcement only it could be the criminal case the law leaves alone ({@link #partly}).
     */
    public boolean covers(String purpose) {
        return PurposeReading.IMMIGRATION.equals(purpose) ? covers.containsAll(PURPOSES) : covers.contains(purpose);
    }

    /** Whether the purpose is immigration of a kind not said, under a definition that covers one kind only. */
    public boolean partly(String purpose) {
        return PurposeReading.IMMIGRATION.equals(purpose) && !covers(purpose);
    }
}
