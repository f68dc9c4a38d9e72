package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.classify.ClassifyStage;
import org.queryaudit.evaluate.EvaluateStage;
import org.queryaudit.ingest.QueryEvent;
import org.queryaudit.resolve.ResolveStage;

/**
 * The researcher's view (UW Center for Human Rights style), under {@code research/}:
 * federal queries of DMV data by month x message key x federal component; front, back and
 * side door counts by ALPR owner; queries after a revocation. Aggregates: small.
 */
public final class ResearchTables {
    public static final String FOLDER = "research";
    public static final String FEDERAL = "federal_queries_by_month.csv";
    public static final String DOORS = "doors_by_owner.csv";
    public static final String REVOCATION = "after_revocation.csv";

    /** The three tables, as written. */
    public record Tables(Table federal, Table doors, Table revocation) {
    }

    /** Column names and rows of one small table. */
    public record Table(List<String> header, List<List<Object>> rows) {
    }

    private ResearchTables() {
    }

    public static Tables build(Dataset<Row> events, Set<String> revocationRules) {
        Table federal = table(events.filter(col(QueryEvent.SOURCE_SYSTEM).isin("NLETS", "DMV_PORTAL")
                        .and(col(ResolveStage.LEVEL).equalTo("federal")))
                .groupBy(col(QueryEvent.OWNER_STATE), col(QueryEvent.MONTH), col(QueryEvent.QUERY_TYPE).alias("message_key"),
                        col(ResolveStage.COMPONENT).alias("federal_component"))
                .agg(count("*").alias("queries"))
                .orderBy(col(QueryEvent.OWNER_STATE), col(QueryEvent.MONTH), col("message_key").asc_nulls_first(),
                        col("federal_component").asc_nulls_first()));
        List<Column> doors = new ArrayList<>();
        for (String p : AgencyReport.PATHWAYS) {
            doors.add(sum(when(col(ClassifyStage.PATHWAY).equalTo(p), 1).otherwise(0)).alias(p));
        }
        Table byDoor = table(events.filter(col(QueryEvent.SOURCE_SYSTEM).equalTo("ALPR"))
                .groupBy(col(QueryEvent.OWNER_AGENCY), col(QueryEvent.OWNER_STATE))
                .agg(count("*").alias("queries"), doors.toArray(Column[]::new))
                .orderBy(col(QueryEvent.OWNER_STATE), col(QueryEvent.OWNER_AGENCY)));
        Table revoked = table(events.select(col("*"), explode(col(EvaluateStage.VIOLATIONS + ".rule_id")).alias("rule_id"))
                .filter(col("rule_id").isin(revocationRules.toArray()))
                .groupBy(col(QueryEvent.OWNER_STATE), col("rule_id"), col(QueryEvent.MONTH), col(QueryEvent.REQUESTER_NAME),
                        col(QueryEvent.REQUESTER_ORI), col(ResolveStage.COMPONENT))
                .agg(count("*").alias("queries"))
                .orderBy(col(QueryEvent.OWNER_STATE), col("rule_id"), col(QueryEvent.MONTH),
                        col(QueryEvent.REQUESTER_NAME).asc_nulls_first(), col(QueryEvent.REQUESTER_ORI).asc_nulls_first()));
        return new Tables(federal, byDoor, revoked);
    }

    private static Table table(Dataset<Row> d) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : d.collectAsList()) {
            List<Object> v = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                v.add(r.get(i));
            }
            rows.add(v);
        }
        return new Table(List.of(d.columns()), rows);
    }

    public static void write(FileSystem fs, Path folder, Tables t) throws IOException {
        fs.mkdirs(folder);
        write(fs, new Path(folder, FEDERAL), t.federal());
        write(fs, new Path(folder, DOORS), t.doors());
        write(fs, new Path(folder, REVOCATION), t.revocation());
    }

    private static void write(FileSystem fs, Path file, Table t) throws IOException {
        CsvTable.write(fs, file, t.header(), t.rows().stream()
                .map(r -> org.apache.spark.sql.RowFactory.create(r.toArray())).iterator());
    }
}
