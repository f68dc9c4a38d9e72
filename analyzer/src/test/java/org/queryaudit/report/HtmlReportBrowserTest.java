package org.queryaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.TestSpark;
import org.queryaudit.cli.InputsListAccess;
import org.queryaudit.ingest.ProfileCatalog;

/**
 * The demo's report.html and an agency report, rendered by headless Chromium: the charts
 * drew, the page's numbers equal agency_report.csv, and the page requested nothing outside
 * itself. Screenshots go to target/screenshots/.
 */
class HtmlReportBrowserTest {
    @TempDir
    static Path tmp;
    static Path out;
    static final Path SHOTS = TestSpark.root().resolve("analyzer/target/screenshots");

    @BeforeAll
    static void runDemo() throws IOException {
        out = tmp.resolve("demo");
        new AuditRun(TestSpark.session(), ProfileCatalog.builtIn()).execute(
                RunOptions.of(InputsListAccess.read(TestSpark.root().resolve("sample-logs/inputs.csv")), out.toString()));
        Files.createDirectories(SHOTS);
    }

    static List<CSVRecord> csv(Path f) throws IOException {
        try (var r = Files.newBufferedReader(f)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    /** Renders a page: its DOM after scripts ran, a screenshot, and the requests it made. */
    record Rendered(Document dom, List<String> requests) {
    }

    static Rendered render(Path page, String shot) throws Exception {
        return render(page, shot, 20_000);
    }

    static Rendered render(Path page, String shot, long minShotBytes) throws Exception {
        Path work = Files.createTempDirectory(tmp, "chromium");
        String dom = Chromium.run(page, work.resolve("profile"), List.of("--dump-dom", "--log-net-log=" + work.resolve("net.json")));
        Chromium.run(page, work.resolve("profile2"), List.of("--window-size=1400,2600", "--screenshot=" + SHOTS.resolve(shot)));
        assertTrue(Files.size(SHOTS.resolve(shot)) > minShotBytes, "a screenshot of " + page + " was written");
        return new Rendered(Jsoup.parse(dom), NetLog.pageRequests(work.resolve("net.json")));
    }

    static long num(Element e) {
        return Long.parseLong(e.text().replace(",", "").trim());
    }

    @Test
    void theRunReportDrawsItsChartsAndMatchesTheAgencyReport() throws Exception {
        Rendered r = render(out.resolve("report.html"), "report.png");
        assertEquals("5", r.dom().body().attr("data-charts-drawn"), "all five charts drew pixels");
        List<CSVRecord> rows = csv(out.resolve("agency_report.csv"));
        Map<String, CSVRecord> byKey = new HashMap<>();
        for (CSVRecord c : rows) {
            // As the page names them: an ORI-only requester by its component beside the ORI ("ICE-ERO (WAICE0800)").
            String who = !c.get("requester_name").isEmpty() ? c.get("requester_name")
                    : c.get("requester_component").isEmpty() ? c.get("requester_ori")
                    : c.get("requester_component") + " (" + c.get("requester_ori") + ")";
            byKey.put(who + "|" + c.get("owner_agency") + "|" + c.get("via") + "|" + c.get("month"), c);
        }
        List<Element> trs = r.dom().select("#agency-table tbody tr");
        assertEquals(rows.size(), trs.size(), "the demo's 62 rows all fit the page");
        for (Element tr : trs) {
            List<Element> td = tr.select("td");
            // A 287(g) mark sits beside a name; the name is the cell's own text (or its link's).
            Element link = td.get(0).selectFirst("a");
            String who = link != null ? link.text() : td.get(0).ownText().strip();
            Element via = td.get(3).selectFirst("span.via");
            CSVRecord c = byKey.get(who + "|" + td.get(3).ownText().strip() + "|" + (via == null ? "" : via.text().replaceFirst("^via ", ""))
                    + "|" + td.get(5).text());
            assertTrue(c != null, "page row not in agency_report.csv: " + tr.text());
            assertEquals(Long.parseLong(c.get("queries")), num(td.get(6)));
            assertEquals(Long.parseLong(c.get("searches")), num(td.get(7)));
            assertEquals(Long.parseLong(c.get("federal_queries")), num(td.get(8)));
            assertEquals(Long.parseLong(c.get("immigration_tagged")), num(td.get(9)));
            assertEquals(Long.parseLong(c.get("violations")), num(td.get(10)));
            assertEquals(Long.parseLong(c.get("front_door")), num(td.get(11)));
            assertEquals(Long.parseLong(c.get("back_door")), num(td.get(12)));
            assertEquals(Long.parseLong(c.get("side_door")), num(td.get(13)));
        }
        // Queries are counted once: a broadcast's member-state rows (via) repeat its queries beside their findings.
        List<CSVRecord> own = rows.stream().filter(c -> c.get("via").isEmpty()).toList();
        assertTrue(own.size() < rows.size(), "the demo's broadcast has member-state rows");
        assertEquals(own.stream().mapToLong(c -> Long.parseLong(c.get("queries"))).sum(), num(r.dom().getElementById("total-events")));
        assertEquals(own.stream().mapToLong(c -> Long.parseLong(c.get("searches"))).sum(),
                num(r.dom().getElementById("total-owner-searches")));
        assertEquals(csv(out.resolve("searches.csv")).size(), num(r.dom().getElementById("total-violating-searches")));
        assertTrue(r.dom().text().contains("ALPR owners by month, in searches"), "the owner-month table is on the page");
        // Violations once per search and owner, as agency_report.csv counts them; the rows of violations.csv beside
        // (findings to verify, legal process shown, are in violations.csv but counted apart).
        assertEquals(rows.stream().mapToLong(c -> Long.parseLong(c.get("violations"))).sum(), num(r.dom().getElementById("total-violations")));
        assertEquals(csv(out.resolve("violations.csv")).stream().filter(v -> !v.get("severity").equals("verify")).count(),
                num(r.dom().getElementById("total-violation-rows")));
        assertTrue(num(r.dom().getElementById("total-violations")) < num(r.dom().getElementById("total-violation-rows")),
                "the month released twice shows its searches twice");
        assertEquals(List.of(), NetLog.external(r.requests()), "the page loaded nothing from outside itself");
    }

    /** Issue 25: at a laptop's 1280 px the page lays out no wider than the window (wide tables scroll in their own box). */
    @Test
    void theRunReportNeverScrollsSidewaysAt1280Pixels() throws Exception {
        Path work = Files.createTempDirectory(tmp, "chromium");
        Document dom = Jsoup.parse(Chromium.run(out.resolve("report.html"), work.resolve("profile"),
                List.of("--window-size=1280,900", "--dump-dom")));
        assertEquals("1280", dom.body().attr("data-page-width"), "the page's layout width at 1280 px");
    }

    @Test
    void anAgencyReportMatchesItsRowsAndStaysOffline() throws Exception {
        Path dir = Files.list(out.resolve("agencies")).filter(p -> p.getFileName().toString().startsWith("u-s-border-patrol-"))
                .findFirst().orElseThrow();
        Rendered r = render(dir.resolve("report.html"), "agency-u-s-border-patrol.png");
        long queries = csv(out.resolve("agency_report.csv")).stream().filter(c -> c.get("requester_name").equals("U.S. Border Patrol"))
                .mapToLong(c -> Long.parseLong(c.get("queries"))).sum();
        assertEquals(queries, num(r.dom().getElementById("agency-queries")));
        // The letter leads with searches: each once, however many owners' audits show it (searches.csv).
        List<CSVRecord> searches = csv(out.resolve("searches.csv")).stream()
                .filter(c -> c.get("requester_name").equals("U.S. Border Patrol")).toList();
        assertEquals(searches.size(), num(r.dom().getElementById("agency-found-searches")));
        assertEquals(searches.stream().mapToLong(c -> Long.parseLong(c.get("owner_rows"))).sum(),
                num(r.dom().getElementById("agency-found-rows")));
        assertTrue(searches.size() < num(r.dom().getElementById("agency-found-rows")), "one search in three owners' audits");
        assertEquals(csv(out.resolve("agency_report.csv")).stream().filter(c -> c.get("requester_name").equals("U.S. Border Patrol"))
                .mapToLong(c -> Long.parseLong(c.get("violations"))).sum(), num(r.dom().getElementById("agency-violations")));
        assertEquals(csv(dir.resolve("violations.csv")).size(), num(r.dom().getElementById("agency-violation-rows")));
        assertEquals(csv(dir.resolve("violations.csv")).size(), r.dom().select("#evidence-table tbody tr").size());
        assertTrue(r.dom().select("#rule-table").text().contains("CA-ALPR-SB34"));
        assertEquals(List.of(), NetLog.external(r.requests()));
    }

    @Test
    void theRequestCheckWouldSeeAPageThatLoadsFromOutside() throws Exception {
        Path probe = tmp.resolve("probe.html");
        // Loopback with nothing listening: the request is made and refused on this machine.
        Files.writeString(probe, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/x.png\"></body></html>");
        Rendered r = render(probe, "probe.png", 0);
        assertFalse(NetLog.external(r.requests()).isEmpty(), "the net-log check sees a page's external request");
    }
}
