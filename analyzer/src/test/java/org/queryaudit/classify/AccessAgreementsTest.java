package org.queryaudit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.queryaudit.base.ConfigException;

/** Issue 17: who holds access to a state's DMV data, and until when; a mistake is named by file, agreement and field. */
class AccessAgreementsTest {
    static final String ONE = """
            version: 1
            agreements:
              - id: XX-1
                state: WA
                channel: DMV_PORTAL
                party: {oris: [WAUSM0000], accounts: [acct-1]}
                authority: a portal contract
                start: 2024-01-01
                end: 2025-01-01
                end_precision: year
                status: terminated
                termination: not renewed
                confidence: low
                source: written for the test
            """;

    static AccessAgreements of(String yaml) throws Exception {
        return AccessAgreements.of(new ObjectMapper(new YAMLFactory()).readTree(yaml), "a.yaml");
    }

    @Test
    void theDoorByDateAndParty() throws Exception {
        AccessAgreements a = of(ONE);
        assertEquals("front_door", a.access("WA", "DMV_PORTAL", LocalDate.parse("2024-12-31"), null, "WAUSM0000", null).door());
        AccessAgreements.Access after = a.access("WA", "DMV_PORTAL", LocalDate.parse("2025-01-01"), null, null, "acct-1");
        assertEquals(java.util.List.of("back_door", "XX-1", "true"), java.util.List.of(after.door(), after.agreement().id(),
                String.valueOf(after.ended())), "matched by its portal account, on the first day without access");
        AccessAgreements.Access before = a.access("WA", "DMV_PORTAL", LocalDate.parse("2023-06-01"), null, "WAUSM0000", null);
        assertEquals("back_door", before.door(), "before its start: no live agreement");
        assertNull(before.agreement(), "and none had ended");
        assertEquals("back_door", a.access("WA", "DMV_PORTAL", LocalDate.parse("2024-06-01"), "FBI", "WAFBI0000", null).door());
        assertNull(a.access("WA", "NLETS", LocalDate.parse("2024-06-01"), null, "WAUSM0000", null), "no agreements listed for the channel");
        assertNull(a.access("OR", "DMV_PORTAL", LocalDate.parse("2024-06-01"), null, "WAUSM0000", null));
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("a.yaml: agreement 'XX-1': field 'channel' must be one of [DMV_PORTAL, NLETS]",
                assertThrows(ConfigException.class, () -> of(ONE.replace("channel: DMV_PORTAL", "channel: DAPS"))).getMessage()
                        .replace("[NLETS, DMV_PORTAL]", "[DMV_PORTAL, NLETS]"));
        assertEquals("a.yaml: agreement 'XX-1': a terminated agreement needs 'end' and 'termination'",
                assertThrows(ConfigException.class, () -> of(ONE.replace("    end: 2025-01-01\n", ""))).getMessage());
        assertEquals("a.yaml: agreement 'XX-1': field 'party' needs components, oris or accounts",
                assertThrows(ConfigException.class, () -> of(ONE.replace("party: {oris: [WAUSM0000], accounts: [acct-1]}", "party: {}")))
                        .getMessage());
    }

    /** What the shipped file says of Washington, as the README states it (the loader already refuses an entry without a source). */
    @Test
    void theShippedAgreementsSayWhatTheReadmeSays() {
        AccessAgreements a = AccessAgreements.shipped();
        AccessAgreements.Access ice = a.access("WA", "NLETS", LocalDate.parse("2025-11-19"), "ICE-HSI", "WAHSI0100", null);
        assertEquals(java.util.List.of("back_door", "WA-ACCESS-ICE", "true"),
                java.util.List.of(ice.door(), ice.agreement().id(), String.valueOf(ice.ended())), "ICE's access ended that morning");
        assertEquals("front_door", a.access("WA", "NLETS", LocalDate.parse("2026-01-08"), "CBP-USBP", "WACBP0300", null).door(),
                "CBP kept its access");
        AccessAgreements.Access daps = a.access("WA", "DMV_PORTAL", LocalDate.parse("2025-08-27"), "ICE-HSI", "WAHSI0100", null);
        assertEquals(java.util.List.of("WA-DAPS-HSI", "medium"), java.util.List.of(daps.agreement().id(), daps.agreement().confidence()));
        assertNull(a.access("WA", "DMV_PORTAL", LocalDate.parse("2025-08-27"), "CBP", "WACBP0300", null).agreement(),
                "the 2018 DAPS terminations are not encoded: which units is unknown");
    }
}
