package org.queryaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.queryaudit.base.ConfigException;

/** reference/search-measures.yaml: bound once, and a mistake named by file and field. */
class SearchMeasuresTest {
    static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void theShippedMeasures() {
        SearchMeasures m = SearchMeasures.shipped();
        assertEquals(30, m.lookbackDays());
        assertEquals("22:00-05:59", m.offHours().text());
        assertTrue(m.offHours().contains(23) && m.offHours().contains(0) && m.offHours().contains(5));
        assertFalse(m.offHours().contains(6) || m.offHours().contains(12) || m.offHours().contains(21));
        assertTrue(new SearchMeasures.OffHours(1, 4).contains(3) && !new SearchMeasures.OffHours(1, 4).contains(4));
    }

    @Test
    void mistakesNameTheFileAndField() throws Exception {
        String good = "version: 1\nlookback_days: 30\noff_hours: {from: 22, to: 6}\ntop_requesters: 5\n";
        assertEquals(5, SearchMeasures.of(yaml(good), "m.yaml").topRequesters());
        ConfigException typo = assertThrows(ConfigException.class,
                () -> SearchMeasures.of(yaml(good.replace("lookback_days", "look_back_days")), "m.yaml"));
        assertTrue(typo.getMessage().startsWith("m.yaml: ") && typo.getMessage().contains("look_back_days"), typo.getMessage());
        ConfigException hours = assertThrows(ConfigException.class,
                () -> SearchMeasures.of(yaml(good.replace("to: 6", "to: 24")), "m.yaml"));
        assertEquals("m.yaml: field 'off_hours' needs 'from' and 'to', two different hours from 0 to 23", hours.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> SearchMeasures.of(yaml(good.replace("top_requesters: 5\n", "")), "m.yaml"));
        assertEquals("m.yaml: field 'top_requesters' is missing", missing.getMessage());
    }
}
