package org.queryaudit.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.queryaudit.base.ConfigException;

/** Issue 18: a rule pack's messages, kept as they were when the pack was read field by field. */
class RuleBookMessagesTest {
    private static final String GOOD = """
            state: CA
            name: California (test)
            version: "1"
            rules:
              - id: CA-TEST
                data: alpr
                title: t
                requesters: [federal_any]
                purposes: [any]
                citation: c
                cite: c
                because: b
                summary: s
                status: enacted
                confidence: high
                source: test
            """;

    private static final String DEFINITION = """
            definitions:
              - id: values-act
                covers: [immigration_civil]
                citation: Gov. Code 7284.4(f)
                verification: not_verified
            """;

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> RuleBook.parse(yaml.getBytes(StandardCharsets.UTF_8), "r.yaml")).getMessage();
    }

    @Test
    void aGoodPackBindsAsWritten() {
        RulePack p = RuleBook.parse((GOOD + "    effective_from: 2025-01-01\n    components: ICE-ERO\n").getBytes(StandardCharsets.UTF_8), "r.yaml");
        assertEquals("CA", p.state());
        assertEquals("1", p.version());
        Rule r = p.rules().get(0);
        assertEquals(java.time.LocalDate.parse("2025-01-01"), r.effectiveFrom());
        assertEquals(java.util.List.of("ICE-ERO"), r.components());
        assertEquals(java.util.List.of("federal_any"), r.requesters());
        assertEquals("b", r.because());
    }

    @Test
    void everyMistakeNamesThePackTheRuleAndTheField() {
        assertEquals("rule pack r.yaml: field 'state' is missing", error(GOOD.replace("state: CA\n", "")));
        assertEquals("rule pack r.yaml: field 'state': 'ZZ' is not a two-letter state code", error(GOOD.replace("state: CA", "state: ZZ")));
        assertEquals("rule pack r.yaml: field 'name' is missing", error(GOOD.replace("name: California (test)\n", "")));
        assertEquals("rule pack r.yaml: rule 'rules[0]': field 'id': missing", error(GOOD.replace("  - id: CA-TEST\n    data", "  - data")));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'id': used twice in the pack", error(GOOD + GOOD.substring(GOOD.indexOf("  - id"))));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'colour': unknown field; allowed: [after_agreement_end, because, citation,"
                + " cite, components, confidence, data, definition, effective_from, effective_to, id, note, notice, presumed_immigration_for,"
                + " purposes, requesters, revocation, side_door, source, status, summary, title, unlocked_by, verification]",
                error(GOOD + "    colour: blue\n"));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'data': 'cctv' is not one of [alpr, dmv]", error(GOOD.replace("data: alpr", "data: cctv")));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'requesters': missing; give one or more of [any, federal_any,"
                + " federal_immigration, out_of_state, private]", error(GOOD.replace("    requesters: [federal_any]\n", "")));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'purposes': 'spite' is not one of [any, immigration, missing_reason,"
                + " vague_reason]", error(GOOD.replace("purposes: [any]", "purposes: [any, spite]")));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'because': missing", error(GOOD.replace("    because: b\n", "")));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'effective_to': '2025-02-30' is not a date (YYYY-MM-DD)",
                error(GOOD + "    effective_to: 2025-02-30\n"));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'effective_from': a revocation needs the date access was cut off"
                + " (or 'after_agreement_end: true')", error(GOOD + "    revocation: true\n"));
        String purposeRule = GOOD.replace("purposes: [any]", "purposes: [immigration]");
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'definition': missing: a rule on an immigration purpose names the pack's"
                + " definition of immigration enforcement (one of []), so that it is read as its statute reads it", error(purposeRule));
        String defined = purposeRule.replace("rules:\n", DEFINITION + "rules:\n") + "    definition: values-act\n";
        assertEquals("values-act", RuleBook.parse(defined.getBytes(StandardCharsets.UTF_8), "r.yaml").rules().get(0).definition().id());
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'definition': 'values' is not one of the pack's definitions [values-act]",
                error(defined.replace("definition: values-act", "definition: values")));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'definition': only a rule whose purposes include 'immigration' names a"
                + " definition", error(defined.replace("purposes: [immigration]", "purposes: [any]")));
        assertEquals("rule pack r.yaml: definition 'values-act': field 'covers': give one or both of [immigration_civil,"
                + " immigration_criminal]", error(defined.replace("covers: [immigration_civil]", "covers: [narcotics]")));
        assertEquals("rule pack r.yaml: definition 'values-act': field 'citation' is missing",
                error(defined.replace("    citation: Gov. Code 7284.4(f)\n", "")));
        assertEquals("rule pack r.yaml: definition 'values-act': field 'verification': 'read' is not one of [seen_in_source,"
                + " not_verified]", error(defined.replace("verification: not_verified", "verification: read")));
        assertEquals("rule pack r.yaml: definition 'values-act': a definition seen in its source quotes it in 'text'; one whose words"
                + " were not read says 'verification: not_verified'", error(defined.replace("verification: not_verified", "verification: seen_in_source")));
        assertEquals("rule pack r.yaml: definitions[0]: field 'id' is missing", error(defined.replace("  - id: values-act\n    covers", "  - covers")));
        assertEquals("rule pack r.yaml: no rules; a state that restricts nothing says 'no_restriction: true'",
                error(GOOD.substring(0, GOOD.indexOf("rules:")) + "rules: []\n"));
    }

    /** Issue 18: what the field-by-field reading let through is now a mistake with its place. */
    @Test
    void bindingRefusesWhatWasOnceIgnored() {
        assertEquals("rule pack r.yaml: field 'colour': unknown field; allowed: [definitions, name, no_restriction, note, rules, state, version]",
                error(GOOD.replace("name: California", "colour: blue\nname: California")));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'side_door': must be true or false", error(GOOD + "    side_door: sometimes\n"));
        assertEquals("rule pack r.yaml: rule 'CA-TEST': field 'title': must be a single value", error(GOOD.replace("title: t", "title: [t, u]")));
        assertEquals("rule pack r.yaml: rule 'rules[0]': field 'rules[0]': must be a mapping", error(GOOD.substring(0, GOOD.indexOf("rules:")) + "rules: [CA-TEST]\n"));
    }
}
