package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 15: personal data in free text is masked with its kind kept; case numbers, codes and dates are not. */
class PersonalDataTest {
    private final PersonalData personal = PersonalData.shipped();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "locate A# 212-345-678|locate [A-number]",
        "A212345678 removal case|[A-number] removal case",
        "A-number 21234567|[A-number]",
        "welfare check SSN 512-44-8876|welfare check SSN [SSN]",
        "ssn: 512448876|[SSN]",
        "DOB 04/12/1986 suspect|[date of birth] suspect",
        "d.o.b. 4-12-86|[date of birth]",
        "call 253-555-0147|call [phone number]",
        "call (253) 555-0147 re theft|call [phone number] re theft",
        "tip from jdoe@example.org|tip from [e-mail]",
        // Not personal data: read as written.
        "24-127496 suspect vehicle|24-127496 suspect vehicle",
        "CFS 230312129 CAU Update|CFS 230312129 CAU Update",
        "FI on 12/16/24|FI on 12/16/24",
        "PC 459 warrant 2024-11-03|PC 459 warrant 2024-11-03",
        "IPD20241219-00009623|IPD20241219-00009623",
        "8VGL930|8VGL930",
        "DR 22-14801, CAU Update outstanding stolen|DR 22-14801, CAU Update outstanding stolen",
    })
    void masksPersonalDataOnly(String text, String masked) {
        assertEquals(masked, personal.mask(text));
    }

    @Test
    void nothingStaysNothing() {
        assertNull(personal.mask(null));
        assertEquals("", personal.mask(""));
    }
}
