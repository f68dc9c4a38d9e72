package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.ingest.QueryEvent;

/** {@code agency_report.csv}: one row per requesting agency x data owner x month. */
public final class AgencyReport {
    public static final String FILE = "agency_report.csv";

    private AgencyReport() {
    }

    public static Dataset<Row> build(Dataset<Row> events) {
        return events.groupBy(col(QueryEvent.REQUESTER_NAME), col(QueryEvent.REQUESTER_ORI), col(QueryEvent.OWNER_AGENCY),
                        col(QueryEvent.OWNER_STATE), col(QueryEvent.MONTH))
                .agg(count("*").alias("queries"), min(QueryEvent.OCCURRED_AT).alias("first_seen"),
                        max(QueryEvent.OCCURRED_AT).alias("last_seen"))
                .orderBy(col(QueryEvent.OWNER_STATE), col(QueryEvent.OWNER_AGENCY), col(QueryEvent.MONTH),
                        col(QueryEvent.REQUESTER_NAME).asc_nulls_first(), col(QueryEvent.REQUESTER_ORI).asc_nulls_first());
    }

    public static long write(FileSystem fs, Path file, Dataset<Row> events) throws IOException {
        return CsvTable.write(fs, file, build(events));
    }
}
