package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.RunResult;
import org.queryaudit.TestSpark;
import org.queryaudit.report.RowCounts;

/**
 * Every header era and format, written by hand here (not by the generator), read through the
 * real pipeline in one run; the assertions are on the events it wrote to events/.
 */
class IngestFormatsTest {
    @TempDir
    static Path dir;
    static RunResult result;
    static Map<String, Row> events = new HashMap<>();
    static List<CSVRecord> quarantine;
    static JsonNode manifest;

    static final String LAKEWOOD = "1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv";
    static final String LOS_ALTOS = "9_1_2025-9_30_2025-Los Altos CA PD-Network-Audit.csv";
    static final String TEST_CITY = "10_1_2025-10_31_2025-Test City CA PD-Network-Audit.csv";
    static final String MT_PROSPECT = "2_1_2026-2_28_2026-Mount Prospect IL PD-Network-Audit.csv";
    static final String COLONY = "11_1_2025-11_30_2025-The Colony TX PD-Network-Audit.csv";
    static final String OLYMPIA = "10_1_2025-10_31_2025-Olympia WA PD-Network-Audit.csv";
    static final String OKALOOSA = "11_1_2025-12_8_2025-Example_County_FL_SO-Audit.csv";
    static final String FEDERAL = "9_1_2025-9_30_2025-Palo Alto CA PD-Federal-Searches.csv";

    static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve("in").resolve(name), text, StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void runOverEveryFormat() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        // Jan-Aug 2025 era: 13 columns, no ID; two-line Time Frame; redacted name and plate; the sentinel.
        write(LAKEWOOD, """
                Name,Org Name,Total Networks Searched,Total Devices Searched,Time Frame,License Plate,Reason,Case #,Filters,Search Time,Search Type,Text Prompt,Moderation
                REDACTED,U.S. Border Patrol,612,9180,"01/07/2025, 05:00:00 PM UTC
                01/08/2025, 05:00:00 PM UTC",***,immigration,,,"01/08/2025, 05:20:11 PM UTC",search,,
                J. Nguyen,Lakewood WA PD,3,——,"01/31/2025, 11:00:00 PM UTC
                02/01/2025, 04:00:00 AM UTC",7ABC123,stolen vehicle,25-000123,Make: Toyota,"02/01/2025, 05:00:00 AM UTC",freeform,white pickup,allow
                """);
        // Issue 16: Flock's Federal Searches export: no time frame, the tag in front of the name.
        write(FEDERAL, """
                ID,Name,Org Name,Total Networks Searched,License Plate,Reason,Case #,Filters,Search Time,Search Type
                f1,REDACTED,[Federal] Federal Bureau of Investigation (FBI),1204,8XYZ999,fugitive,FBI-25-9,,"09/09/2025, 03:04:05 PM UTC",search
                f2,REDACTED,[Federal] U.S. Border Patrol (USBP),88,***,,,,"09/10/2025, 08:00:00 AM UTC",lookup
                """);
        // Sep 2025: no Moderation.
        write(LOS_ALTOS, """
                Name,Org Name,Total Networks Searched,Total Devices Searched,Time Frame,License Plate,Reason,Case #,Filters,Search Time,Search Type,Text Prompt
                REDACTED,Homeland Security Investigations [Federal] [Inactive],1,40,"09/05/2025, 06:00:00 PM UTC
                09/05/2025, 06:20:00 PM UTC",8XYZ999,HSI case,HSI-25-1,,"09/05/2025, 06:22:48 PM UTC",lookup,
                """);
        // Oct 2025: no Text Prompt or Moderation; CRLF line ends; an exemption citation in place of a reason.
        write(TEST_CITY, ("Name,Org Name,Total Networks Searched,Total Devices Searched,Time Frame,License Plate,Reason,Case #,Filters,Search Time,Search Type\n"
                + "A. Lee,Test City CA PD,1,12,\"10/02/2025, 01:00:00 AM UTC\n10/02/2025, 02:00:00 AM UTC\",1AAA111,7923.600 GC,,,\"10/02/2025, 03:00:00 AM UTC\",search\n")
                .replace("\n", "\r\n"));
        // Feb 2026: no Total Devices Searched; "A UTC to B UTC"; no plate.
        write(MT_PROSPECT, """
                Name,Org Name,Total Networks Searched,Time Frame,License Plate,Reason,Case #,Filters,Search Time,Search Type
                REDACTED,Harris County TX SO,640,"02/03/2026, 03:00:00 PM UTC to 02/04/2026, 03:00:00 PM UTC",,Immigration (civil/administrative),,,"02/04/2026, 03:00:05 PM UTC",search
                """);
        // The 14-column superset with ID; the same export id twice (overlapping exports).
        String usbp = """
                a1,REDACTED,US Border Patrol [Inactive],650,——,"11/11/2025, 04:00:00 PM UTC
                11/12/2025, 04:00:00 PM UTC",***,287(g) task force,,,"11/12/2025, 04:20:53 PM UTC",lookup,,
                """;
        write(COLONY, "ID,Name,Org Name,Total Networks Searched,Total Devices Searched,Time Frame,License Plate,Reason,Case #,Filters,Search Time,Search Type,Text Prompt,Moderation\n"
                + usbp + """
                a2,K. Brown,The Colony TX PD,1,8,"11/12/2025, 05:00:00 PM UTC
                11/12/2025, 06:00:00 PM UTC",5JKL777,theft,TC-1,,"11/12/2025, 06:10:00 PM UTC",search,,
                """ + usbp);
        // Olympia: Case # and Filters before Reason.
        write(OLYMPIA, """
                Name,Org Name,Total Networks Searched,Total Devices Searched,Time Frame,License Plate,Case #,Filters,Reason,Search Time
                REDACTED,US Border Patrol,612,9000,"10/05/2025, 06:00:00 PM UTC
                10/06/2025, 06:00:00 PM UTC",***,ERO-2025-118,,ICE+ERO,"10/06/2025, 06:00:17 PM UTC"
                """);
        // Okaloosa organisation audit extracted from PDF: BOM, renamed headers, Time Frame split in two columns.
        write(OKALOOSA, "\uFEFF" + """
                ID,Org_Name,Total_Networks_Searched,Total_Devices_Searched,Time_Frame_Start,Time_Frame_End,Reason,Search_Time,Search_Type,Moderation
                f1,Example County FL SO,3,30,"11/13/2025, 02:10:00 PM UTC","11/14/2025, 02:10:00 PM UTC",assist ICE detainer,"11/14/2025, 02:10:00 PM UTC",search,
                f2,,1,1,"11/15/2025, 01:00:00 PM UTC","11/15/2025, 02:00:00 PM UTC",burglary,"11/15/2025, 02:10:00 PM UTC",lookup,
                """);
        // A network audit re-typed by hand: headers renamed, no vendor file name.
        write("retyped-export.csv", """
                ORG NAME,Total_Networks_Searched,Time_Frame_Start,Time_Frame_End,REASON,Case Number,SEARCH TIME
                Portland OR PD,5,"03/01/2025, 01:00:00 AM UTC","03/01/2025, 02:00:00 AM UTC",investigation,P25-1,"03/01/2025, 07:30:00 AM UTC"
                """);
        // Portal downloads of 2025 (Eugene) and 2026 (San Mateo).
        write("eugene-portal.csv", """
                "id","userId","searchDate","cameraCount","reason"
                "5869ce7e","587e52c3","2025-06-18 00:02:04.789",2510,"investigation"
                """);
        write("san-mateo-portal.csv", """
                "id","userId","searchDate","networkCount","caseNumber","offenseType"
                "9f1","***","2026-03-10T04:31:52.901Z","12","26-000111","Motor Vehicle Theft/Stolen"
                """);
        // Nlets message log: destinations a state, an ORI, the multi-state NL, and no member at all.
        write("wa-nlets.csv", """
                timestamp,message_key,originating_ori,destination,user_id,control_field,purpose_code,reason,query,response_status
                2025-11-20T10:15:00-08:00,RQ,WAICE0800,WA,U1,C1,C,,LIC/ABC123.LIS/WA,HIT
                2025-11-20T10:16:00-08:00,DQ,WA0270000,OROLN0000,U2,C2,C,TRAFFIC,OLN/WDL1234567.,NO RECORD
                2025-11-20T10:17:00-08:00,RQ,WA0270000,NL,U2,C3,C,,LIC/XYZ987.LIS/OR,HIT
                2025-11-20T10:18:00-08:00,RQ,WA0270000,ZZ,U2,C4,C,,LIC/XYZ988.LIS/WA,HIT
                """);
        write("ny-dmv.csv", """
                access_time,account_id,agency_name,agency_ori,record_type,search_criteria,purpose,case_number,legal_process,result_count
                2025-10-07T14:00:00-04:00,acct-1,Immigration and Customs Enforcement,NYICE0200,DL,NY123456789,investigation,,judicial warrant 1:25-mj-01234,1
                """);
        write("sharing.csv", """
                Organization Name,Networks Shared With Me,Networks I'm Sharing
                U.S. Border Patrol,,Lakewood WA PD
                Tacoma WA PD,"Tacoma WA PD,Tacoma WA PD (Flex)",Lakewood WA PD
                ,orphan network,
                """);
        write("semicolon.csv", """
                Org Name;Search Time;Reason
                Eugene OR PD;06/01/2025, 10:00:00 AM UTC;test
                """);
        Files.writeString(dir.resolve("in/inputs.csv"), """
                path,format,owner,owner_state
                %s,,,
                %s,,,
                %s,,,
                %s,,,
                %s,,,
                %s,,,
                %s,,,
                retyped-export.csv,,Springfield OR PD,OR
                eugene-portal.csv,,Eugene OR PD,OR
                san-mateo-portal.csv,,San Mateo CA PD,CA
                wa-nlets.csv,,,
                ny-dmv.csv,,,NY
                sharing.csv,flock-shared-networks,Lakewood WA PD,WA
                semicolon.csv,,Eugene OR PD,OR
                %s,,,
                """.formatted(LAKEWOOD, LOS_ALTOS, TEST_CITY, MT_PROSPECT, COLONY, OLYMPIA, OKALOOSA, FEDERAL));

        var requests = org.queryaudit.cli.InputsListAccess.read(dir.resolve("in/inputs.csv"));
        // Plates and user names in clear: this test checks what was read (SensitiveValuesTest checks the hashing).
        RunOptions opt = RunOptions.of(requests, dir.resolve("out").toString()).withShowSensitive();
        result = new AuditRun(TestSpark.session(), ProfileCatalog.builtIn()).execute(opt);
        for (Row r : TestSpark.events(dir.resolve("out/events")).collectAsList()) {
            String file = Path.of(r.<String>getAs("source_file")).getFileName().toString();
            events.put(file + ":" + r.<Long>getAs("source_line"), r);
        }
        try (var reader = Files.newBufferedReader(dir.resolve("out/quarantine.csv"))) {
            quarantine = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        manifest = new ObjectMapper().readTree(dir.resolve("out/manifest.json").toFile());
    }

    static Row event(String file, long line) {
        Row r = events.get(file + ":" + line);
        assertTrue(r != null, "no event for " + file + " line " + line + "; have " + events.keySet());
        return r;
    }

    @Test
    void jan2025EraWithTwoLineTimeFrameRedactionsAndSentinel() {
        Row a = event(LAKEWOOD, 2);
        assertEquals("U.S. Border Patrol", a.getAs("requester_name"));
        assertEquals("Lakewood WA PD", a.getAs("owner_agency"));
        assertEquals("WA", a.getAs("owner_state"));
        assertEquals(Instant.parse("2025-01-08T17:20:11Z"), a.getAs("occurred_at"));
        assertEquals(Instant.parse("2025-01-07T17:00:00Z"), a.getAs("time_frame_start"));
        assertEquals(Instant.parse("2025-01-08T17:00:00Z"), a.getAs("time_frame_end"));
        assertEquals(612L, (Long) a.getAs("networks_searched"));
        assertEquals(9180L, (Long) a.getAs("devices_searched"));
        assertEquals("***", a.getAs("target"));
        assertEquals(List.of("requester_user", "target"), a.getList(a.fieldIndex("redacted_fields")));
        assertEquals("ALPR", a.getAs("source_system"));
        assertEquals("flock-network-audit", a.getAs("source_format"));
        Row b = event(LAKEWOOD, 4);
        assertNull(b.getAs("devices_searched"), "the —— sentinel is no value");
        assertEquals(Map.of("Filters", "Make: Toyota", "Text Prompt", "white pickup", "Moderation", "allow"),
                b.getJavaMap(b.fieldIndex("extra")));
        assertEquals("2025-01", b.getAs("month"), "05:00 UTC on Feb 1 is still January in Washington");
        assertEquals(LocalDate.parse("2025-01-31"), b.getAs("local_date"));
        assertEquals(List.of(), b.getList(b.fieldIndex("redacted_fields")));
    }

    @Test
    void sep2025AndOct2025ErasWithCrlfAndAnExemptionCitation() {
        Row hsi = event(LOS_ALTOS, 2);
        assertEquals("Homeland Security Investigations [Federal] [Inactive]", hsi.getAs("requester_name"));
        assertEquals("HSI-25-1", hsi.getAs("case_number"));
        assertEquals("lookup", hsi.getAs("query_type"));
        Row t = event(TEST_CITY, 2);
        assertEquals(Instant.parse("2025-10-02T01:00:00Z"), t.getAs("time_frame_start"));
        assertEquals(Instant.parse("2025-10-02T02:00:00Z"), t.getAs("time_frame_end"));
        assertEquals("7923.600 GC", t.getAs("reason"), "kept as written");
        assertTrue(t.getList(t.fieldIndex("redacted_fields")).contains("reason"), "but marked redacted");
        assertEquals("2025-10", t.getAs("month"));
    }

    @Test
    void feb2026EraWithTheToStyleTimeFrame() {
        Row r = event(MT_PROSPECT, 2);
        assertEquals(Instant.parse("2026-02-03T15:00:00Z"), r.getAs("time_frame_start"));
        assertEquals(Instant.parse("2026-02-04T15:00:00Z"), r.getAs("time_frame_end"));
        assertNull(r.getAs("devices_searched"));
        assertNull(r.getAs("target"));
        assertEquals("Immigration (civil/administrative)", r.getAs("reason"));
        assertEquals("IL", r.getAs("owner_state"));
    }

    @Test
    void idEraKeepsTheExportIdAndDropsTheRepeatOnce() {
        Row r = event(COLONY, 2);
        assertEquals("a1", r.getAs("export_id"));
        assertNull(r.getAs("devices_searched"));
        assertEquals("287(g) task force", r.getAs("reason"));
        assertTrue(events.get(COLONY + ":6") == null, "the repeat at line 6 is a duplicate, not an event");
        RowCounts c = counts(COLONY);
        assertEquals(new RowCounts(3, 2, 1, 0, 2), c);
    }

    @Test
    void federalSearchesExportIsReadByItsName() {
        Row fbi = event(FEDERAL, 2);
        assertEquals("flock-federal-searches", fbi.getAs("source_format"));
        assertEquals("federal", fbi.getAs("requester_level"));
        assertEquals("f1", fbi.getAs("export_id"));
        assertTrue(((String) fbi.getAs("search_id")).startsWith("k:"), "linked by requester, second and networks");
        Row usbp = event(FEDERAL, 3);
        assertEquals("federal", usbp.getAs("requester_level"));
        assertEquals(Boolean.TRUE, usbp.getAs("immigration_agency"));
        assertEquals(new RowCounts(2, 2, 0, 0, 2), counts(FEDERAL));
    }

    @Test
    void olympiaOrderWithCaseBeforeReason() {
        Row r = event(OLYMPIA, 2);
        assertEquals("ICE+ERO", r.getAs("reason"));
        assertEquals("ERO-2025-118", r.getAs("case_number"));
        assertEquals("US Border Patrol", r.getAs("requester_name"));
    }

    @Test
    void organisationAuditExtractedFromPdf() {
        Row f1 = event(OKALOOSA, 2);
        assertEquals("flock-org-audit", f1.getAs("source_format"));
        assertEquals("Example County FL SO", f1.getAs("requester_name"));
        assertEquals("FL", f1.getAs("owner_state"));
        assertEquals(Instant.parse("2025-11-13T14:10:00Z"), f1.getAs("time_frame_start"));
        assertEquals(Instant.parse("2025-11-14T14:10:00Z"), f1.getAs("time_frame_end"));
        Row f2 = event(OKALOOSA, 3);
        assertEquals("Example County FL SO", f2.getAs("requester_name"), "own users' searches: the requester is the owner");
    }

    @Test
    void retypedHeadersAreMatchedAndMonthsAreTheOwnersLocalMonths() {
        Row r = event("retyped-export.csv", 2);
        assertEquals("flock-network-audit", r.getAs("source_format"));
        assertEquals("Portland OR PD", r.getAs("requester_name"));
        assertEquals("Springfield OR PD", r.getAs("owner_agency"));
        assertEquals("P25-1", r.getAs("case_number"));
        assertEquals(Instant.parse("2025-03-01T07:30:00Z"), r.getAs("occurred_at"));
        assertEquals("2025-02", r.getAs("month"), "07:30 UTC on March 1 is February 28 in Oregon");
    }

    @Test
    void portalExportsOf2025And2026() {
        Row e = event("eugene-portal.csv", 2);
        assertEquals("flock-portal", e.getAs("source_format"));
        assertEquals("Eugene OR PD", e.getAs("requester_name"));
        assertEquals(2510L, (Long) e.getAs("devices_searched"));
        assertEquals(Instant.parse("2025-06-18T00:02:04.789Z"), e.getAs("occurred_at"));
        assertEquals("2025-06", e.getAs("month"));
        Row s = event("san-mateo-portal.csv", 2);
        assertEquals(12L, (Long) s.getAs("networks_searched"));
        assertEquals("Motor Vehicle Theft/Stolen", s.getAs("offense_type"));
        assertEquals("26-000111", s.getAs("case_number"));
        assertEquals(List.of("requester_user"), s.getList(s.fieldIndex("redacted_fields")));
    }

    @Test
    void nletsOwnersComeFromTheDestination() {
        Row wa = event("wa-nlets.csv", 2);
        assertEquals("NLETS", wa.getAs("source_system"));
        assertEquals("WA", wa.getAs("owner_state"));
        assertEquals("Washington (Nlets WA)", wa.getAs("owner_agency"));
        assertEquals("WAICE0800", wa.getAs("requester_ori"));
        assertNull(wa.getAs("requester_name"));
        assertEquals("RQ", wa.getAs("query_type"));
        assertEquals("ABC123", wa.getAs("target"));
        assertEquals(Instant.parse("2025-11-20T18:15:00Z"), wa.getAs("occurred_at"));
        assertEquals(Map.of("control_field", "C1", "purpose_code", "C", "response_status", "HIT"),
                wa.getJavaMap(wa.fieldIndex("extra")));
        Row or = event("wa-nlets.csv", 3);
        assertEquals("OR", or.getAs("owner_state"));
        assertEquals("OROLN0000", or.getAs("owner_agency"));
        assertEquals("WDL1234567", or.getAs("target"));
        assertEquals("NL", event("wa-nlets.csv", 4).getAs("owner_state"));
        CSVRecord q = quarantined("wa-nlets.csv", 5);
        assertTrue(q.get("reason").contains("'ZZ'"), q.get("reason"));
        assertTrue(q.get("raw_text").startsWith("2025-11-20T10:18:00-08:00,RQ,WA0270000,ZZ"), q.get("raw_text"));
    }

    @Test
    void dmvPortalLog() {
        Row r = event("ny-dmv.csv", 2);
        assertEquals("NY DMV", r.getAs("owner_agency"));
        assertEquals("Immigration and Customs Enforcement", r.getAs("requester_name"));
        assertEquals("NYICE0200", r.getAs("requester_ori"));
        assertEquals("judicial warrant 1:25-mj-01234", r.getAs("legal_process"));
        assertEquals(1L, (Long) r.getAs("result_count"));
        assertEquals("DMV_PORTAL", r.getAs("source_system"));
    }

    @Test
    void semicolonSeparatedExport() {
        Row r = event("semicolon.csv", 2);
        assertEquals("test", r.getAs("reason"));
        assertEquals(Instant.parse("2025-06-01T10:00:00Z"), r.getAs("occurred_at"));
    }

    @Test
    void sharingExportIsReadAndItsBadRowQuarantined() {
        assertEquals(new RowCounts(3, 2, 0, 1, 2), counts("sharing.csv"));
        CSVRecord q = quarantined("sharing.csv", 4);
        assertTrue(q.get("reason").contains("organization"), q.get("reason"));
    }

    @Test
    void everyInputIsAccountedForInTheManifest() {
        assertEquals(15, manifest.get("inputs").size());
        long read = 0;
        for (JsonNode in : manifest.get("inputs")) {
            JsonNode rows = in.get("rows");
            assertEquals(rows.get("read").asLong(), rows.get("accepted").asLong() + rows.get("duplicate").asLong()
                    + rows.get("quarantined").asLong(), in.get("path").asText());
            assertEquals(64, in.get("sha256").asText().length());
            read += rows.get("read").asLong();
        }
        assertEquals(read, manifest.get("rows").get("read").asLong());
        // 2+1+1+1+3+1+2+1+1+1+4+1+3+1+2 rows; 1 duplicate; the ZZ row and the empty organisation quarantined.
        assertEquals(new RowCounts(25, 22, 1, 2, 22), result.rows());
        assertEquals(2, quarantine.size());
        assertEquals(20, events.size(), "22 accepted minus the 2 sharing rows, which are not events");
    }

    static RowCounts counts(String file) {
        return result.perFile().entrySet().stream().filter(e -> e.getKey().endsWith("/" + file)).findFirst()
                .orElseThrow().getValue();
    }

    static CSVRecord quarantined(String file, long line) {
        return quarantine.stream().filter(q -> q.get("source_file").endsWith("/" + file) && q.get("source_line").equals("" + line))
                .findFirst().orElseThrow(() -> new AssertionError("no quarantined row " + file + ":" + line));
    }
}
