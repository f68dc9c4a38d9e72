package org.queryaudit.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.RunResult;
import org.queryaudit.run.Sessions;
import org.queryaudit.TestSpark;
import org.queryaudit.cli.InputsListAccess;
import org.queryaudit.ingest.InputRequest;
import org.queryaudit.ingest.ProfileCatalog;

/**
 * queryaudit on a real standalone Spark cluster (scripts/local-cluster: a Master and a
 * Worker JVM with 2 cores): the work runs in a separate executor JVM, and every CSV, JSON
 * and HTML output is byte-identical to the same run on local[*]. Both JVMs are stopped
 * whatever happens.
 */
class LocalClusterIT {
    @TempDir
    static Path tmp;
    static String master;
    static final Path ROOT = TestSpark.root();

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static int cluster(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("scripts/local-cluster").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("QUERYAUDIT_CLUSTER_DIR", tmp.resolve("cluster").toString());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/local-cluster " + String.join(" ", args) + " did not finish");
        }
        return p.exitValue();
    }

    @BeforeAll
    static void start() throws Exception {
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        assertEquals(0, cluster("start", "--port", String.valueOf(port), "--cores", "2", "--memory", "2g"));
        // The test runs from target/classes: the executors get the packaged application jar.
        System.setProperty("spark.jars", ROOT.resolve("analyzer/target/queryaudit-app.jar").toString());
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("spark.jars");
        SparkSession.active().stop();
        assertEquals(0, cluster("stop"));
    }

    static SparkSession session(String m) {
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        return Sessions.start(m);
    }

    static RunResult run(SparkSession spark, RunOptions opt) throws IOException {
        return new AuditRun(spark, ProfileCatalog.builtIn()).execute(opt);
    }

    static Set<Path> reportFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile).map(out::relativize)
                    .filter(p -> !p.startsWith("events") && !p.startsWith("requesters") && !p.startsWith("reasons") && !p.toString().equals("manifest.json")).collect(Collectors.toSet());
        }
    }

    static void assertSameOutputs(Path local, Path onCluster) throws IOException {
        Set<Path> files = reportFiles(local);
        assertEquals(files, reportFiles(onCluster));
        assertTrue(files.size() > 5, files.toString());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(onCluster.resolve(f)), f.toString());
        }
    }

    @Test
    void theDemoAndAMonthOfAFolderRunOnTheClusterAsTheyDoLocally() throws Exception {
        var demo = InputsListAccess.read(ROOT.resolve("sample-logs/inputs.csv"));
        var folder = List.of(InputRequest.given(ROOT.resolve("sample-logs/flock").toString(), "auto", false));

        SparkSession spark = session(master);
        assertEquals(master, spark.sparkContext().master());
        // Which executor ran each task of the audit: on a cluster, never the driver's JVM.
        Set<String> executors = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd e) {
                executors.add(e.taskInfo().executorId());
                tasks.incrementAndGet();
            }
        });
        RunResult onCluster = run(spark, RunOptions.of(demo, tmp.resolve("cluster-demo").toString()));
        RunResult monthOnCluster = run(spark, RunOptions.of(folder, tmp.resolve("cluster-month").toString()).withMonth("2025-11"));
        assertTrue(tasks.get() > 20, "tasks ran: " + tasks.get());
        assertTrue(!executors.isEmpty() && !executors.contains("driver"), "every task ran in an executor JVM: " + executors);
        assertTrue(spark.sparkContext().statusTracker().getExecutorInfos().length >= 2, "the driver and an executor");

        spark = session("local[2]");
        RunResult local = run(spark, RunOptions.of(demo, tmp.resolve("local-demo").toString()));
        RunResult monthLocal = run(spark, RunOptions.of(folder, tmp.resolve("local-month").toString()).withMonth("2025-11"));

        assertEquals(local.rows(), onCluster.rows());
        assertEquals(1698, onCluster.rows().read());
        assertSameOutputs(tmp.resolve("local-demo"), tmp.resolve("cluster-demo"));
        assertEquals(monthLocal.rows(), monthOnCluster.rows());
        assertTrue(monthOnCluster.rows().selected() > 0 && monthOnCluster.rows().selected() < monthOnCluster.rows().accepted(),
                "--month selects part of the folder: " + monthOnCluster.rows());
        assertSameOutputs(tmp.resolve("local-month"), tmp.resolve("cluster-month"));
    }
}
