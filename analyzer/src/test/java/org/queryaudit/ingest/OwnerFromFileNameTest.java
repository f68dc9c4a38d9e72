package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.queryaudit.reference.UsStates;

class OwnerFromFileNameTest {
    private final UsStates states = UsStates.shipped();

    @Test
    void vendorNetworkAuditName() {
        var o = OwnerFromFileName.of("1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv", states).orElseThrow();
        assertEquals("Lakewood WA PD", o.agency());
        assertEquals("WA", o.state());
    }

    @Test
    void underscoredOrganisationAuditNameAndRedactedPrefix() {
        var o = OwnerFromFileName.of("3_1_2025-3_31_2025-Example_County_FL_SO-Audit.csv", states).orElseThrow();
        assertEquals("Example County FL SO", o.agency());
        assertEquals("FL", o.state());
        var r = OwnerFromFileName.of("REDACTED - 1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv", states).orElseThrow();
        assertEquals("Lakewood WA PD", r.agency());
    }

    @Test
    void aSecondDownloadOrAPartNumberKeepsTheOwner() {
        assertEquals("Lakewood WA PD", OwnerFromFileName.of("1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit (1).csv", states)
                .orElseThrow().agency());
        assertEquals("Big City CA PD", OwnerFromFileName.of("9_1_2025-9_30_2025-Big City CA PD-Network-Audit-part003.csv", states)
                .orElseThrow().agency());
    }

    @Test
    void aNameWithoutAStateCodeGivesTheAgencyOnly() {
        var o = OwnerFromFileName.of("1_1_2025-1_31_2025-Some Agency-Network-Audit.csv", states).orElseThrow();
        assertEquals("Some Agency", o.agency());
        assertEquals(null, o.state());
    }

    @Test
    void otherNamesSayNothing() {
        assertTrue(OwnerFromFileName.of("eugene-or-pd-portal-search-audit-2025.csv", states).isEmpty());
        assertTrue(OwnerFromFileName.of("SharedNetworks_2026_July_6.csv", states).isEmpty());
    }
}
