package org.queryaudit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queryaudit.ingest.Share;

class PathwayTest {
    static EventFacts facts(String requester, String level, String state, List<String> tags) {
        return new EventFacts("Lakewood WA PD", "WA", "ALPR", LocalDate.parse("2025-01-08"), requester, null, level, state,
                null, false, tags, null, null, null, "name pattern", "gazetteer: written for the test", null);
    }

    final SharingIndex lakewood = new SharingIndex(List.of(
            new Share("Lakewood WA PD", "WA", "U.S. Border Patrol", List.of(), List.of("Lakewood WA PD"), true, "s.csv", 2),
            new Share("Lakewood WA PD", "WA", "Tacoma WA PD", List.of("Tacoma WA PD"), List.of(), true, "s.csv", 3)));

    @Test
    void frontBackSideAndInState() {
        assertEquals(Pathway.FRONT_DOOR, Pathway.of(facts("US Border Patrol [Inactive]", "federal", null, List.of()), lakewood),
                "names match after the vendor's tags and punctuation are set aside");
        assertEquals(Pathway.BACK_DOOR, Pathway.of(facts("Homeland Security Investigations", "federal", null, List.of()), lakewood));
        assertEquals(Pathway.BACK_DOOR, Pathway.of(facts("Boise ID PD", "local", "ID", List.of()), lakewood));
        assertEquals(Pathway.SIDE_DOOR, Pathway.of(facts("Yakima WA PD", "local", "WA", List.of("immigration")), lakewood));
        assertEquals(Pathway.IN_STATE, Pathway.of(facts("Tacoma WA PD", "local", "WA", List.of("vague_reason")), lakewood));
    }

    @Test
    void withoutSharingDataOutsideAccessIsNeverGuessed() {
        SharingIndex none = new SharingIndex(List.of());
        assertEquals(Pathway.SHARE_UNKNOWN, Pathway.of(facts("U.S. Border Patrol", "federal", null, List.of()), none));
        SharingIndex withoutColumn = new SharingIndex(List.of(
                new Share("Lakewood WA PD", "WA", "U.S. Border Patrol", List.of(), List.of(), false, "s.csv", 2)));
        assertEquals(Pathway.SHARE_UNKNOWN, Pathway.of(facts("U.S. Border Patrol", "federal", null, List.of()), withoutColumn),
                "an export without 'Networks I'm Sharing' says nothing of what the owner shares");
    }
}
