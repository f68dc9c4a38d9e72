package org.queryaudit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.queryaudit.cli.InputsListAccess;
import org.queryaudit.ingest.ProfileCatalog;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;

/**
 * The demo's run (sample-logs/), made once for the suites that only read its output; removed
 * when the tests' JVM ends. A suite that needs its own run (re-runs, changed inputs) makes it.
 */
public final class DemoOutput {
    private static Path folder;

    private DemoOutput() {
    }

    /** The demo run's output folder. */
    public static synchronized Path folder() {
        if (folder == null) {
            try {
                Path dir = Files.createTempDirectory("queryaudit-demo-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                new AuditRun(TestSpark.session(), ProfileCatalog.builtIn()).execute(RunOptions.of(
                        InputsListAccess.read(TestSpark.root().resolve("sample-logs/inputs.csv")), dir.resolve("out").toString()));
                folder = dir.resolve("out");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder: the machine's cleaning removes what is left.
        }
    }
}
