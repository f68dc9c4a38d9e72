package org.queryaudit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.queryaudit.reference.UsStates;

/** The name forms of issue 13, read against the real gazetteer. */
class StateReaderTest {
    private final StateReader reader = new StateReader(UsStates.shipped());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Los Angeles County CA SD|CA",
        "San Diego County CA SD|CA",
        "LOS ANGELES CO SO|CA",
        "Fresno CO SO|CA",
        "Placer County SD|CA",
        "Federal Heights CO PD|CO",
        "Garfield County CO SO|CO",
        "NE - Colfax Co SO|NE",
        "Sisseton SD PD|SD",
        "Richmond VA PD|VA",
        "Richmond VA Police Department|VA",
        "ALAMEDA COUNTY SHERIFFS OFFICE (CA)|CA",
        "TOMBSTONE MARSHALS OFFICE (AZ)|AZ",
        "MARSHALL COUNTY OK SO|OK",
        "LA PALMA POLICE DEPARTMENT|CA",
        "Aurora CO PD|CO",
        "Mendocino County SO-CA|CA",
        "Glendora (CA) PD|CA",
        "Oregon State Police|OR",
        "Washington State Patrol|WA",
        "Kansas City MO PD|MO",
        "Nevada County CA SO|CA",
        "Talent PD (Oregon)|OR",
        "ABERDEEN WA PD|WA",
        "Colorado Springs CO PD|CO",
        "MS Office of Homeland Security|MS",
        "TX Department of Public Safety|TX",
    })
    void readsTheHomeState(String name, String state) {
        assertEquals(state, reader.read(name).state(), () -> name + ": " + reader.read(name));
    }

    @Test
    void veteransAffairsIsNoState() {
        assertNull(reader.read("VA Police - Palo Alto VA Medical Center").state());
    }

    @Test
    void aCountyManyStatesHaveGivesNoState() {
        assertNull(reader.read("Washington County Sheriff's Office").state());
    }

    @Test
    void aWordLikeCodeWithNoPlaceBesideItIsNotFirm() {
        for (String name : new String[] {"Zzyzxville IN PD", "PURDUE UNIVERSITY IN PD", "WYANDOTTE NATION OK PD", "Zzyzxville LA PD",
            "Zzyzxville CO SO", "Zzyzxville VA PD"}) {
            StateReading r = reader.read(name);
            assertFalse(StateReading.firm(r.basis()), name + ": " + r);
        }
    }

    /** Issue 25: a code that is no English word, where a state stands in the name, is read as a person reads it. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Zzyzxville TX PD|TX",
        "Chippewa PA PD|PA",
        "CVG Airport KY PD|KY",
        "Marshall TX PD|TX",
        "Sauk Prairie WI PD|WI",
        "West Chester OH PD|OH",
        "Tilden Township PA PD|PA",
        "Lone Peak UT PD|UT",
        "WHITE LAKE TWP MI PD|MI",
        "CORNELL UNIVERSITY NY PD|NY",
        "GLUCKSTADT MS PD|MS",
        "Zzyzxville Police Department MN|MN",
        "Zzyzxville KS Sheriff's Office|KS",
    })
    void aCodeThatIsNoWordWhereAStateStandsIsFirm(String name, String state) {
        StateReading r = reader.read(name);
        assertEquals(state, r.state(), r.toString());
        assertTrue(StateReading.firm(r.basis()), name + ": " + r);
    }

    @Test
    void aCodeThatIsNoWordElsewhereInTheNameIsNotFirm() {
        // Not where a state stands: first, or before words that are not the agency's kind.
        for (String name : new String[] {"AZ HIDTA INVESTIGATION SUPPORT CENTER", "Zzyzxville TX Narcotics Task Force"}) {
            StateReading r = reader.read(name);
            assertFalse(StateReading.firm(r.basis()), name + ": " + r);
        }
    }

    @Test
    void stateAbbreviationsAndCommonwealthsNameTheirState() {
        assertEquals("NY", reader.read("NYS Department of Environmental Conservation Police").state());
        assertTrue(StateReading.firm(reader.read("NYS DEC POLICE").basis()), reader.read("NYS DEC POLICE").toString());
        assertEquals("NY", reader.read("NYS DEC POLICE").state());
        for (String[] c : new String[][] {{"Commonwealth of Virginia Department of State Police", "VA"},
            {"COMMONWEALTH OF PENNSYLVANIA OFFICE OF ATTORNEY GENERAL", "PA"}, {"Commonwealth of Kentucky State Police", "KY"},
            {"Commonwealth of Massachusetts Environmental Police", "MA"}}) {
            StateReading r = reader.read(c[0]);
            assertEquals(c[1], r.state(), c[0] + ": " + r);
            assertTrue(StateReading.firm(r.basis()), c[0] + ": " + r);
        }
    }

    @Test
    void aCountysNameOfOneStateAndAPlaceOfAnotherReadsBothWays() {
        StateReading r = reader.read("Niagara Frontier Transit Authority");
        assertFalse(StateReading.firm(r.basis()), r.toString());
        assertTrue("NY".equals(r.state()) || "NY".equals(r.alternative()), r.toString());
        assertTrue(r.alternative() != null, r.toString());
    }

    @Test
    void aPlaceConfirmedIsFirm() {
        StateReading r = reader.read("Federal Heights CO PD");
        assertEquals("gazetteer", r.basis());
        assertTrue(StateReading.firm(r.basis()));
    }

    @Test
    void sheriffsDepartmentLettersLeaveTheOtherReadingOpen() {
        StateReading r = reader.read("Placer County SD");
        assertEquals("CA", r.state());
        assertEquals("SD", r.alternative(), r.toString());
    }
}
