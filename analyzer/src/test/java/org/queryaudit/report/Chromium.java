package org.queryaudit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's package) for report tests: the DOM after the page's scripts
 * ran, a screenshot, and a net log of every request the page made. Started with the flags
 * that keep Chromium's own background traffic off, so the log shows the page's requests.
 */
final class Chromium {
    private Chromium() {
    }

    static Path binary() {
        for (String b : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(b))) {
                return Path.of(b);
            }
        }
        // CI installs Chromium (.ci/run) and must run these tests; a developer machine without it skips them.
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("Chromium is not installed, but CI must have it (.ci/run installs it)");
        }
        Assumptions.abort("Chromium is not installed (apt-get install chromium)");
        return null;
    }

    /** Runs Chromium on a page; returns its standard output. */
    static String run(Path page, Path profile, List<String> extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
                "--user-data-dir=" + profile));
        cmd.addAll(extra);
        cmd.add(page.toUri().toString());
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s on " + page);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
