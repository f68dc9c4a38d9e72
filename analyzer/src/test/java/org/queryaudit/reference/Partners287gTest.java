package org.queryaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.queryaudit.TestSpark;
import org.queryaudit.resolve.AgencyDirectory;
import org.queryaudit.resolve.AgencyResolver;

/** Issue 17: ICE's 287(g) list (as of 2025-05-16) beside real requester names, matched only by state and name. */
class Partners287gTest {
    private final Partners287g partners = Partners287g.shipped();

    @Test
    void aPartnerIsKnownByItsStateAndItsName() {
        assertEquals("Task Force Model (signed 2025-02-26); Warrant Service Officer (signed 2019-09-09)",
                partners.agreements("BROWARD COUNTY FL SO", "FL"));
        assertEquals(partners.agreements("BROWARD COUNTY FL SO", "FL"), partners.agreements("Broward County Sheriff's Office", "FL"));
        assertEquals("Jail Enforcement Model (signed 2020-03-13)", partners.agreements("CANADIAN COUNTY SHERIFFS OFFICE (OK)", "OK"));
        assertEquals("Task Force Model (signed 05/082025)", partners.agreements("Campbell County Sheriff's Office", "VA"),
                "a date ICE mistyped is shown as ICE wrote it");
        assertNull(partners.agreements("BROWARD COUNTY FL SO", null), "no state, no match");
        assertNull(partners.agreements("Broward County SO", "GA"), "the same name in another state is another agency");
        assertNull(partners.agreements("Campbell County Sheriff's Office", "KY"));
        assertNull(partners.agreements("Los Altos CA PD", "CA"));
        assertNull(partners.agreements("Franklin County Sheriff's Office", "OH"), "Franklin County is a partner in AL, FL, PA and VA only");
    }

    /**
     * The real names Irvine CA PD's audits hold (test resources evaluation/agency-names.csv), with
     * the state the resolver reads from each: how many ICE lists, and which, for the closing note.
     * A match needs the same state and the same name once spelling is set aside, so every one
     * printed is checked here against the state the name's labeller gave it.
     */
    @Test
    void realRequesterNamesAgainstTheList() throws Exception {
        AgencyResolver resolver = new AgencyResolver(AgencyDirectory.shipped(), UsStates.shipped());
        List<String> matched = new ArrayList<>();
        int named = 0;
        int unlabelled = 0;
        try (Reader r = Files.newBufferedReader(TestSpark.root().resolve("analyzer/src/test/resources/evaluation/agency-names.csv"))) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String name = rec.get("name");
                String state = resolver.resolve(name, null).state();
                named++;
                String found = partners.agreements(name, state);
                if (found != null) {
                    matched.add(name + " [" + state + "] " + found);
                    if (!rec.get("state").equals("?")) {
                        assertEquals(rec.get("state"), state, "a match rests on the state the labeller gave: " + name);
                    } else {
                        unlabelled++;
                    }
                }
            }
        }
        System.out.printf("287(g): %d of %d real requester names are on ICE's list of %s (%d of them by a state the resolver read"
                + " from a place or county name, the labeller having left the state open):%n  %s%n", matched.size(), named, Partners287g.AS_OF,
                unlabelled, String.join("\n  ", matched));
        assertTrue(matched.size() >= 10, "Irvine's requesters include Florida and Texas sheriffs on the list: " + matched.size());
    }
}
