package org.queryaudit;

import org.queryaudit.run.Sessions;

import org.apache.spark.sql.SparkSession;

/** The one local Spark session the whole test suite shares (started once, on first use). */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = Sessions.start("local[2]");
        }
        return session;
    }

    /** The wide view of a run's {@code events/} (joined with the tables beside it), as every reader gets it. */
    public static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> events(java.nio.file.Path folder) {
        return org.queryaudit.store.EventStore.read(session(), new org.apache.hadoop.fs.Path(folder.toUri()));
    }

    /** The project folder (sample-logs/, scripts/), as Maven passes it. */
    public static java.nio.file.Path root() {
        return java.nio.file.Path.of(System.getProperty("queryaudit.root", "..")).toAbsolutePath().normalize();
    }
}
