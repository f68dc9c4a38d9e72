package org.queryaudit.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queryaudit.TestSpark;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.base.ConfigException;

class RuleBookTest {
    @Test
    void everyShippedPackLoadsWithItsLegalStanding() {
        RuleBook book = RuleBook.load(null);
        for (String st : List.of("CA", "WA", "IL", "NY", "NJ", "NM", "VA", "MA", "MN", "OR", "CO", "MD", "NV", "UT", "MT",
            "AR", "VT", "NH", "ME", "TX")) {
            assertTrue(book.packs().containsKey(st), st);
        }
        assertTrue(book.packs().get("TX").noRestriction());
        assertTrue(book.packs().get("TX").rules().isEmpty());
        for (Rule r : book.rules()) {
            assertNotNull(r.citation(), r.id());
            assertTrue(List.of("high", "medium", "low").contains(r.confidence()), r.id());
            assertTrue(List.of("enacted", "policy").contains(r.status()), r.id());
            assertFalse(r.because().isBlank(), r.id());
        }
        Rule cutoff = book.rules().stream().filter(r -> r.id().equals("WA-DOL-ACCESS-ENDED")).findFirst().orElseThrow();
        assertTrue(cutoff.revocation() && cutoff.afterAgreementEnd(), "the agreements give the dates");
        assertEquals("policy", cutoff.status(), "an administrative cut-off is not presented as a statute");
        assertEquals("low", book.rules().stream().filter(r -> r.id().equals("NJ-MVC-2019-C271")).findFirst().orElseThrow().confidence());
    }

    @Test
    void aBadPackNamesTheFileTheRuleAndTheField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("CA.yaml"), """
                state: CA
                name: California
                version: "test"
                rules:
                  - id: CA-TEST
                    data: alpr
                    title: t
                    requesters: [federal_agents]
                    purposes: [any]
                    citation: c
                    cite: c
                    because: b
                    summary: s
                    status: enacted
                    confidence: high
                    source: test
                """);
        String e = assertThrows(ConfigException.class, () -> RuleBook.load(dir)).getMessage();
        assertTrue(e.contains("CA.yaml") && e.contains("'CA-TEST'") && e.contains("'requesters'") && e.contains("federal_agents"), e);
        Files.writeString(dir.resolve("CA.yaml"), Files.readString(dir.resolve("CA.yaml"))
                .replace("[federal_agents]", "[federal_any]").replace("confidence: high", "confidence: certain"));
        e = assertThrows(ConfigException.class, () -> RuleBook.load(dir)).getMessage();
        assertTrue(e.contains("'confidence'") && e.contains("certain"), e);
        Files.writeString(dir.resolve("CA.yaml"), Files.readString(dir.resolve("CA.yaml"))
                .replace("confidence: certain", "confidence: high\n    effective_from: 2025-13-01"));
        e = assertThrows(ConfigException.class, () -> RuleBook.load(dir)).getMessage();
        assertTrue(e.contains("'effective_from'") && e.contains("2025-13-01"), e);
    }

    /** Issue 15: a component typo would turn the rule off without a word. */
    @Test
    void aComponentTheDirectoryDoesNotKnowIsRefused(@TempDir Path dir) throws Exception {
        java.util.Set<String> known = org.queryaudit.resolve.AgencyDirectory.shipped().components();
        RuleBook.load(null).checkComponents(known); // every shipped pack names known components
        Files.writeString(dir.resolve("WA.yaml"), Files.readString(TestSpark.root().resolve(
                "analyzer/src/main/resources/queryaudit/rules/WA.yaml")).replaceFirst("ICE-ERO", "ICE-EROO"));
        RuleBook typo = RuleBook.load(dir);
        String e = assertThrows(ConfigException.class, () -> typo.checkComponents(known)).getMessage();
        assertTrue(e.contains("WA.yaml") && e.contains("rule '") && e.contains("ICE-EROO")
                && (e.contains("'components'") || e.contains("'presumed_immigration_for'")), e);
    }

    @Test
    void aUsersPackReplacesTheShippedPackOfItsState(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("TX.yaml"), """
                state: TX
                name: Texas (local policy test)
                version: "mine"
                rules:
                  - id: TX-CITY-POLICY
                    data: alpr
                    title: A city's own policy
                    requesters: [federal_immigration]
                    purposes: [any]
                    citation: "City council resolution 2026-1"
                    cite: "Res. 2026-1"
                    because: "the city's policy bars sharing with {class}"
                    summary: s
                    status: policy
                    confidence: medium
                    source: test
                """);
        RuleBook book = RuleBook.load(dir);
        assertFalse(book.packs().get("TX").noRestriction());
        assertEquals("TX-CITY-POLICY", book.packs().get("TX").rules().get(0).id());
        assertEquals(RuleBook.load(null).packs().get("CA"), book.packs().get("CA"));
        assertFalse(book.sha256().equals(RuleBook.load(null).sha256()), "the manifest's digest changes with the rules");
    }
}
