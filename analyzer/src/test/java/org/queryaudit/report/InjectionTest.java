package org.queryaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.TestSpark;
import org.queryaudit.ingest.InputRequest;
import org.queryaudit.ingest.ProfileCatalog;

/**
 * Reason fields and agency names are typed by strangers: run crafted ones through the whole
 * pipeline and check they come out inert in every CSV and HTML output.
 */
class InjectionTest {
    @TempDir
    static Path dir;
    static Path out;
    static final List<String> REASONS = List.of("<script>alert(1)</script>", "=HYPERLINK(\"http://x\",\"y\")",
            "\"><img src=x onerror=alert(1)>", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tTAB start");

    @BeforeAll
    static void run() throws Exception {
        StringBuilder csv = new StringBuilder("Name,Org Name,Search Time,Reason\n");
        int minute = 10;
        for (String reason : REASONS) {
            csv.append("x,U.S. Border Patrol,\"09/03/2025, 04:").append(minute++).append(":00 PM UTC\",\"")
                    .append(reason.replace("\"", "\"\"")).append("\"\n");
        }
        csv.append("x,../../evil Reno NV <b>PD</b>,\"09/03/2025, 05:00:00 PM UTC\",=1+1\n");
        Path f = dir.resolve("9_1_2025-9_30_2025-Los Altos CA PD-Network-Audit.csv");
        Files.writeString(f, csv.toString());
        out = dir.resolve("out");
        new AuditRun(TestSpark.session(), ProfileCatalog.builtIn())
                .execute(RunOptions.of(List.of(InputRequest.given(f.toString(), "auto", false)), out.toString()));
    }

    static List<Path> files(String ext) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).filter(p -> !p.toString().contains("/events/")).toList();
        }
    }

    @Test
    void noCsvCellCanStartAFormula() throws Exception {
        int cells = 0;
        for (Path f : files(".csv")) {
            if (f.getFileName().toString().startsWith("9_1_2025")) {
                continue; // the input
            }
            try (var r = Files.newBufferedReader(f)) {
                for (CSVRecord rec : CSVFormat.RFC4180.parse(r)) {
                    for (String cell : rec) {
                        cells++;
                        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, f + ": a cell starts a formula: " + cell);
                    }
                }
            }
        }
        assertTrue(cells > 100);
        String violations = Files.readString(out.resolve("violations.csv"));
        assertTrue(violations.contains("'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")"), "kept, made inert");
        assertTrue(violations.contains("'@SUM(1+1)") && violations.contains("'-2+3") && violations.contains("'+cmd|"));
    }

    @Test
    void htmlShowsTheTextAndRunsNothing() throws Exception {
        List<Path> pages = files(".html");
        assertTrue(pages.size() >= 2, pages.toString());
        boolean sawEscaped = false;
        for (Path p : pages) {
            String html = Files.readString(p);
            assertFalse(html.contains("<script>alert(1)"), p + " holds a live script");
            assertFalse(html.contains("<img src=x"), p + " holds a live image tag");
            assertFalse(html.contains("<b>PD</b>"), p + " holds live markup from an agency name");
            sawEscaped |= html.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertTrue(html.contains("Content-Security-Policy"), "every page forbids external loads");
        }
        assertTrue(sawEscaped, "the reason is shown, escaped");
    }

    @Test
    void agencyNamesNeverBecomePathsOutsideTheOutput() throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("agencies"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.stream().allMatch(n -> n.matches("[a-z0-9-]+")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("evil-reno-nv-b-pd-b-")), names.toString());
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("evil")
                    && !p.startsWith(out.resolve("agencies"))), "nothing written outside agencies/");
        }
    }
}
