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
            purposes:
              immigration_civil: civil
              immigration_criminal: criminal
              immigration: unspecified
              other_offence: another offence
              not_stated: none
            beneficiaries:
              DHS: {immigration: true, source: test}
              ICE: {part_of: DHS, immigration: true, source: test}
            patterns:
              - id: a
                category: immigration
                fields: [reason]
                triggers: [ice]
                regex: '\\bice\\b'
                unless: ['ice cream']
                beneficiary: ICE
                purpose: immigration_civil
                source: test
            offences:
              - id: drugs
                regex: '\\bnarcotics\\b'
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
        assertEquals("ICE", p.beneficiary());
        assertEquals("immigration_civil", p.purpose());
        assertEquals("other_offence", r.offences().get(0).category(), "an offence tags nothing: it only states a purpose");
        assertTrue(r.within("ICE", "DHS"), "ICE is part of DHS");
        assertTrue(!r.within("DHS", "ICE"), "DHS is not part of ICE");
        assertEquals(java.util.List.of("reason"), parse(GOOD.replace("    fields: [reason]\n", "")).patterns().get(0).fields(),
                "a pattern reads the reason when it names no fields");
        assertEquals(java.util.List.of("ice"), parse(GOOD.replace("triggers: [ice]", "triggers: ice")).patterns().get(0).triggers(),
                "a single value stands for a list of one");
    }

    @Test
    void everyMistakeNamesTheFileThePatternAndTheField() {
        assertEquals("t.yaml: field 'categories' is missing", error(GOOD.replace("categories:\n  immigration: the reason names an immigration agency\n", "")));
        assertEquals("t.yaml: patterns[0]: field 'id' is missing", error(GOOD.replace("  - id: a\n    category", "  - category")));
        assertEquals("t.yaml: pattern 'a': field 'id': used twice", error(GOOD.replace("offences:\n", GOOD.substring(GOOD.indexOf("  - id: a"), GOOD.indexOf("offences:")) + "offences:\n")));
        assertEquals("t.yaml: pattern 'a': field 'category': 'immigrant' is not one of [immigration]",
                error(GOOD.replace("category: immigration", "category: immigrant")));
        String e = error(GOOD.replace("fields: [reason]", "fields: [notes]"));
        assertTrue(e.startsWith("t.yaml: pattern 'a': field 'fields': 'notes' is not one of ["), e);
        assertEquals("t.yaml: pattern 'a': field 'regex': not a valid regular expression: Unclosed group",
                error(GOOD.replace("regex: '\\bice\\b'", "regex: '(ice'")));
        assertEquals("t.yaml: pattern 'a': field 'unless': not a valid regular expression: Unclosed group",
                error(GOOD.replace("'ice cream'", "'(ice cream'")));
        assertEquals("t.yaml: field 'purposes' must list [immigration_civil, immigration_criminal, immigration, other_offence, not_stated]",
                error(GOOD.replace("  not_stated: none\n", "")));
        assertEquals("t.yaml: beneficiary 'ICE': field 'part_of': 'DSH' is not one of [DHS, ICE]",
                error(GOOD.replace("part_of: DHS", "part_of: DSH")));
        assertEquals("t.yaml: pattern 'a': field 'purpose': 'civil' is not one of [immigration, immigration_civil, immigration_criminal]",
                error(GOOD.replace("purpose: immigration_civil", "purpose: civil")));
        assertEquals("t.yaml: pattern 'a': field 'beneficiary': 'HSI' is not one of the beneficiaries [DHS, ICE]",
                error(GOOD.replace("beneficiary: ICE", "beneficiary: HSI")));
        assertEquals("t.yaml: pattern 'drugs': an offence states another purpose and tags nothing: give it no 'category', 'purpose' or 'beneficiary'",
                error(GOOD.replace("  - id: drugs\n", "  - id: drugs\n    category: immigration\n")));
        assertEquals("t.yaml: pattern 'a': field 'id': used twice", error(GOOD.replace("id: drugs", "id: a")));
        assertEquals("t.yaml: other_state_agency: field 'id' is missing",
                error(GOOD + "other_state_agency:\n  category: immigration\n"));
    }
}
