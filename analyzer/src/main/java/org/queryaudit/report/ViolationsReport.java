package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.classify.ClassifyStage;
import org.queryaudit.evaluate.EvaluateStage;
import org.queryaudit.ingest.QueryEvent;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.tag.TagStage;

/** {@code violations.csv}: one row per (event, rule), with the evidence an auditor reads aloud. */
public final class ViolationsReport {
    public static final String FILE = "violations.csv";

    private ViolationsReport() {
    }

    public static Dataset<Row> build(Dataset<Row> events) {
        return rows(events).orderBy(col(QueryEvent.OWNER_STATE), col(QueryEvent.OWNER_AGENCY), col(QueryEvent.OCCURRED_AT),
                col(QueryEvent.EVENT_ID), col("rule_id"));
    }

    /** One row per (event, rule), unsorted. */
    public static Dataset<Row> rows(Dataset<Row> events) {
        return events.select(col("*"), explode(col(EvaluateStage.VIOLATIONS)).alias("v"))
                .select(col(QueryEvent.EVENT_ID), col(QueryEvent.OCCURRED_AT), col(QueryEvent.SOURCE_FORMAT),
                        col(QueryEvent.OWNER_AGENCY), col(QueryEvent.OWNER_STATE), col(QueryEvent.REQUESTER_NAME),
                        col(QueryEvent.REQUESTER_ORI), col(ResolveStage.LEVEL), col(ResolveStage.COMPONENT),
                        col(ClassifyStage.PATHWAY), col(QueryEvent.QUERY_TYPE), col(QueryEvent.REASON), col(QueryEvent.CASE_NUMBER),
                        col(QueryEvent.LEGAL_PROCESS), col(TagStage.TAGS), col("v.rule_id"), col("v.citation"), col("v.severity"),
                        col("v.confidence"), col("v.rule_status"), col("v.purpose_basis"), col("v.legal_process_kind"),
                        col("v.notice"), col("v.explanation"), col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE));
    }

    public static long write(FileSystem fs, Path file, Dataset<Row> events) throws IOException {
        return CsvTable.write(fs, file, build(events));
    }
}
