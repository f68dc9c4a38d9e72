package org.queryaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.queryaudit.ingest.AgencyDestinations;
import org.queryaudit.base.ConfigException;
import org.queryaudit.resolve.AgencyDirectory;

/** Issue 17: what an Nlets message reaches, and which destinations are agencies rather than a state's data. */
class MessageKeysTest {
    private final MessageKeys keys = MessageKeys.shipped();

    @Test
    void rulesApplyByDataClass() {
        assertEquals("vehicle", keys.dataClass("NLETS", "RQ"));
        assertEquals("driver", keys.dataClass("NLETS", " dnq "));
        assertEquals("dmv", keys.ruleData(keys.dataClass("NLETS", "DQ")), "driver records are DMV data");
        assertEquals("criminal_history", keys.ruleData(keys.dataClass("NLETS", "IQ")), "criminal history is not");
        assertEquals("immigration_status", keys.ruleData(keys.dataClass("NLETS", "IAQ")), "nor is a query to ICE's LESC");
        assertEquals("unknown", keys.dataClass("NLETS", "ZZQ"), "a key not in the file is never taken for DMV data");
        assertEquals("unknown", keys.ruleData("unknown"));
        assertEquals("dmv", keys.dataClass("DMV_PORTAL", "VEH"));
        assertEquals("alpr", keys.ruleData(keys.dataClass("ALPR", "search")));
    }

    @Test
    void mistakesNameTheFileTheKeyAndTheField() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory());
        String good = "version: 1\nclasses: {driver: {dmv: true, what: d}}\nkeys:\n  - {key: DQ, queries: q, class: driver, source: s}\n";
        assertEquals("driver", MessageKeys.of(yaml.readTree(good), "k.yaml").dataClass("NLETS", "DQ"));
        ConfigException cls = assertThrows(ConfigException.class,
                () -> MessageKeys.of(yaml.readTree(good.replace("class: driver", "class: drivers")), "k.yaml"));
        assertEquals("k.yaml: key 'DQ': field 'class' must be one of [driver]", cls.getMessage());
        ConfigException twice = assertThrows(ConfigException.class, () -> MessageKeys.of(yaml.readTree(good
                + "  - {key: dq, queries: q, class: driver, source: s}\n"), "k.yaml"));
        assertEquals("k.yaml: key 'dq': listed twice", twice.getMessage());
        ConfigException reserved = assertThrows(ConfigException.class,
                () -> MessageKeys.of(yaml.readTree(good.replace("{driver:", "{dmv:").replace("class: driver", "class: dmv")), "k.yaml"));
        assertTrue(reserved.getMessage().contains("'dmv' is reserved"), reserved.getMessage());
    }

    @Test
    void agencyDestinationsAreNeverAStatesData() {
        AgencyDestinations d = AgencyDirectory.shipped().destinations();
        assertEquals("ICE Law Enforcement Support Center (Williston VT)", d.agency("VTICE0900"));
        assertEquals("ICE Law Enforcement Support Center (legacy Nlets destination AX)", d.agency("ax"));
        assertEquals("ICE (ORI pattern) WAICE0800", d.agency("WAICE0800"));
        assertNull(d.agency("WAOLN0000"), "a state's licence bureau is the state's data");
        assertNull(d.agency("WA"));
        assertNull(d.agency("WA0270000"));
    }
}
