package org.queryaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;

/** Issue 18: redaction-markers.yaml is bound and checked once; before, a missing field was read as an empty text. */
class RedactionMarkersTest {
    private static final String GOOD = """
            version: 2
            exact: ["***", "REDACTED"]
            patterns:
              - id: gov-code
                regex: '^gc\\s*7923\\.600'
            pattern_prefixes: ["gc"]
            sentinels: ["—"]
            """;

    private static RedactionMarkers of(String yaml) {
        return RedactionMarkers.of(Yaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "r.yaml"), "r.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> of(yaml)).getMessage();
    }

    @Test
    void markersAreReadAsWritten() {
        RedactionMarkers m = of(GOOD);
        assertEquals(2, m.version());
        assertTrue(m.isRedacted("redacted"), "exact markers ignore case");
        assertTrue(m.isRedacted("GC 7923.600"));
        assertFalse(m.isRedacted("GC 459 burglary"));
        assertTrue(m.isSentinel("—"));
        assertTrue(RedactionMarkers.shipped().isRedacted("[REDACTED]"));
    }

    @Test
    void everyMistakeNamesTheFileThePatternAndTheField() {
        assertEquals("r.yaml: pattern 'gov-code': field 'regex' is missing", error(GOOD.replace("    regex: '^gc\\s*7923\\.600'\n", "")));
        assertEquals("r.yaml: pattern 'gov-code': field 'regex': not a valid regular expression: Unclosed group",
                error(GOOD.replace("'^gc", "'(^gc")));
        assertEquals("r.yaml: field 'pattern_prefixes' is missing: without it no pattern is ever tried",
                error(GOOD.replace("pattern_prefixes: [\"gc\"]\n", "")));
        assertEquals("r.yaml: field 'exact': a blank marker would take every empty cell for withheld", error(GOOD.replace("\"***\"", "\" \"")));
        assertEquals("r.yaml: field 'prefixes' is not known; use [exact, pattern_prefixes, patterns, sentinels, version]",
                error(GOOD.replace("pattern_prefixes:", "prefixes:")));
        assertEquals("r.yaml: field 'exact' must be a list", error(GOOD.replace("exact: [\"***\", \"REDACTED\"]", "exact: {a: b}")));
    }
}
