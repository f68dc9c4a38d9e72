package org.queryaudit.tag;

import java.io.Serializable;
import java.util.List;

/**
 * What a query's reason says of who is assisted and what for, read apart from its tags (an
 * agency-based law bars an agency whatever the case; a purpose-based law bars a purpose, and
 * HSI works narcotics cases too).
 *
 * @param beneficiaries the agencies the text names as assisted, most specific kept (ICE-HSI, not
 *                      also ICE), in pattern order; empty when it names none
 * @param purpose       one of {@link #IMMIGRATION_CIVIL}, {@link #IMMIGRATION_CRIMINAL},
 *                      {@link #IMMIGRATION}, {@link #OTHER_OFFENCE}, {@link #NOT_STATED}
 * @param evidence      {@code purpose:pattern:field="matched text"}, or null when none is stated
 * @param immigrationAgencyNamed whether a beneficiary enforces immigration law
 */
public record PurposeReading(List<String> beneficiaries, String purpose, String evidence, boolean immigrationAgencyNamed)
        implements Serializable {
    public static final String IMMIGRATION_CIVIL = "immigration_civil";
    public static final String IMMIGRATION_CRIMINAL = "immigration_criminal";
    public static final String IMMIGRATION = "immigration";
    public static final String OTHER_OFFENCE = "other_offence";
    public static final String NOT_STATED = "not_stated";
    public static final PurposeReading NONE = new PurposeReading(List.of(), NOT_STATED, null, false);

    public PurposeReading {
        beneficiaries = List.copyOf(beneficiaries);
    }

    /** Whether the reason states an immigration purpose (civil, criminal, or not said which). */
    public boolean immigration() {
        return isImmigration(purpose);
    }

    public static boolean isImmigration(String purpose) {
        return IMMIGRATION.equals(purpose) || IMMIGRATION_CIVIL.equals(purpose) || IMMIGRATION_CRIMINAL.equals(purpose);
    }

    /** The purpose in words, for a letter: "civil immigration enforcement", "another offence (narcotics)". */
    public static String words(String purpose) {
        return switch (purpose == null ? NOT_STATED : purpose) {
            case IMMIGRATION_CIVIL -> "civil immigration enforcement";
            case IMMIGRATION_CRIMINAL -> "criminal immigration enforcement";
            case IMMIGRATION -> "immigration enforcement";
            case OTHER_OFFENCE -> "another offence";
            default -> "not stated";
        };
    }
}
