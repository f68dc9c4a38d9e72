package org.queryaudit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.base.ConfigException;
import org.queryaudit.reference.UsStates;

class AgencyResolverTest {
    private final AgencyResolver resolver = new AgencyResolver(AgencyDirectory.shipped(), UsStates.shipped());

    private Resolution name(String n) {
        return resolver.resolve(n, null);
    }

    @Test
    void federalLookingLocalNamesAreLocal() {
        Resolution fw = name("Federal Way WA PD");
        assertEquals("local", fw.level());
        assertEquals("WA", fw.state());
        assertFalse(fw.immigration());
        assertEquals("local", name("Federal Heights CO PD").level());
        assertEquals("CO", name("Federal Heights CO PD").state());
    }

    @Test
    void aStateHomelandSecurityOfficeIsAStateAgency() {
        Resolution ms = name("MS Office of Homeland Security");
        assertEquals("state", ms.level());
        assertEquals("MS", ms.state());
        assertFalse(ms.immigration());
    }

    @Test
    void policeIsNotIce() {
        Resolution r = name("Yakima WA Police Department");
        assertEquals("local", r.level());
        assertFalse(r.immigration());
    }

    @Test
    void aFederalAirBaseIsFederalButNotImmigration() {
        Resolution r = name("Langley VA Air Force Base [Federal]");
        assertEquals("federal", r.level());
        assertEquals("military", r.component());
        assertFalse(r.immigration());
        assertEquals("VA", r.state());
    }

    @Test
    void taggedAndInactiveHsiIsHsi() {
        Resolution r = name("Homeland Security Investigations [Federal] [Inactive]");
        assertEquals("federal", r.level());
        assertEquals("DHS", r.department());
        assertEquals("ICE-HSI", r.component());
        assertTrue(r.immigration());
        assertTrue(r.inactive());
        assertEquals("directory name", r.basis());
    }

    @Test
    void borderPatrolInItsSpellings() {
        for (String n : new String[] {"U.S. Border Patrol", "US Border Patrol [Inactive]", "United States Border Patrol",
            "U.S. Border Patrol San Diego Sector", "(Federal) US Border Patrol"}) {
            Resolution r = name(n);
            assertEquals("CBP-USBP", r.component(), n);
            assertTrue(r.immigration(), n);
        }
    }

    @Test
    void vendorConventionsForLocalAndStateAgencies() {
        assertEquals("local", name("Example County FL SO").level());
        assertEquals("FL", name("Example County FL SO").state());
        Resolution wsp = name("Washington State Patrol");
        assertEquals("state", wsp.level());
        assertEquals("WA", wsp.state());
        assertEquals("state", name("Texas DPS").level());
        assertEquals("local", name("Sunnyvale CA DPS").level(), "a city's public-safety department");
        assertEquals("federal", name("[Federal] Loma Linda Healthcare System CA Veterans Affairs PD").level());
        assertEquals("other federal", name("[Federal] Some New Agency").component());
        assertEquals("[Federal] tag", name("[Federal] Some New Agency").basis());
        assertEquals("tribal", name("Navajo Nation PD").level());
        assertEquals("local", name("National City CA PD").level());
    }

    @Test
    void orisByDirectoryPatternAndState() {
        Resolution lesc = resolver.resolve(null, "VTICE0900");
        assertEquals("ICE-ERO", lesc.component());
        assertEquals("directory ORI", lesc.basis());
        assertEquals("VT", lesc.state());
        Resolution seattle = resolver.resolve(null, "WAICE0800");
        assertEquals("ICE-ERO", seattle.component());
        assertEquals("ORI pattern", seattle.basis(), "weaker than a directory row");
        assertEquals("WA", seattle.state());
        Resolution local = resolver.resolve(null, "WA0270000");
        assertEquals("unknown", local.level(), "an ORI's state letters are a location, not a level");
        assertEquals("WA", local.state());
        assertEquals("ORI state", local.basis());
        assertEquals("state", resolver.resolve(null, "OROLN0000").level());
        assertEquals("FBI", resolver.resolve(null, "FB").component());
    }

    @Test
    void usersAddTheirOwnRowsFirst(@TempDir Path dir) throws Exception {
        Path mine = dir.resolve("wa-oris.csv");
        Files.writeString(mine, "kind,key,level,department,component,immigration,name,source\n"
                + "ori,WA0270000,local,,,false,Pierce County Sheriff,WA ORI list 2025\n");
        AgencyResolver r = new AgencyResolver(AgencyDirectory.load(mine), UsStates.shipped());
        assertEquals("local", r.resolve(null, "WA0270000").level());
        assertEquals("directory ORI", r.resolve(null, "WA0270000").basis());
    }

    @Test
    void aBadDirectoryRowNamesFileLineAndField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "kind,key,level\nori,WA0000000,municipal\n");
        String e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> AgencyDirectory.load(bad)).getMessage();
        assertTrue(e.contains("bad.csv: line 2") && e.contains("'level'") && e.contains("municipal"), e);
    }
}
