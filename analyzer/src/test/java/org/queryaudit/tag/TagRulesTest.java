package org.queryaudit.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;

/** Issue 18: the tagging patterns are checked once, and each message names the file, the pattern and the field. */
class TagRulesTest {
    private static final String GOOD = """
            version: 2
            categories:
              immigration: the reason names an immigration agency
            patterns:
              - id: a
                category: immigration
                fields: [reason]
                triggers: [ice]
                regex: '\\bice\\b'
                unless: ['ice cream']
                source: test
            """;

    private static TagRules parse(String yaml) {
        return TagRules.parse(Yaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml"), "t.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void aGoodFileBindsAsWritten() {
        TagRules r = parse(GOOD);
        assertEquals(2, r.version());
        assertEquals(java.util.List.of("immigration"), r.categories());
        TagPattern p = r.patterns().get(0);
        assertEquals(java.util.List.of("ice cream"), p.unless());
        assertEquals(java.util.List.of("ice"), p.triggers());
        assertEquals("test", p.source());
        assertEquals(java.util.List.of("reason"), parse(GOOD.replace("    fields: [reason]\n", "")).patterns().get(0).fields(),
                "a pattern reads the reason when it names no fields");
        assertEquals(java.util.List.of("ice"), parse(GOOD.replace("triggers: [ice]", "triggers: ice")).patterns().get(0).triggers(),
                "a single value stands for a list of one");
    }

    @Test
    void everyMistakeNamesTheFileThePatternAndTheField() {
        assertEquals("t.yaml: field 'categories' is missing", error(GOOD.replace("categories:\n  immigration: the reason names an immigration agency\n", "")));
        assertEquals("t.yaml: patterns[0]: field 'id' is missing", error(GOOD.replace("  - id: a\n    category", "  - category")));
        assertEquals("t.yaml: pattern 'a': field 'id': used twice", error(GOOD + GOOD.substring(GOOD.indexOf("  - id: a"))));
        assertEquals("t.yaml: pattern 'a': field 'category': 'immigrant' is not one of [immigration]",
                error(GOOD.replace("category: immigration", "category: immigrant")));
        String e = error(GOOD.replace("fields: [reason]", "fields: [notes]"));
        assertTrue(e.startsWith("t.yaml: pattern 'a': field 'fields': 'notes' is not one of ["), e);
        assertEquals("t.yaml: pattern 'a': field 'regex': not a valid regular expression: Unclosed group",
                error(GOOD.replace("regex: '\\bice\\b'", "regex: '(ice'")));
        assertEquals("t.yaml: pattern 'a': field 'unless': not a valid regular expression: Unclosed group",
                error(GOOD.replace("'ice cream'", "'(ice cream'")));
        assertEquals("t.yaml: other_state_agency: field 'id' is missing",
                error(GOOD + "other_state_agency:\n  category: immigration\n"));
    }
}
