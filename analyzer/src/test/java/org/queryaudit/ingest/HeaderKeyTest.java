package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderKeyTest {
    /** matches(key, text) must agree with key.equals(of(text)) for every text, ASCII or not. */
    @Test
    void matchesAgreesWithTheBuiltKey() {
        List<String> texts = List.of("Name", "name", " NAME ", "Na_me", "Org Name", "Org_Name", "ORG-NAME", "Names", "Nam",
                "", "  ", "Case #", "case number", "A. Smith", "REDACTED", "Nämé", "İName", "ＮＡＭＥ", "na\u0130me", "25-399778");
        for (String key : List.of("name", "orgname", "case", "", "casenumber", "asmith")) {
            for (String text : texts) {
                assertEquals(key.equals(HeaderKey.of(text)), HeaderKey.matches(key, text), key + " against '" + text + "'");
            }
        }
    }
}
