package org.queryaudit.run;

import org.queryaudit.base.HadoopFiles;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a run: the user's master and settings first, sensible defaults after. */
public final class Sessions {
    private Sessions() {
    }

    public static SparkSession start(String master) {
        // SparkConf reads spark-submit's settings (system properties); never override those.
        SparkConf conf = new SparkConf().setAppName("queryaudit");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        // On a cluster the executors need this application's classes: ship the jar it runs from.
        String effective = conf.get("spark.master", "local[*]");
        if (!effective.startsWith("local") && !conf.contains("spark.jars")) {
            String jar = applicationJar();
            if (jar != null) {
                conf.set("spark.jars", jar);
            }
        }
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.sql.datetime.java8API.enabled", "true");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Inputs of an auditor's month are MBs to GBs: 200 shuffle partitions would be mostly empty tasks.
        // A run over more data raises it (AuditRun.shufflePartitions).
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.sql.adaptive.enabled", "true");
        // Write events/ partitions concurrently instead of sorting every task's rows by partition first.
        conf.setIfMissing("spark.sql.maxConcurrentOutputFileWriters", "64");
        // Spark 3.4+ plans a sort before every partitioned write unless told not to.
        conf.setIfMissing("spark.sql.optimizer.plannedWrite.enabled", "false");
        // events/ partitions are owner_state=WA/month=2025-03: keep them text, never guessed dates.
        conf.setIfMissing("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        HadoopFiles.configure(conf, effective);
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().addSparkListener(new ProgressLog());
        return spark;
    }

    /** The jar this code was loaded from, or null when it runs from a classes folder (tests). */
    static String applicationJar() {
        try {
            java.net.URL url = Sessions.class.getProtectionDomain().getCodeSource().getLocation();
            String path = java.nio.file.Paths.get(url.toURI()).toString();
            return path.endsWith(".jar") ? path : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    public static String toolVersion() {
        try (var in = Sessions.class.getClassLoader().getResourceAsStream("queryaudit/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}
