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
    void aCodeWithNoPlaceBesideItIsNotFirm() {
        StateReading r = reader.read("Zzyzxville TX PD");
        assertEquals("TX", r.state());
        assertFalse(StateReading.firm(r.basis()), r.toString());
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
