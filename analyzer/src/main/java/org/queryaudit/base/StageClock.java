package org.queryaudit.base;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wall time of each stage of a run, logged as it ends and kept for the manifest and the benchmark. */
public final class StageClock {
    private static final Logger LOG = LoggerFactory.getLogger("queryaudit");
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    /** Ends the stage that ran since the last call. */
    public void lap(String stage) {
        long now = System.nanoTime();
        double s = (now - mark) / 1e9;
        seconds.merge(stage, s, Double::sum);
        mark = now;
        LOG.info("time: {} {} s", stage, String.format(java.util.Locale.ROOT, "%.1f", s));
    }

    public Map<String, Double> seconds() {
        return seconds;
    }
}
