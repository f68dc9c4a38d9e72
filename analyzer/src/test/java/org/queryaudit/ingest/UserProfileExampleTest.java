package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.RunResult;
import org.queryaudit.TestSpark;
import org.queryaudit.cli.InputsListAccess;
import org.queryaudit.report.RowCounts;

/** The README's worked example: examples/vigilant, a user profile for an export we ship no profile for. */
class UserProfileExampleTest {
    @Test
    void theWorkedExampleRunsAsTheReadmeSays(@TempDir Path out) throws Exception {
        var inputs = InputsListAccess.read(TestSpark.root().resolve("examples/vigilant/inputs.csv"));
        RunResult r = new AuditRun(TestSpark.session(), ProfileCatalog.builtIn()).execute(
                RunOptions.of(inputs, out.resolve("run").toString()));
        assertEquals(new RowCounts(3, 3, 0, 0, 3), r.rows());
        Row usbp = TestSpark.events(out.resolve("run/events"))
                .filter("source_line = 3").first();
        assertEquals("vigilant-learn-audit", usbp.getAs("source_format"));
        assertEquals("U.S. Border Patrol San Diego Sector", usbp.getAs("requester_name"));
        assertEquals("CAUSBP100", usbp.getAs("requester_ori"));
        assertEquals("ADMINISTRATIVE SPOUSE OF TARGET", usbp.getAs("reason"));
        assertEquals(Instant.parse("2025-04-02T21:40:10Z"), usbp.getAs("occurred_at"), "2:40 PM Pacific daylight time");
        assertEquals("Contra Costa County CA SO", usbp.getAs("owner_agency"));
    }
}
