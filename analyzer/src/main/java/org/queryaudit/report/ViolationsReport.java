package org.queryaudit.report;

import org.queryaudit.model.ResolveColumns;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.ViolationColumns;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.TagColumns;

/**
 * {@code violations.csv}: one row per (event, rule), with the evidence an auditor reads aloud.
 * Written with flagged.csv ({@link FlaggedReport#write}); these rows feed the agency folders.
 */
public final class ViolationsReport {
    public static final String FILE = "violations.csv";
    /** Findings whose requester's class rests on weak or conflicting evidence: same columns, never counted. */
    public static final String REVIEW_FILE = "review.csv";

    private ViolationsReport() {
    }

    /** The event's columns of a violation row; the finding's columns come before source_file. */
    static final List<String> EVENT_COLUMNS = List.of(QueryEvent.EVENT_ID, QueryEvent.OCCURRED_AT, QueryEvent.SOURCE_FORMAT,
            QueryEvent.OWNER_AGENCY, QueryEvent.OWNER_STATE, QueryEvent.REQUESTER_NAME, QueryEvent.REQUESTER_ORI, ResolveColumns.LEVEL,
            ResolveColumns.COMPONENT, ResolveColumns.STATE, ResolveColumns.BASIS, ResolveColumns.STATE_BASIS, ClassifyColumns.PATHWAY, ClassifyColumns.AGREEMENT, QueryEvent.QUERY_TYPE, ClassifyColumns.DATA_CLASS, QueryEvent.REASON, QueryEvent.CASE_NUMBER,
            QueryEvent.LEGAL_PROCESS, TagColumns.TAGS, TagColumns.BENEFICIARIES, TagColumns.PURPOSE, TagColumns.PURPOSE_EVIDENCE,
            QueryEvent.SOURCE_FILE, QueryEvent.SOURCE_LINE);
    /** violations.csv's columns, in order. */
    static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(EVENT_COLUMNS.subList(0, EVENT_COLUMNS.indexOf(QueryEvent.SOURCE_FILE)));
        h.addAll(findingColumns());
        h.addAll(List.of(QueryEvent.SOURCE_FILE, QueryEvent.SOURCE_LINE));
        HEADER = List.copyOf(h);
    }

    /**
     * The finding's fields a row shows, in order: all but its own owner, which (where set: a
     * broadcast's member state) stands in the row's owner columns; {@code via} names the way in.
     */
    static List<String> findingColumns() {
        List<String> out = new ArrayList<>(List.of(ViolationColumns.FINDING.fieldNames()));
        out.remove(ViolationColumns.FINDING_OWNER_AGENCY);
        out.remove(ViolationColumns.FINDING_OWNER_STATE);
        return out;
    }

    /**
     * One row per (event, rule) that counts as a violation (none to review), unsorted, with {@link #HEADER}'s columns,
     * from the flagged events already kept ({@link FlaggedReport#kept}): every event with a finding is one, so the
     * agency folders need not scan every event again.
     */
    public static Dataset<Row> rows(Dataset<Row> kept) {
        List<Column> select = new ArrayList<>();
        for (String c : HEADER) {
            if (c.equals(QueryEvent.OWNER_AGENCY) || c.equals(QueryEvent.OWNER_STATE)) {
                select.add(coalesce(col("v." + c), col(c)).alias(c));
            } else if (c.equals(QueryEvent.LEGAL_PROCESS)) {
                select.add(col(FlaggedReport.LEGAL).alias(c));
            } else {
                select.add(ViolationColumns.FINDING.getFieldIndex(c).isDefined() ? col("v." + c) : col(c));
            }
        }
        return kept.filter(size(col(FlaggedReport.FINDINGS)).gt(0))
                .select(col("*"), explode(col(FlaggedReport.FINDINGS)).alias("v"))
                .filter(col("v.severity").notEqual(lit(Finding.REVIEW)))
                .select(select.toArray(Column[]::new));
    }
}
