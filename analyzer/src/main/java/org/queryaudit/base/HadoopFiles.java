package org.queryaudit.base;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;

/**
 * Hadoop configurations whose local file system ({@code file:}) works through Java's file API.
 * Without Hadoop's native library, its own local file system starts a shell for every
 * permission it sets or reads: {@code chmod} for each file and folder created, {@code ls -ld}
 * for each file listed. A 2 M-row run started 2,045 processes that way (its output digests
 * took 4.8 s, then 0.7 s). Other schemes (hdfs:, s3a:) are untouched.
 */
public final class HadoopFiles {
    /** GlobalMentor's "bare naked" local file system: Hadoop's, with permissions and listings through java.nio. */
    static final String LOCAL = "com.globalmentor.apache.hadoop.fs.BareLocalFileSystem";
    private static final String KEY = "fs.file.impl";

    private HadoopFiles() {
    }

    /** Loaded once per JVM: a new configuration parses Hadoop's XML resources again on its first read. */
    private static Configuration loaded;

    /**
     * A new configuration, as {@code new Configuration()}, with the local file system above
     * unless one is set or its class cannot be loaded here (then Hadoop's own is used). It is a
     * copy of one loaded once: the pass opens a file per partition folder per task, and parsing
     * the XML for each was 1.4 % of its time.
     */
    public static Configuration configuration() {
        Configuration template;
        synchronized (HadoopFiles.class) {
            if (loaded == null) {
                Configuration c = new Configuration();
                if (c.get(KEY) == null && loadable(c.getClassLoader())) {
                    c.set(KEY, LOCAL);
                }
                loaded = c;
            }
            template = loaded;
        }
        return new Configuration(template); // the copy holds the template's lock while it copies
    }

    /**
     * The same choice for Spark's own Hadoop configuration, on {@code local[*]} only: on a
     * cluster the executors' class path is not this JVM's, and the cluster's own settings stand.
     */
    public static void configure(SparkConf conf, String master) {
        if (master.startsWith("local") && loadable(HadoopFiles.class.getClassLoader())) {
            conf.setIfMissing("spark.hadoop." + KEY, LOCAL);
        }
    }

    private static boolean loadable(ClassLoader loader) {
        try {
            Class.forName(LOCAL, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
