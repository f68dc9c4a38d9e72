package org.queryaudit.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;

/** Issue 18: legal-process.yaml is bound and checked once; before, a kind without a regex matched every text. */
class LegalProcessTest {
    private static final String GOOD = """
            version: 1
            kinds:
              - kind: administrative_warrant
                unlocks: false
                regex: '\\bi-?247\\b|\\bdetainer\\b'
              - kind: judicial_warrant
                unlocks: true
                regex: '\\bsearch\\s+warrant\\b'
            """;

    private static LegalProcess of(String yaml) {
        return LegalProcess.of(Yaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "l.yaml"), "l.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> of(yaml)).getMessage();
    }

    @Test
    void kindsAreTriedInTheirOrderOverTheColumnThenTheReason() {
        LegalProcess lp = of(GOOD);
        assertEquals("administrative_warrant", lp.kindOf(null, "search warrant per ICE detainer"), "an ICE detainer is never a judicial warrant");
        assertEquals("judicial_warrant", lp.kindOf("search warrant 24-1", "detainer"), "the legal-process column is read first");
        assertNull(lp.kindOf(" ", "stolen vehicle"));
        assertEquals("administrative_warrant", LegalProcess.shipped().kindOf(null, "I-247A"));
    }

    @Test
    void everyMistakeNamesTheFileTheKindAndTheField() {
        assertEquals("l.yaml: kind 'judicial_warrant': field 'regex' is missing", error(GOOD.replace("    regex: '\\bsearch\\s+warrant\\b'\n", "")));
        assertEquals("l.yaml: kind 'judicial_warrant': field 'regex': not a valid regular expression: Unclosed group",
                error(GOOD.replace("'\\bsearch", "'(\\bsearch")));
        assertEquals("l.yaml: kinds[1]: field 'kind' is missing", error(GOOD.replace("  - kind: judicial_warrant\n    unlocks", "  - unlocks")));
        assertEquals("l.yaml: kind 'administrative_warrant': listed twice", error(GOOD.replace("kind: judicial_warrant", "kind: administrative_warrant")));
        assertEquals("l.yaml: kinds[0]: field 'regexp' is not known; use [kind, regex, unlocks]",
                error(GOOD.replace("    regex: '\\bi-?247", "    regexp: '\\bi-?247")));
        assertEquals("l.yaml: kinds[0]: field 'unlocks' must be true or false", error(GOOD.replace("unlocks: false", "unlocks: perhaps")));
        assertEquals("l.yaml: field 'kinds' is missing or empty", error("version: 1\n"));
    }
}
