package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;

/**
 * Issue 18: the messages of ingest's data files (personal-data patterns, export limits, format
 * profiles), kept as they were when the files were read field by field.
 */
class DataFileMessagesTest {
    private static com.fasterxml.jackson.databind.JsonNode yaml(String text, String origin) {
        return Yaml.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), origin);
    }

    private static final String PERSONAL = """
            version: 1
            patterns:
              - id: phone
                kind: phone number
                regex: '\\d{3}-\\d{4}'
            """;

    @Test
    void personalDataPatterns() {
        assertEquals("call [phone number]", PersonalData.parse(yaml(PERSONAL, "p.yaml"), "p.yaml").mask("call 555-0147"));
        String e = assertThrows(ConfigException.class, () -> PersonalData.parse(yaml(PERSONAL + "    colour: blue\n", "p.yaml"), "p.yaml")).getMessage();
        assertTrue(e.startsWith("p.yaml: patterns[0]: field 'colour' is not known; use ["), e);
        assertEquals("p.yaml: patterns[0]: field 'regex' is missing", assertThrows(ConfigException.class, () -> PersonalData.parse(
                yaml(PERSONAL.replace("    regex: '\\d{3}-\\d{4}'\n", ""), "p.yaml"), "p.yaml")).getMessage());
        assertEquals("p.yaml: pattern 'phone': field 'regex': not a valid regular expression: Unclosed group",
                assertThrows(ConfigException.class, () -> PersonalData.parse(yaml(PERSONAL.replace("'\\d{3}", "'(\\d{3}"), "p.yaml"),
                        "p.yaml")).getMessage());
        assertEquals("p.yaml: field 'patterns' is missing or empty", assertThrows(ConfigException.class, () -> PersonalData.parse(
                yaml("version: 1\npatterns: []\n", "p.yaml"), "p.yaml")).getMessage());
    }

    private static final String LIMITS = """
            version: 1
            slack_days: 1
            caps:
              - rows: 20000
                why: a round cap
            """;

    @Test
    void exportLimits() {
        assertEquals(1, ExportLimits.of(yaml(LIMITS, "e.yaml"), "e.yaml").check("f.csv", "f.csv", 20000, null, null).size());
        assertEquals("e.yaml: caps[0]: field 'rows' must be a positive number",
                assertThrows(ConfigException.class, () -> ExportLimits.of(yaml(LIMITS.replace("20000", "0"), "e.yaml"), "e.yaml")).getMessage());
        assertEquals("e.yaml: caps[0]: field 'rows' must be a positive number",
                assertThrows(ConfigException.class, () -> ExportLimits.of(yaml(LIMITS.replace("20000", "many"), "e.yaml"), "e.yaml")).getMessage());
        assertEquals("e.yaml: caps[0]: field 'why' is missing", assertThrows(ConfigException.class,
                () -> ExportLimits.of(yaml(LIMITS.replace("    why: a round cap\n", ""), "e.yaml"), "e.yaml")).getMessage());
        assertEquals("e.yaml: field 'slack_days' must be a whole number of days", assertThrows(ConfigException.class,
                () -> ExportLimits.of(yaml(LIMITS.replace("slack_days: 1\n", ""), "e.yaml"), "e.yaml")).getMessage());
        ExportLimits slack = ExportLimits.of(yaml(LIMITS.replace("slack_days: 1", "slack_days: 40"), "e.yaml"), "e.yaml");
        assertEquals(0, slack.check("f.csv", "1_1_2025-1_31_2025-X.csv", 5, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-02")).size(),
                "the slack is read from the file");
    }

    private static String profileError(String yaml) {
        return assertThrows(ConfigException.class, () -> ProfileLoader.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "my-profile.yaml")).getMessage();
    }

    private static final String PROFILE = """
            id: vigilant-audit
            source_system: ALPR
            detect: {required: [Query Date, Agency]}
            timestamp_formats: ["MM/dd/yyyy HH:mm:ss"]
            columns:
              occurred_at: {headers: [Query Date], type: timestamp, required: true}
              requester_name: {headers: [Agency]}
            """;

    @Test
    void formatProfiles() {
        assertEquals("profile my-profile.yaml: field 'colour': unknown key; allowed: [columns, default_owner_agency, detect, id, kind,"
                + " list_of, owner, requester, search_key, source_system, sources, timestamp_formats, timestamp_zone, title, version]",
                profileError(PROFILE + "colour: blue\n"));
        assertEquals("profile my-profile.yaml: field 'id': missing", profileError(PROFILE.replace("id: vigilant-audit\n", "")));
        assertEquals("profile my-profile.yaml: field 'id': 'Vigilant' must be lower-case letters, digits and dashes",
                profileError(PROFILE.replace("id: vigilant-audit", "id: Vigilant")));
        assertEquals("profile my-profile.yaml: field 'source_system': 'CCTV' must be one of NLETS, DMV_PORTAL, ALPR",
                profileError(PROFILE.replace("source_system: ALPR", "source_system: CCTV")));
        assertEquals("profile my-profile.yaml: field 'detect': missing; give at least 'required: [header, ...]'",
                profileError(PROFILE.replace("detect: {required: [Query Date, Agency]}\n", "")));
        assertEquals("profile my-profile.yaml: field 'detect.required': missing or empty",
                profileError(PROFILE.replace("{required: [Query Date, Agency]}", "{priority: 2}")));
        assertEquals("profile my-profile.yaml: field 'detect.colour': unknown key; allowed: [filename, priority, required]",
                profileError(PROFILE.replace("{required:", "{colour: x, required:")));
        assertEquals("profile my-profile.yaml: field 'columns.requester_name': must be a mapping such as {headers: [Reason]}",
                profileError(PROFILE.replace("requester_name: {headers: [Agency]}", "requester_name: Agency")));
        assertEquals("profile my-profile.yaml: field 'columns.requester_name.headers': missing or empty",
                profileError(PROFILE.replace("requester_name: {headers: [Agency]}", "requester_name: {required: true}")));
        assertEquals("profile my-profile.yaml: field 'columns.requester_name.header': unknown key; allowed: [extract, headers, required,"
                + " sensitive, type]", profileError(PROFILE.replace("{headers: [Agency]}", "{header: [Agency]}")));
        assertEquals("profile my-profile.yaml: field 'timestamp_formats': needed by columns.occurred_at (type timestamp)",
                profileError(PROFILE.replace("timestamp_formats: [\"MM/dd/yyyy HH:mm:ss\"]\n", "")));
        assertEquals("profile my-profile.yaml: field 'kind': must be 'events' or 'sharing'", profileError(PROFILE + "kind: both\n"));
        assertEquals("profile my-profile.yaml: field 'list_of': only a sharing profile (kind: sharing) lists organisations",
                profileError(PROFILE + "list_of: sources\n"));
        assertEquals("profile my-profile.yaml: field 'title': must be a single value", profileError(PROFILE + "title: [a, b]\n"));
        FormatProfile p = ProfileLoader.load(new ByteArrayInputStream((PROFILE + "version: 3\nsources: one source\n")
                .getBytes(StandardCharsets.UTF_8)), "my-profile.yaml");
        assertEquals(3, p.version());
        assertEquals(java.util.List.of("one source"), p.sources());
        assertEquals("UTC", p.timestampZone());
        assertEquals("vigilant-audit", p.title(), "a profile without a title is called by its id");
    }
}
