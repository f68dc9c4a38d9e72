package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.classify.ClassifyStage;
import org.queryaudit.evaluate.EvaluateStage;
import org.queryaudit.ingest.QueryEvent;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.tag.TagStage;

/**
 * {@code flagged.csv}: every event that carries a tag, breaks a rule, or whose requester is
 * federal or from another state, with who asked, how that was known, the door it came
 * through, the evidence for each tag and the rules it broke.
 */
public final class FlaggedReport {
    public static final String FILE = "flagged.csv";

    private FlaggedReport() {
    }

    /** Federal, or a known state other than the owner's. */
    public static Column outsideRequester() {
        return col(ResolveStage.LEVEL).equalTo(lit("federal"))
                .or(col(ResolveStage.STATE).isNotNull().and(col(ResolveStage.STATE).notEqual(col(QueryEvent.OWNER_STATE))));
    }

    public static Dataset<Row> build(Dataset<Row> events) {
        return events.filter(size(col(TagStage.TAGS)).gt(0).or(outsideRequester())
                        .or(size(col(EvaluateStage.VIOLATIONS)).gt(0)))
                .select(col(QueryEvent.EVENT_ID), col(QueryEvent.OCCURRED_AT), col(QueryEvent.SOURCE_FORMAT),
                        col(QueryEvent.OWNER_AGENCY), col(QueryEvent.OWNER_STATE), col(QueryEvent.REQUESTER_NAME),
                        col(QueryEvent.REQUESTER_ORI), col(ResolveStage.LEVEL), col(ResolveStage.STATE),
                        col(ResolveStage.DEPARTMENT), col(ResolveStage.COMPONENT), col(ResolveStage.IMMIGRATION),
                        col(ResolveStage.BASIS), col(ClassifyStage.PATHWAY), col(QueryEvent.QUERY_TYPE), col(QueryEvent.REASON),
                        col(QueryEvent.CASE_NUMBER), col(TagStage.TAGS), col(TagStage.EVIDENCE),
                        col(EvaluateStage.VIOLATIONS + ".rule_id").alias("violation_rules"),
                        col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE))
                .orderBy(col(QueryEvent.OWNER_STATE), col(QueryEvent.OWNER_AGENCY), col(QueryEvent.OCCURRED_AT),
                        col(QueryEvent.EVENT_ID));
    }

    public static long write(FileSystem fs, Path file, Dataset<Row> events) throws IOException {
        return CsvTable.write(fs, file, build(events));
    }
}
