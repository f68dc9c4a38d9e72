package org.queryaudit;

import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.RunResult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.cli.InputsListAccess;
import org.queryaudit.ingest.ProfileCatalog;
import org.queryaudit.report.RowCounts;

/** The demo's inputs (sample-logs/) through the real pipeline: what sample-logs/README.md says they hold. */
class DemoRunTest {
    @TempDir
    static Path tmp;
    static RunResult first;
    static JsonNode manifest;

    static RunResult run(String out) throws IOException {
        var inputs = InputsListAccess.read(TestSpark.root().resolve("sample-logs/inputs.csv"));
        return new AuditRun(TestSpark.session(), ProfileCatalog.builtIn())
                .execute(RunOptions.of(inputs, tmp.resolve(out).toString()));
    }

    @BeforeAll
    static void runDemo() throws IOException {
        first = run("a");
        manifest = new ObjectMapper().readTree(tmp.resolve("a/manifest.json").toFile());
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (var r = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void everySampleFileIsAccountedForAsTheReadmeSays() {
        Map<String, RowCounts> byName = new HashMap<>();
        first.perFile().forEach((k, v) -> byName.put(Path.of(k).getFileName().toString(), v));
        assertEquals(new RowCounts(178, 177, 1, 0, 177), byName.get("REDACTED - 1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(238, 238, 0, 0, 238), byName.get("9_1_2025-9_30_2025-Los Altos CA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(123, 123, 0, 0, 123), byName.get("2_1_2026-2_28_2026-Mount Prospect IL PD-Network-Audit.csv"));
        assertEquals(new RowCounts(103, 101, 0, 2, 101), byName.get("10_1_2025-10_31_2025-Olympia WA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(154, 153, 0, 1, 153), byName.get("11_1_2025-11_30_2025-The Colony TX PD-Network-Audit.csv"));
        assertEquals(new RowCounts(121, 121, 0, 0, 121), byName.get("11_1_2025-12_8_2025-Example_County_FL_SO-Audit.csv"));
        assertEquals(new RowCounts(81, 81, 0, 0, 81), byName.get("san-mateo-ca-pd-search-audit-2026-03.csv"));
        assertEquals(new RowCounts(212, 211, 0, 1, 211), byName.get("wa-access-nlets-2025-11.csv"));
        assertEquals(new RowCounts(123, 123, 0, 0, 123), byName.get("ny-dmv-portal-2025-10.csv"));
        assertEquals(new RowCounts(4, 4, 0, 0, 4), byName.get("SharedNetworks_2025_August_14-Lakewood.csv"));
        assertEquals(new RowCounts(25, 25, 0, 0, 25), byName.get("9_1_2025-9_30_2025-Mountain View CA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(61, 61, 0, 0, 61), byName.get("3_1_2025-3_31_2025-Tacoma WA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(61, 61, 0, 0, 61), byName.get("REDACTED - 3_1_2025-3_31_2025-Tacoma WA PD-Network-Audit.csv"),
                "a re-release is read in full: its rows are other evidence of the same searches, not duplicates");
        assertEquals(new RowCounts(35, 35, 0, 0, 35), byName.get("2_1_2026-2_28_2026-Naperville IL PD-Network-Audit.csv"));
        assertEquals(new RowCounts(35, 35, 0, 0, 35), byName.get("wa-access-nlets-2025-10.csv"));
        assertEquals(new RowCounts(45, 45, 0, 0, 45), byName.get("10_1_2025-10_31_2025-Los Gatos CA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(45, 45, 0, 0, 45), byName.get("REDACTED - 10_1_2025-10_31_2025-Los Gatos CA PD-Network-Audit.csv"));
        assertEquals(new RowCounts(1698, 1693, 1, 4, 1693), first.rows());
        for (JsonNode in : manifest.get("inputs")) {
            assertTrue(in.get("format").asText().startsWith("flock-") || in.get("format").asText().endsWith("-log"), in.toString());
        }
    }

    @Test
    void theQuarantineSaysWhereAndWhy() throws IOException {
        List<CSVRecord> q = csv(tmp.resolve("a/quarantine.csv"));
        assertEquals(4, q.size());
        assertEquals(List.of("62", "123", "152", "52"), q.stream().map(r -> r.get("source_line")).toList());
        assertTrue(q.get(0).get("reason").contains("header row appears again"));
        assertTrue(q.get(1).get("reason").contains("quoted cell"));
        assertTrue(q.get(2).get("reason").contains("9/9/9999"));
        assertTrue(q.get(3).get("reason").contains("'ZZ'"));
    }

    @Test
    void theAgencyReportCountsEveryEventOnce() throws IOException {
        List<CSVRecord> rows = csv(tmp.resolve("a/agency_report.csv"));
        assertEquals(1685, rows.stream().filter(r -> r.get("via").isEmpty()).mapToLong(r -> Long.parseLong(r.get("queries"))).sum(),
                "1693 accepted rows less the 8 rows of the two sharing files");
        // Issue 25: the broadcast's member-state rows (via) repeat its one query beside each state's findings.
        assertEquals(13, rows.stream().filter(r -> !r.get("via").isEmpty()).mapToLong(r -> Long.parseLong(r.get("queries"))).sum());
        // Issue 17: a 287(g) partner (ICE's list of 2025-05-16) is marked; no demo owner is one.
        CSVRecord kerr = rows.stream().filter(r -> r.get("requester_name").equals("Kerr County TX SO")).findFirst().orElseThrow();
        assertEquals("Jail Enforcement Model (signed 2025-05-06); Task Force Model (signed 2025-05-08); Warrant Service Officer"
                + " (signed 2025-05-06)", kerr.get("requester_287g"));
        assertEquals(java.util.Set.of("Kerr County TX SO", "Nassau County PD"), rows.stream().filter(r -> !r.get("requester_287g").isEmpty())
                .map(r -> r.get("requester_name")).collect(java.util.stream.Collectors.toSet()),
                "and the NY DMV log's Nassau County PD, a Task Force Model partner since 2025-03-10: no other demo requester is listed");
        assertTrue(rows.stream().allMatch(r -> r.get("owner_287g").isEmpty()));
        CSVRecord usbp = rows.stream().filter(r -> r.get("requester_name").equals("U.S. Border Patrol")
                && r.get("owner_agency").equals("Lakewood WA PD")).findFirst().orElseThrow();
        assertEquals("2", usbp.get("queries"));
        assertEquals("2025-01", usbp.get("month"));
        assertEquals("2025-01-08T17:20:11Z", usbp.get("first_seen"));
        assertTrue(Files.isDirectory(tmp.resolve("a/events/owner_state=WA/month=2025-11")));
    }

    static CSVRecord flagged(List<CSVRecord> rows, String requester, String reason) {
        return rows.stream().filter(r -> (r.get("requester_name") + r.get("requester_ori")).equals(requester)
                && r.get("reason").equals(reason)).findFirst()
                .orElseThrow(() -> new AssertionError("not flagged: " + requester + " / " + reason));
    }

    static void notFlagged(List<CSVRecord> rows, String reason) {
        assertTrue(rows.stream().noneMatch(r -> r.get("reason").equals(reason)), "flagged but should not be: " + reason);
    }

    @Test
    void whoAskedAndWhyForEveryPlantedRow() throws IOException {
        List<CSVRecord> f = csv(tmp.resolve("a/flagged.csv"));
        CSVRecord fw = flagged(f, "Federal Way WA PD", "stolen vehicle");
        assertEquals(List.of("local", "WA", "", "false"), List.of(fw.get("requester_level"), fw.get("requester_state"),
                fw.get("tags"), fw.get("immigration_agency")), "flagged only as out of state (Los Altos is in CA)");
        assertEquals("local", flagged(f, "Federal Heights CO PD", "burglary").get("requester_level"));
        assertEquals("state", flagged(f, "MS Office of Homeland Security", "cargo theft").get("requester_level"));
        CSVRecord langley = flagged(f, "Langley VA Air Force Base [Federal]", "base security");
        assertEquals(List.of("federal", "military", "false"), List.of(langley.get("requester_level"),
                langley.get("requester_component"), langley.get("immigration_agency")));
        CSVRecord hsi = flagged(f, "Homeland Security Investigations [Federal] [Inactive]", "HSI case");
        assertEquals(List.of("ICE-HSI", "true", "immigration", "directory name"), List.of(hsi.get("requester_component"),
                hsi.get("immigration_agency"), hsi.get("tags"), hsi.get("resolution_basis")));
        assertEquals("immigration:imm-hsi:reason=\"HSI\"", hsi.get("tag_evidence"));
        CSVRecord marshals = flagged(f, "Mountain View CA PD", "assist US Marshals fugitive task force");
        assertEquals("federal_assist", marshals.get("tags"));
        assertEquals("immigration", flagged(f, "Yakima WA PD", "assist ICE ERO").get("tags"));
        notFlagged(f, "ice possession"); // ice is methamphetamine; Boise is out of state but breaks no Washington rule
        CSVRecord boise = csv(tmp.resolve("a/agency_report.csv")).stream()
                .filter(r -> r.get("requester_name").equals("Boise ID PD") && r.get("owner_agency").equals("Lakewood WA PD"))
                .findFirst().orElseThrow();
        assertEquals(List.of("1", "0", "1"), List.of(boise.get("queries"), boise.get("immigration_tagged"), boise.get("back_door")),
                "counted in the report (back door), not listed");
        // Issue 17: an immigration status query sent to ICE's LESC is not Washington's data.
        CSVRecord iaq = flagged(f, "WA0270000", "ICE DETAINER CHECK");
        assertEquals(List.of("ICE Law Enforcement Support Center (Williston VT)", "US", "immigration_status", "immigration", ""),
                List.of(iaq.get("owner_agency"), iaq.get("owner_state"), iaq.get("data_class"), iaq.get("tags"),
                        iaq.get("violation_rules")));
        CSVRecord iq = flagged(f, "WAICE0800", "IMMIGRATION");
        assertTrue(f.stream().anyMatch(r -> r.get("query_type").equals("IQ") && r.get("data_class").equals("criminal_history")
                && r.get("violation_rules").isEmpty()), "a criminal-history query is not DMV data: no DMV rule applies");
        assertEquals("WAICE0800", iq.get("requester_ori"));
        CSVRecord fbi = flagged(f, "WAFBI0000", "FUGITIVE");
        assertEquals(List.of("back_door", "", ""), List.of(fbi.get("pathway"), fbi.get("access_agreement"), fbi.get("violation_rules")),
                "a federal party with no agreement on file: the back door, and no rule broken");
        assertEquals("ORI pattern", flagged(f, "WACBP0300", "BORDER CROSSING").get("resolution_basis"));
        assertEquals("", flagged(f, "WACBP0300", "BORDER CROSSING").get("tags"), "CBP without an immigration reason");
        for (String trap : List.of("ice sales H&S 11379", "DHS AOD welfare check", "PC 287 theft", "Marshall St burglary",
            "assist Tacoma PD", "VICE unit follow up", "Federal Way burglary", "juvenile justice referral", "idea from tip line",
            "removal of property dispute", "police report follow up", "office burglary / notice of trespass", "dead body found")) {
            notFlagged(f, trap);
        }
        assertTrue(f.stream().noneMatch(r -> r.get("requester_name").equals("Illinois State Police")
                && r.get("immigration_agency").equals("true")), "Police is not ICE");
        assertEquals(35, f.stream().filter(r -> r.get("tags").contains("immigration")).count(),
                "the 34 planted rows of planted.csv with immigration reasons (Tacoma's twice: its month is released twice), and nothing else");
        assertEquals(List.of("HSI NARCOTICS INVESTIGATION", "HSI Narcotics Investigation", "assist US Marshals fugitive task force"),
                f.stream().filter(r -> r.get("tags").contains("federal_assist")).map(r -> r.get("reason")).sorted().toList(),
                "the Marshals' task force, and HSI's narcotics cases (fed-hsi-task-force)");
    }

    @Test
    void violationsAreExactlyThoseThePlantedRowsCallFor() throws IOException {
        List<CSVRecord> v = csv(tmp.resolve("a/violations.csv"));
        Map<String, Long> byRule = new java.util.TreeMap<>();
        v.stream().filter(r -> r.get("via").isEmpty()).forEach(r -> byRule.merge(r.get("rule_id"), 1L, Long::sum));
        // Lone Peak UT PD (issue 25) and Boise ID PD's three searches on Los Gatos' network, released twice (six rows).
        assertEquals(Map.of("CA-ALPR-SB34", 21L, "IL-ALPR-2-130", 2L, "NY-DMV-GREEN-LIGHT", 3L, "WA-ACCESS-IMMIGRATION", 5L,
                "WA-DOL-KWW", 4L, "WA-DOL-ACCESS-ENDED", 2L), byRule, "besides the broadcast");
        // Issue 17: ICE's one broadcast (NL) is checked against every state whose DMV rules bar federal immigration agencies;
        // issue 25: each finding is the member state's, owner and owner state, and names the broadcast in via.
        assertTrue(v.stream().noneMatch(r -> r.get("owner_state").equals("NL")), "no finding is owned by the broadcast");
        assertTrue(csv(tmp.resolve("a/review.csv")).stream().noneMatch(r -> r.get("owner_state").equals("NL")));
        List<CSVRecord> nl = v.stream().filter(r -> !r.get("via").isEmpty()).toList();
        assertEquals(1, nl.stream().map(r -> r.get("event_id")).distinct().count());
        assertTrue(nl.stream().allMatch(r -> r.get("requester_ori").equals("WAICE0800")
                && r.get("via").equals("Nlets multi-state broadcast (NL)")
                && r.get("owner_state").equals(r.get("rule_id").substring(0, 2))
                && r.get("owner_agency").endsWith("(Nlets " + r.get("owner_state") + ")")
                && r.get("explanation").contains("through an Nlets multi-state broadcast (NL)")), "each finding names the broadcast");
        List<CSVRecord> report = csv(tmp.resolve("a/agency_report.csv"));
        assertTrue(report.stream().noneMatch(r -> r.get("owner_state").equals("NL") && !(r.get("violations").equals("0")
                && r.get("verify").equals("0") && r.get("review").equals("0"))), "no agency_report row of NL holds a finding");
        CSVRecord california = report.stream().filter(r -> r.get("requester_ori").equals("WAICE0800") && r.get("owner_state").equals("CA"))
                .findFirst().orElseThrow();
        assertEquals(List.of("California (Nlets CA)", "Nlets multi-state broadcast (NL)", "1", "1", "2",
                "CA-DMV-CLETS-IMMIGRATION=1;CA-DMV-SB54=1"), List.of(california.get("owner_agency"), california.get("via"),
                california.get("queries"), california.get("violations"), california.get("violation_rows"), california.get("violations_by_rule")),
                "California's auditor, filtering on CA, sees the broadcast's one search breaking two of its rules");
        java.util.Set<String> barring = new java.util.TreeSet<>();
        org.queryaudit.evaluate.RuleBook.load(null).rules().stream().filter(r -> r.data().equals("dmv") && !r.afterAgreementEnd()
                && (r.requesters().contains("federal_immigration") || r.requesters().contains("federal_any") || r.requesters().contains("any"))
                && (r.purposes().contains("immigration") || r.purposes().contains("any"))
                && (r.effectiveFrom() == null || !r.effectiveFrom().isAfter(java.time.LocalDate.parse("2025-11-10"))))
                .forEach(r -> barring.add(r.state()));
        assertEquals(barring, new java.util.TreeSet<>(nl.stream().map(r -> r.get("rule_id").substring(0, 2)).toList()),
                "the states the broadcast's findings name are those whose DMV rules bar an immigration query");
        Map<String, Long> ca = new java.util.TreeMap<>();
        v.stream().filter(r -> r.get("rule_id").equals("CA-ALPR-SB34"))
                .forEach(r -> ca.put(r.get("requester_name") + " / " + r.get("pathway") + " / " + r.get("severity"), 1L));
        assertEquals(java.util.Set.of("U.S. Border Patrol / back_door / high",
                "Homeland Security Investigations [Federal] [Inactive] / back_door / high",
                "Federal Way WA PD / front_door / medium", "Mountain View CA PD / side_door / medium",
                "Langley VA Air Force Base [Federal] / back_door / medium", "MS Office of Homeland Security / back_door / medium",
                "Federal Heights CO PD / back_door / medium", "San Mateo CA PD / side_door / high",
                "Richmond VA Police Department / back_door / medium", "Sunnyvale CA PD / side_door / high",
                "Palo Alto CA PD / side_door / high",
                // Issue 25: UT is no word and stands where a state stands; Boise is a place in Idaho (no share list for Los Gatos).
                "Lone Peak UT PD / back_door / medium", "Boise ID PD / share_unknown / medium",
                // Issue 16's search of three owners whose sharing lists were not given: the door is unknown, the rule still applies.
                "U.S. Border Patrol / share_unknown / high"), ca.keySet());
        CSVRecord usbp = v.stream().filter(r -> r.get("requester_name").equals("U.S. Border Patrol")).findFirst().orElseThrow();
        assertEquals("U.S. Border Patrol searched Los Altos CA PD's ALPR data on 2025-09-03; California law bars sharing ALPR "
                + "data with federal agencies (Civ. Code 1798.90.55(b)).", usbp.get("explanation"));
        assertEquals(List.of("verify", "high", "high"), v.stream().filter(r -> r.get("rule_id").equals("NY-DMV-GREEN-LIGHT")
                        && r.get("owner_state").equals("NY") && r.get("via").isEmpty())
                .map(r -> r.get("severity")).toList(), "judicial warrant, administrative warrant, none");
        assertEquals(List.of("2025-11-20", "2025-11-24"), v.stream()
                .filter(r -> r.get("rule_id").equals("WA-DOL-ACCESS-ENDED")).map(r -> r.get("occurred_at").substring(0, 10)).toList());
        assertTrue(v.stream().filter(r -> r.get("rule_id").equals("WA-DOL-ACCESS-ENDED"))
                .allMatch(r -> r.get("severity").equals("critical") && r.get("access_agreement").equals("WA-ACCESS-ICE")
                        && r.get("pathway").equals("back_door")), "after the end of WA-ACCESS-ICE");
        assertTrue(v.stream().filter(r -> r.get("requester_ori").equals("WACBP0300"))
                .allMatch(r -> r.get("pathway").equals("front_door") && r.get("access_agreement").equals("WA-ACCESS-CBP")),
                "CBP under its live access: the front door");
        assertTrue(v.stream().noneMatch(r -> r.get("reason").equals("BORDER CROSSING")), "CBP without an immigration reason");
        assertTrue(v.stream().noneMatch(r -> r.get("owner_state").equals("TX")), "Texas restricts nothing");
        List<CSVRecord> f = csv(tmp.resolve("a/flagged.csv"));
        CSVRecord colonyIce = flagged(f, "Immigration and Customs Enforcement [Federal]", "deportation case");
        assertEquals(List.of("immigration", "", "share_unknown"), List.of(colonyIce.get("tags"), colonyIce.get("violation_rules"),
                colonyIce.get("pathway")), "Texas: tagged, no violation");
        assertEquals("front_door", flagged(f, "U.S. Border Patrol", "immigration").get("pathway"), "Lakewood shares with USBP");
        assertEquals("side_door", flagged(f, "Yakima WA PD", "assist ICE ERO").get("pathway"));
        assertTrue(f.stream().allMatch(r -> r.get("requester_level").equals("federal") || !r.get("violation_rules").isEmpty()
                || r.get("tags").matches(".*(immigration|federal_assist|out_of_state_assist).*")),
                "flagged.csv lists federal or immigration evidence and findings only");
    }

    /**
     * Issue 16: searches, not rows. Border Patrol's search of 2025-09-17 reached three owners'
     * networks and is a row in each of their audits; Tacoma released its March twice, named and
     * redacted. Each is one search, and the reports give both grains.
     */
    @Test
    void oneSearchAcrossOwnersAndReleasesIsCountedOnce() throws IOException {
        List<CSVRecord> searches = csv(tmp.resolve("a/searches.csv"));
        List<CSVRecord> shared = searches.stream().filter(r -> r.get("first_seen").equals("2025-09-17T16:05:09Z")).toList();
        assertEquals(1, shared.size(), "one search, however many owners it reached");
        CSVRecord s = shared.get(0);
        assertEquals(List.of("U.S. Border Patrol", "search key", "3", "Mountain View CA PD;Palo Alto CA PD;Sunnyvale CA DPS", "3",
                "CA-ALPR-SB34"), List.of(s.get("requester_name"), s.get("linked_by"), s.get("owners"), s.get("owner_agencies"),
                s.get("owner_rows"), s.get("rules")));
        // Row grain: each owner's row is its own violation, with its own evidence.
        List<CSVRecord> v = csv(tmp.resolve("a/violations.csv"));
        assertEquals(3, v.stream().filter(r -> r.get("occurred_at").equals("2025-09-17T16:05:09Z")).count());
        List<CSVRecord> report = csv(tmp.resolve("a/agency_report.csv"));
        for (String owner : List.of("Mountain View CA PD", "Palo Alto CA PD", "Sunnyvale CA DPS")) {
            CSVRecord line = report.stream().filter(r -> r.get("requester_name").equals("U.S. Border Patrol")
                    && r.get("owner_agency").equals(owner)).findFirst().orElseThrow();
            assertEquals(List.of("1", "1"), List.of(line.get("queries"), line.get("searches")), owner);
        }
        // Tacoma's month twice: every search two rows, one search.
        List<CSVRecord> tacoma = report.stream().filter(r -> r.get("owner_agency").equals("Tacoma WA PD")).toList();
        assertEquals(122, tacoma.stream().mapToLong(r -> Long.parseLong(r.get("queries"))).sum(), "both releases' rows");
        assertEquals(61, tacoma.stream().mapToLong(r -> Long.parseLong(r.get("searches"))).sum(), "each search once");
        CSVRecord usbp = tacoma.stream().filter(r -> r.get("requester_name").equals("U.S. Border Patrol")).findFirst().orElseThrow();
        assertEquals(List.of("2", "1"), List.of(usbp.get("queries"), usbp.get("searches")));
        List<CSVRecord> f = csv(tmp.resolve("a/flagged.csv"));
        assertEquals(2, f.stream().filter(r -> r.get("reason").equals("alien smuggling investigation")).map(r -> r.get("source_file"))
                .distinct().count(), "flagged.csv lists the row of each release, each with its own file");
        // Issue 25: violations in searches. Los Gatos released its October twice; Boise ID PD's three searches are six rows.
        CSVRecord boise = report.stream().filter(r -> r.get("requester_name").equals("Boise ID PD")
                && r.get("owner_agency").equals("Los Gatos CA PD")).findFirst().orElseThrow();
        assertEquals(List.of("6", "3", "3", "6", "CA-ALPR-SB34=3"), List.of(boise.get("queries"), boise.get("searches"),
                boise.get("violations"), boise.get("violation_rows"), boise.get("violations_by_rule")));
        assertEquals(6, v.stream().filter(r -> r.get("requester_name").equals("Boise ID PD")).map(r -> r.get("source_file") + ":"
                + r.get("source_line")).distinct().count(), "every row still in violations.csv, with its file and line");
        assertEquals(2, v.stream().filter(r -> r.get("requester_name").equals("Boise ID PD")).map(r -> r.get("source_file"))
                .distinct().count());
        // A search across owners: one violation for each owner reached.
        for (String owner : List.of("Mountain View CA PD", "Palo Alto CA PD", "Sunnyvale CA DPS")) {
            CSVRecord line = report.stream().filter(r -> r.get("requester_name").equals("U.S. Border Patrol")
                    && r.get("owner_agency").equals(owner)).findFirst().orElseThrow();
            assertEquals(List.of("1", "1"), List.of(line.get("violations"), line.get("violation_rows")), owner);
        }
        // The letter counts as agency_report.csv does, rows beside.
        java.nio.file.Path letter;
        try (var folders = Files.list(tmp.resolve("a/agencies"))) {
            letter = folders.filter(p -> p.getFileName().toString().startsWith("boise-id-pd-")).findFirst().orElseThrow().resolve("report.html");
        }
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(Files.readString(letter));
        assertEquals(List.of("3", "6"), List.of(page.getElementById("agency-violations").text(),
                page.getElementById("agency-violation-rows").text()));
        assertEquals(List.of("CA-ALPR-SB34", "3", "6"), page.select("#rule-table tbody tr").get(0).select("td").eachText()
                .stream().filter(t -> t.equals("CA-ALPR-SB34") || t.matches("\\d+")).toList());
        // The research table of access after a revocation counts searches too.
        List<CSVRecord> revoked = csv(tmp.resolve("a/research/after_revocation.csv"));
        assertEquals(List.of("WAHSI0100 1 1", "WAICE0800 1 1"), revoked.stream().map(r -> r.get("requester_ori") + " " + r.get("searches")
                + " " + r.get("rows")).toList());
    }

    /**
     * Issue 16: research/owner_months.csv recomputed here from the stored events, in plain Java
     * (java.time for the owner's hour), by the definitions reference/search-measures.yaml states:
     * per owner and month, each search once, a flag any copy of it shows.
     */
    @Test
    void ownerMonthsAreCountedFromTheSearchesThemselves() throws IOException {
        org.queryaudit.report.SearchMeasures m = org.queryaudit.report.SearchMeasures.shipped();
        org.queryaudit.reference.UsStates states = org.queryaudit.reference.UsStates.shipped();
        Map<String, Map<String, long[]>> bySearch = new java.util.TreeMap<>();
        Map<String, java.util.Set<String>> users = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        for (org.apache.spark.sql.Row r : TestSpark.events(tmp.resolve("a/events"))
                .filter("source_system = 'ALPR'").collectAsList()) {
            String key = r.getAs("owner_state") + "|" + r.getAs("owner_agency") + "|" + r.getAs("month");
            rows.merge(key, 1L, Long::sum);
            List<String> redacted = r.getList(r.fieldIndex("redacted_fields"));
            java.time.Instant start = r.getAs("time_frame_start");
            java.time.Instant end = r.getAs("time_frame_end");
            Long nets = r.getAs("networks_searched");
            String reason = r.getAs("reason");
            String user = r.getAs("requester_user");
            boolean reasonKnown = !redacted.contains("reason");
            boolean hourKnown = states.isState(r.getAs("owner_state"));
            int hour = ((java.time.Instant) r.getAs("occurred_at")).atZone(java.time.ZoneId.of(states.zoneOf(r.getAs("owner_state"))))
                    .getHour();
            long[] flags = {
                start != null && end != null ? 1 : 0,
                start != null && end != null && java.time.Duration.between(start, end).toSeconds() > m.lookbackDays() * 86_400L ? 1 : 0,
                nets != null ? 1 : 0, nets != null && nets > 1 ? 1 : 0,
                reasonKnown ? 1 : 0, reasonKnown && (reason == null || reason.isBlank()) && r.getAs("offense_type") == null ? 1 : 0,
                reasonKnown && r.getList(r.fieldIndex("tags")).contains("vague_reason") ? 1 : 0,
                hourKnown ? 1 : 0, hourKnown && m.offHours().contains(hour) ? 1 : 0,
                user != null && !redacted.contains("requester_user") ? 1 : 0};
            long[] have = bySearch.computeIfAbsent(key, k -> new HashMap<>())
                    .computeIfAbsent(r.getAs("requester_name") + "|" + r.getAs("search_id"), k -> new long[flags.length]);
            for (int i = 0; i < flags.length; i++) {
                have[i] = Math.max(have[i], flags[i]);
            }
            if (flags[9] == 1) {
                users.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(r.getAs("requester_name") + "|" + user);
            }
        }
        List<CSVRecord> table = csv(tmp.resolve("a/research/owner_months.csv"));
        assertEquals(bySearch.keySet(), new java.util.TreeSet<>(table.stream()
                .map(t -> t.get("owner_state") + "|" + t.get("owner_agency") + "|" + t.get("month")).toList()), "every ALPR owner-month");
        String[] columns = {"lookback_known", "long_lookback", "networks_known", "multi_network", "reason_known", "blank_reason",
            "vague_reason", "hour_known", "off_hours", "user_known"};
        for (CSVRecord t : table) {
            String key = t.get("owner_state") + "|" + t.get("owner_agency") + "|" + t.get("month");
            Map<String, long[]> searches = bySearch.get(key);
            assertEquals(rows.get(key), Long.parseLong(t.get("rows")), key);
            assertEquals(searches.size(), Long.parseLong(t.get("searches")), key);
            for (int i = 0; i < columns.length; i++) {
                int c = i;
                assertEquals(searches.values().stream().mapToLong(f -> f[c]).sum(), Long.parseLong(t.get(columns[i])), key + " " + columns[i]);
            }
            assertEquals(users.getOrDefault(key, java.util.Set.of()).size(), Long.parseLong(t.get("users")), key + " users");
        }
        // What the demo plants: Lakewood's and Olympia's long look-backs, Tacoma's month released twice.
        Map<String, CSVRecord> byOwner = new HashMap<>();
        table.forEach(t -> byOwner.put(t.get("owner_agency"), t));
        assertEquals(List.of("1", "1"), List.of(byOwner.get("Lakewood WA PD").get("long_lookback"),
                byOwner.get("Olympia WA PD").get("long_lookback")));
        assertEquals(List.of("122", "61"), List.of(byOwner.get("Tacoma WA PD").get("rows"), byOwner.get("Tacoma WA PD").get("searches")));
        assertTrue(Long.parseLong(byOwner.get("Los Altos CA PD").get("off_hours")) > 0, "some searches fall off hours");
        List<CSVRecord> top = csv(tmp.resolve("a/research/top_requesters.csv"));
        CSVRecord first = top.stream().filter(t -> t.get("owner_agency").equals("Tacoma WA PD")).findFirst().orElseThrow();
        assertEquals("1", first.get("rank"));
        long most = bySearch.get("WA|Tacoma WA PD|2025-03").keySet().stream()
                .collect(java.util.stream.Collectors.groupingBy(k -> k.split("\\|")[0], java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertEquals(most, Long.parseLong(first.get("searches")), "Tacoma's top requester, in searches");
    }

    /**
     * Issue 18: the manifest carries the SHA-256 of every data file the run read, each equal to the
     * file in the source tree, and no shipped data file is left out.
     */
    @Test
    void theManifestDigestsEveryDataFile() throws Exception {
        JsonNode files = manifest.get("data_files_sha256");
        Path resources = TestSpark.root().resolve("analyzer/src/main/resources");
        java.util.Set<String> shipped = new java.util.TreeSet<>();
        try (var walk = Files.walk(resources.resolve("queryaudit"))) {
            walk.filter(Files::isRegularFile).map(f -> resources.relativize(f).toString())
                    .filter(f -> f.endsWith(".yaml") || f.endsWith(".csv"))
                    .filter(f -> !f.startsWith("queryaudit/generate/") && !f.startsWith("queryaudit/report/"))
                    .forEach(shipped::add);
        }
        java.util.Set<String> listed = new java.util.TreeSet<>();
        files.fieldNames().forEachRemaining(listed::add);
        assertEquals(shipped, listed, "every data file in the build, and only those");
        for (String f : listed) {
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(resources.resolve(f))));
            assertEquals(sha, files.get(f).asText(), f);
        }
    }

    /**
     * Issue 27: a purpose-based law (Illinois 2-130, Washington's ACCESS rule) finds the
     * immigration purpose, not HSI's name; HSI with no purpose is for review; California's
     * agency-based SB 34 still finds HSI and ICE whatever the offence.
     */
    @Test
    void purposeBasedLawsReadThePurposeNotTheAgencysName() throws IOException {
        List<CSVRecord> v = csv(tmp.resolve("a/violations.csv"));
        List<CSVRecord> review = csv(tmp.resolve("a/review.csv"));
        List<CSVRecord> f = csv(tmp.resolve("a/flagged.csv"));
        for (String owner : List.of("Naperville IL PD", "Washington (Nlets WA)")) {
            List<CSVRecord> found = v.stream().filter(r -> r.get("owner_agency").equals(owner)
                    && (r.get("requester_name").equals("Columbus OH PD") || r.get("requester_ori").equals("WA0270000"))).toList();
            assertEquals(List.of("drugs/immigration violations"), found.stream().map(r -> r.get("reason").toLowerCase()).toList(),
                    owner + ": mixed purposes stay immigration; narcotics, fraud and child exploitation are no finding");
            assertEquals("immigration", found.get(0).get("purpose"));
            List<CSVRecord> toReview = review.stream().filter(r -> r.get("owner_agency").equals(owner)
                    && r.get("reason").equalsIgnoreCase("HSI Req")).toList();
            assertEquals(1, toReview.size(), owner + ": HSI named, purpose not stated");
            assertEquals(List.of("ICE-HSI", "not_stated"), List.of(toReview.get(0).get("beneficiaries"), toReview.get(0).get("purpose")));
            assertTrue(toReview.get(0).get("explanation").startsWith("Review before treating this as a finding: ICE-HSI named; purpose"
                    + " not stated."), toReview.get(0).get("explanation"));
            for (String offence : List.of("HSI Narcotics Investigation", "Assist HSI child exploitation", "HSI Fraud Investigation")) {
                CSVRecord row = f.stream().filter(r -> r.get("owner_agency").equals(owner) && r.get("reason").equalsIgnoreCase(offence))
                        .findFirst().orElseThrow(() -> new AssertionError(owner + ": " + offence + " is flagged (HSI is named)"));
                assertEquals(List.of("ICE-HSI", "other_offence", ""), List.of(row.get("beneficiaries"), row.get("purpose"),
                        row.get("violation_rules")), owner + ": " + offence);
                assertTrue(review.stream().noneMatch(r -> r.get("event_id").equals(row.get("event_id"))), offence + ": not even to review");
            }
        }
        CSVRecord sunnyvale = v.stream().filter(r -> r.get("reason").equals("assist ICE with narcotics investigation")).findFirst()
                .orElseThrow();
        assertEquals(List.of("CA-ALPR-SB34", "ICE", "other_offence"), List.of(sunnyvale.get("rule_id"), sunnyvale.get("beneficiaries"),
                sunnyvale.get("purpose")), "SB 34 bars the agency, whatever the offence");
        assertTrue(sunnyvale.get("explanation").contains("this law bars the access whatever the purpose"), sunnyvale.get("explanation"));
        assertTrue(v.stream().anyMatch(r -> r.get("rule_id").equals("CA-ALPR-SB34") && r.get("reason").equals("HSI case")),
                "HSI on a California network is a finding");
        List<CSVRecord> purposes = csv(tmp.resolve("a/research/immigration_purposes.csv"));
        CSVRecord naperville = purposes.stream().filter(r -> r.get("owner_agency").equals("Naperville IL PD")).findFirst().orElseThrow();
        assertEquals(List.of("5", "1", "4", "3", "1"), List.of(naperville.get("immigration_tagged"),
                naperville.get("purpose_immigration_unspecified"), naperville.get("immigration_agency_named"),
                naperville.get("agency_named_other_offence"), naperville.get("agency_named_purpose_not_stated")),
                "immigration purposes and immigration-agency assists counted apart");
        java.nio.file.Path folder;
        try (var folders = Files.list(tmp.resolve("a/agencies"))) {
            folder = folders.filter(p -> p.getFileName().toString().startsWith("columbus-oh-pd-")).findFirst().orElseThrow();
        }
        String letter = Files.readString(folder.resolve("report.html"));
        assertTrue(letter.contains("<th>Purpose stated</th>") && letter.contains("immigration enforcement"), "the letter shows the purpose");
        assertTrue(!letter.contains("HSI Narcotics Investigation"), "a reason that is no finding is not in the letter");
    }

    /** Issue 13: names and reasons read as a person reads them; the one truly weak reading goes to review. */
    @Test
    void findingsRestOnEvidenceAndTheWeakOnesAreReviewed() throws IOException {
        List<CSVRecord> f = csv(tmp.resolve("a/flagged.csv"));
        List<CSVRecord> v = csv(tmp.resolve("a/violations.csv"));
        for (String inState : List.of("LOS ANGELES CO SO", "Placer County SD")) {
            assertTrue(f.stream().noneMatch(r -> r.get("requester_name").equals(inState)), inState + " is Californian: not flagged");
        }
        CSVRecord richmond = v.stream().filter(r -> r.get("requester_name").equals("Richmond VA Police Department")).findFirst()
                .orElseThrow();
        assertEquals(List.of("local", "VA", "gazetteer: Richmond is a place in VA"), List.of(richmond.get("requester_level"),
                richmond.get("requester_state"), richmond.get("requester_state_basis")));
        notFlagged(f, "SUSPECT IN VEH, PER SO");
        assertEquals("immigration", flagged(f, "Sunnyvale CA PD", "assist ICE with narcotics investigation").get("tags"));
        assertEquals("immigration", flagged(f, "Palo Alto CA PD", "REDACTED - ICE detainer").get("tags"));
        List<CSVRecord> review = csv(tmp.resolve("a/review.csv"));
        // Issue 25: a word-like code with no place beside it, and a name that is a county of one state and a place of another.
        assertEquals(List.of("PURDUE UNIVERSITY IN PD / CA-ALPR-SB34 / review", "Niagara Frontier Transit Authority / CA-ALPR-SB34 / review"),
                review.stream().filter(r -> r.get("owner_state").equals("CA"))
                .map(r -> r.get("requester_name") + " / " + r.get("rule_id") + " / " + r.get("severity")).distinct().toList());
        CSVRecord purdue = review.stream().filter(r -> r.get("requester_name").equals("PURDUE UNIVERSITY IN PD")).findFirst().orElseThrow();
        assertTrue(purdue.get("explanation").startsWith("Review before treating this as a finding: the requester's state IN"),
                purdue.get("explanation"));
        CSVRecord niagara = review.stream().filter(r -> r.get("requester_name").equals("Niagara Frontier Transit Authority"))
                .findFirst().orElseThrow();
        assertTrue(niagara.get("requester_state_basis").contains("a place only in WI")
                && niagara.get("requester_state_basis").contains("county in NY"), "both readings: " + niagara.get("requester_state_basis"));
        for (String weak : List.of("PURDUE UNIVERSITY IN PD", "Niagara Frontier Transit Authority")) {
            assertTrue(v.stream().noneMatch(r -> r.get("requester_name").equals(weak)), "never a violation: " + weak);
        }
        // Lone Peak UT PD: UT is no word, and stands where a state stands (issue 13 sent it to review).
        CSVRecord lonePeak = v.stream().filter(r -> r.get("requester_name").equals("Lone Peak UT PD")).findFirst().orElseThrow();
        assertTrue(lonePeak.get("requester_state_basis").startsWith("state position"), lonePeak.get("requester_state_basis"));
        try (var folders = Files.list(tmp.resolve("a/agencies"))) {
            List<String> names = folders.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("richmond-va-police")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("lone-peak")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("purdue") || n.startsWith("niagara")), "no letter: " + names);
        }
        CSVRecord line = csv(tmp.resolve("a/agency_report.csv")).stream()
                .filter(r -> r.get("requester_name").equals("PURDUE UNIVERSITY IN PD")).findFirst().orElseThrow();
        assertEquals(List.of("0", "0", "1", "2"), List.of(line.get("violations"), line.get("verify"), line.get("review"),
                line.get("review_rows")), "one search to review, released twice");
        String html = Files.readString(tmp.resolve("a/report.html"));
        assertTrue(html.contains("To review before any finding") && html.contains("PURDUE UNIVERSITY IN PD"), "the report's review section");
        CSVRecord ny = csv(tmp.resolve("a/agency_report.csv")).stream()
                .filter(r -> r.get("owner_state").equals("NY") && !r.get("verify").equals("0")).findFirst().orElseThrow();
        assertEquals("1", ny.get("verify"), "the judicial-warrant query is counted apart from the violations");
    }

    /**
     * Issue 15: no output of the demo, in default mode, holds a plate, a user name or a planted
     * personal value in clear: every CSV, JSON and HTML file is read as text, and every text
     * column of events/ through Spark.
     */
    @Test
    void noPlateUserOrPersonalDataInAnyOutput() throws IOException {
        java.util.Set<String> secrets = new java.util.TreeSet<>(List.of("212-345-678", "512-44-8876", "04/12/1986",
                "253-555-0147", "jdoe@example.org"));
        java.util.Set<String> sensitiveHeaders = java.util.Set.of("License Plate", "Plate", "Name", "User", "User Name", "userId",
                "user_id", "account_id", "search_criteria", "query");
        try (var files = Files.walk(TestSpark.root().resolve("sample-logs"))) {
            for (Path in : files.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("sharing")
                    && !p.getFileName().toString().equals("inputs.csv")).toList()) {
                // Commons CSV stops at Olympia's planted broken quote (line 123): the values before it are collected.
                try (var r = Files.newBufferedReader(in)) {
                    var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
                    for (CSVRecord rec : (Iterable<CSVRecord>) () -> lenient(parser.iterator())) {
                        for (String h : parser.getHeaderNames()) {
                            if (sensitiveHeaders.contains(h) && rec.isSet(h)) {
                                String v = rec.get(h).strip();
                                if (h.equals("query")) {
                                    v = v.replaceAll("^(?:LIC|OLN|VIN|NAM)/([^.]*).*$", "$1");
                                }
                                if (v.length() >= 4 && !v.equals(h) && !v.matches("\\**|REDACTED|——")) {
                                    secrets.add(v);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(secrets.size() > 500, "plates and users collected from the inputs: " + secrets.size());
        List<String> leaks = new java.util.ArrayList<>();
        try (var outs = Files.walk(tmp.resolve("a"))) {
            for (Path f : outs.filter(p -> p.toString().matches(".*\\.(csv|json|html)$")).toList()) {
                String text = Files.readString(f);
                for (String secret : secrets) {
                    if (text.contains(secret)) {
                        leaks.add(tmp.resolve("a").relativize(f) + ": " + secret);
                    }
                }
            }
        }
        var events = TestSpark.events(tmp.resolve("a/events"));
        List<org.apache.spark.sql.Column> texts = new java.util.ArrayList<>();
        for (var field : events.schema().fields()) {
            if (!(field.dataType() instanceof org.apache.spark.sql.types.NumericType)
                    && !(field.dataType() instanceof org.apache.spark.sql.types.BooleanType)) {
                texts.add(org.apache.spark.sql.functions.col(field.name()).cast("string"));
            }
        }
        List<org.apache.spark.sql.Row> rows = events.select(org.apache.spark.sql.functions.concat_ws("\u0001",
                texts.toArray(org.apache.spark.sql.Column[]::new))).collectAsList();
        assertEquals(1685, rows.size(), "every event of the demo read back");
        for (org.apache.spark.sql.Row row : rows) {
            String text = row.getString(0);
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    leaks.add("events/: " + secret);
                }
            }
        }
        assertEquals(List.of(), leaks);
        String reason = csv(tmp.resolve("a/quarantine.csv")).stream().map(r -> r.get("raw_text")).filter(t -> t.contains("ZZ"))
                .findFirst().orElseThrow();
        assertTrue(reason.contains("[requester_user]") && reason.contains("[target]"), reason);
        assertTrue(rows.stream().anyMatch(r -> r.getString(0).contains("locate [A-number] [date of birth]")),
                "the kind of each masked value is kept");
    }

    /** The records up to the first one Commons CSV cannot read. */
    static java.util.Iterator<CSVRecord> lenient(java.util.Iterator<CSVRecord> it) {
        return new java.util.Iterator<>() {
            boolean broken;

            @Override
            public boolean hasNext() {
                try {
                    return !broken && it.hasNext();
                } catch (java.io.UncheckedIOException e) {
                    broken = true;
                    return false;
                }
            }

            @Override
            public CSVRecord next() {
                return it.next();
            }
        };
    }

    @Test
    void theSharingAuditListsForbiddenShares() throws IOException {
        List<CSVRecord> s = csv(tmp.resolve("a/sharing_audit.csv"));
        assertEquals(List.of("(Federal) US Postal Inspection Service", "Federal Way WA PD"),
                s.stream().map(r -> r.get("organization")).toList());
        assertTrue(s.stream().allMatch(r -> r.get("rule_id").equals("CA-ALPR-SB34") && r.get("owner_agency").equals("Los Altos CA PD")));
        assertEquals("federal", s.get(0).get("organization_level"));
        assertEquals("WA", s.get(1).get("organization_state"));
    }

    /**
     * Issue 25: events stored before a finding carried its own owner (a broadcast's member state)
     * and the way in read back with those fields blank, the rest unchanged: the store is not misread.
     */
    @Test
    void eventsStoredBeforeFindingsHadOwnersReadBack() {
        var spark = TestSpark.session();
        var events = org.queryaudit.store.EventStore.read(spark, new org.apache.hadoop.fs.Path(tmp.resolve("a/events").toUri()));
        List<String> older = new java.util.ArrayList<>(List.of(org.queryaudit.model.ViolationColumns.FINDING.fieldNames()));
        older.removeAll(List.of("owner_agency", "owner_state", "via"));
        var oldFinding = org.apache.spark.sql.functions.transform(org.apache.spark.sql.functions.col("violations"),
                v -> org.apache.spark.sql.functions.struct(older.stream().map(f -> v.getField(f).alias(f))
                        .toArray(org.apache.spark.sql.Column[]::new)));
        java.nio.file.Path old = tmp.resolve("old-store");
        events.withColumn("violations", oldFinding).write().partitionBy("owner_state", "month").parquet(old.toString());
        var back = org.queryaudit.store.EventStore.read(spark, new org.apache.hadoop.fs.Path(old.toUri()))
                .selectExpr("explode(violations) as v").selectExpr("v.rule_id", "v.owner_state", "v.via").collectAsList();
        assertEquals(63, back.size(), "every finding read back (53 in violations.csv, 10 in review.csv)");
        assertTrue(back.stream().allMatch(r -> r.getString(0) != null && r.isNullAt(1) && r.isNullAt(2)), back.toString());
    }

    @Test
    void reRunningGivesByteIdenticalCsvAndJson() throws IOException {
        run("b");
        run("b"); // again into the same folder: the previous output is replaced
        List<Path> outputs;
        try (var s = Files.walk(tmp.resolve("a"))) {
            outputs = s.filter(Files::isRegularFile).map(p -> tmp.resolve("a").relativize(p))
                    .filter(p -> !p.startsWith("events") && !p.startsWith("requesters") && !p.startsWith("reasons") && !p.toString().equals("manifest.json")).sorted().toList();
        }
        assertTrue(outputs.size() > 30, outputs.toString());
        for (Path f : outputs) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)),
                    f.toString());
        }
        JsonNode again = new ObjectMapper().readTree(tmp.resolve("b/manifest.json").toFile());
        assertEquals(manifest.get("inputs"), again.get("inputs"));
        assertEquals(manifest.get("rows"), again.get("rows"));
    }
}
