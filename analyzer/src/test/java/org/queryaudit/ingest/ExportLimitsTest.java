package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.TestSpark;
import org.queryaudit.generate.ScaleLogs;

/** Issue 15: inputs that already lost rows say so. */
class ExportLimitsTest {
    private final ExportLimits limits = ExportLimits.shipped();

    @Test
    void aSpreadsheetsOrARoundCapsRowCountIsFlagged() {
        List<String> w = limits.check("in/a.csv", "a.csv", 1_048_575, null, null);
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("exactly 1,048,575 rows") && w.get(0).contains("Excel"), w.get(0));
        assertEquals(1, limits.check("in/b.csv", "b.csv", 20_000, null, null).size());
        assertEquals(List.of(), limits.check("in/c.csv", "c.csv", 20_001, null, null));
    }

    @Test
    void rowsThatEndBeforeTheStatedPeriodAreFlagged() {
        String name = "1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv";
        assertEquals(LocalDate.parse("2025-01-31"), ExportLimits.statedPeriod("REDACTED - " + name).orElseThrow()[1]);
        List<String> w = limits.check("in/" + name, name, 900, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-20"));
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("end on 2025-01-20, 11 days before") && w.get(0).contains("2025-01-01 to 2025-01-31"), w.get(0));
        assertEquals(List.of(), limits.check("in/" + name, name, 900, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-30")),
                "a day of slack: the last day may hold no search, or fall in the next UTC day");
        assertTrue(limits.check("in/" + name, name, 900, LocalDate.parse("2025-01-09"), LocalDate.parse("2025-01-31")).get(0)
                .contains("begin on 2025-01-09"));
    }

    @Test
    void aRunSaysSoInItsManifestAndReport(@TempDir Path dir) throws Exception {
        Path full = ScaleLogs.write(ScaleLogs.Kind.FLOCK, 3_000, 1, dir.resolve("gen"), 7).get(0);
        List<String> lines = Files.readAllLines(full);
        // Keep the header and the first 1,800 records (two physical lines each): the rest of the month is cut off.
        List<String> cut = new ArrayList<>(lines.subList(0, 1 + 2 * 1_800));
        Path cutFile = Files.createDirectories(dir.resolve("in")).resolve(full.getFileName());
        Files.write(cutFile, cut);
        Path out = dir.resolve("out");
        new AuditRun(TestSpark.session(), ProfileCatalog.builtIn())
                .execute(RunOptions.of(List.of(InputRequest.given(cutFile.toString(), "auto", false)), out.toString()));
        String warnings = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("warnings").toString();
        assertTrue(warnings.contains("days before the period its file name states (2025-09-01 to 2025-09-30)"), warnings);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Inputs that may be incomplete"));
        // Issue 25: the page names the file, never the folders of the machine that ran it.
        String list = html.substring(html.indexOf("Inputs that may be incomplete"), html.indexOf("</ul>", html.indexOf("Inputs that may be incomplete")));
        assertTrue(list.contains("<li>" + cutFile.getFileName() + ": "), list);
        assertTrue(!list.contains(dir.toString()), "no absolute path in the page: " + list);
    }
}
