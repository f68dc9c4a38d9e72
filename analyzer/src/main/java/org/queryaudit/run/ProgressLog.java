package org.queryaudit.run;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a long run's progress: at most every 10 seconds, how many tasks of the running
 * Spark stage are done. Short runs print nothing from it; Spark's own console progress bar
 * stays off.
 */
public final class ProgressLog extends SparkListener {
    private static final Logger LOG = LoggerFactory.getLogger("queryaudit");
    private static final long EVERY_MS = 10_000;
    private final ConcurrentHashMap<Integer, int[]> stages = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long last = System.currentTimeMillis();

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        stages.put(e.stageInfo().stageId(), new int[] {e.stageInfo().numTasks(), 0});
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        int[] s = stages.get(e.stageId());
        if (s != null) {
            synchronized (s) {
                s[1]++;
            }
        }
        done.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now - last >= EVERY_MS && s != null) {
            last = now;
            LOG.info("progress: stage {}: {}/{} tasks done ({} tasks in all so far)", e.stageId(), s[1], s[0], done.get());
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted e) {
        stages.remove(e.stageInfo().stageId());
    }
}
