package org.queryaudit.report;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.TagColumns;
import org.queryaudit.model.ViolationColumns;

/**
 * The findings counted as an auditor quotes them (issue 25): in searches, once per search and
 * owner, with the rows of violations.csv and review.csv beside them. A month released twice is
 * two rows of one search, one violation; a search that reached three owners is one violation
 * for each. A finding belongs to the owner whose records it is about, which for a multi-state
 * broadcast is the member state, not the broadcast: its agency_report row names the broadcast in
 * {@code via}. Summed from the flagged events already kept for flagged.csv (every finding is on
 * one), in two small aggregations; never from all the events.
 */
public final class FindingSearches {
    static final String VIOLATION = "violation";

    private FindingSearches() {
    }

    /** An agency_report row as findings name it: requester, the finding's owner, month, and the way in (null: the owner's own). */
    public record Key(String requesterName, String requesterOri, String ownerAgency, String ownerState, String month, String via) {
    }

    /** Searches and rows (violations.csv or review.csv rows: one per event and rule). */
    public record Counts(long searches, long rows) implements java.io.Serializable {
        static final Counts NONE = new Counts(0, 0);

        public Counts plus(Counts o) {
            return new Counts(searches + o.searches, rows + o.rows);
        }
    }

    /**
     * One row's findings.
     *
     * @param events            events with any finding (for a broadcast's member row, the broadcast queries that reached it)
     * @param immigrationTagged of those, with an immigration tag
     * @param searches          searches with any finding
     * @param violationsByRule  per rule, the searches and rows with a violation of it
     * @param verifyByRule      per rule, the searches and rows to verify (legal process shown)
     */
    public record Line(long events, long immigrationTagged, long searches, Counts violations, Counts verify, Counts review,
                       Map<String, Counts> violationsByRule, Map<String, Counts> verifyByRule) {
        static final Line NONE = new Line(0, 0, 0, Counts.NONE, Counts.NONE, Counts.NONE, Map.of(), Map.of());
    }

    /** @param kept the flagged events ({@link FlaggedReport#kept}) */
    public static Map<Key, Line> of(Dataset<Row> kept) {
        Column v = col("v");
        Column severity = v.getField("severity");
        Dataset<Row> findings = kept.filter(size(col(FlaggedReport.FINDINGS)).gt(0))
                .select(col(QueryEvent.REQUESTER_NAME), col(QueryEvent.REQUESTER_ORI), col(QueryEvent.OWNER_AGENCY),
                        col(QueryEvent.OWNER_STATE), col(FlaggedReport.MONTH), col(QueryEvent.EVENT_ID), col(FlaggedReport.SEARCH),
                        col(TagColumns.TAGS), explode(col(FlaggedReport.FINDINGS)).alias("v"))
                .select(col(QueryEvent.REQUESTER_NAME).alias("n"), col(QueryEvent.REQUESTER_ORI).alias("o"),
                        coalesce(v.getField(ViolationColumns.FINDING_OWNER_AGENCY), col(QueryEvent.OWNER_AGENCY)).alias("oa"),
                        coalesce(v.getField(ViolationColumns.FINDING_OWNER_STATE), col(QueryEvent.OWNER_STATE)).alias("os"),
                        col(FlaggedReport.MONTH).alias("m"), v.getField(ViolationColumns.VIA).alias("via"),
                        v.getField("rule_id").alias("rule"),
                        when(severity.equalTo(lit(Finding.REVIEW)), lit(Finding.REVIEW))
                                .when(severity.equalTo(lit(Finding.VERIFY)), lit(Finding.VERIFY)).otherwise(lit(VIOLATION)).alias("c"),
                        col(FlaggedReport.SEARCH).alias("s"), col(QueryEvent.EVENT_ID).alias("e"),
                        array_contains(col(TagColumns.TAGS), "immigration").alias("imm"));
        Column[] key = {col("n"), col("o"), col("oa"), col("os"), col("m"), col("via")};
        // Distinct events and searches counted by grouping twice, not by countDistinct: Spark's several distinct
        // counts in one aggregation copy every finding once per count (an Expand) before hashing them.
        List<Column> perEvent = new ArrayList<>(List.of(key));
        perEvent.add(col("s"));
        perEvent.add(col("e"));
        List<Column> perSearch = new ArrayList<>(List.of(key));
        perSearch.add(col("s"));
        Dataset<Row> events = findings.groupBy(perEvent.toArray(Column[]::new))
                .agg(max(col("imm")).alias("imm"), bit_or(classBit()).alias("cls"), rows(VIOLATION).alias("vr"),
                        rows(Finding.VERIFY).alias("fr"), rows(Finding.REVIEW).alias("rr"));
        Dataset<Row> searches = events.groupBy(perSearch.toArray(Column[]::new))
                .agg(count(lit(1)).alias("ev"), sum(col("imm").cast("long")).alias("im"), bit_or(col("cls")).alias("cls"),
                        sum(col("vr")).alias("vr"), sum(col("fr")).alias("fr"), sum(col("rr")).alias("rr"));
        Map<Key, Line> out = new HashMap<>();
        for (Row r : searches.groupBy(key).agg(sum(col("ev")), sum(col("im")), count(col("s")), searches(0), sum(col("vr")),
                searches(1), sum(col("fr")), searches(2), sum(col("rr"))).collectAsList()) {
            out.put(key(r), new Line(r.getLong(6), r.getLong(7), r.getLong(8), new Counts(r.getLong(9), r.getLong(10)),
                    new Counts(r.getLong(11), r.getLong(12)), new Counts(r.getLong(13), r.getLong(14)), new TreeMap<>(),
                    new TreeMap<>()));
        }
        Column[] byRule = {col("n"), col("o"), col("oa"), col("os"), col("m"), col("via"), col("rule"), col("c")};
        for (Row r : findings.filter(col("c").notEqual(lit(Finding.REVIEW))).groupBy(byRule)
                .agg(countDistinct(col("s")), count(lit(1))).collectAsList()) {
            Line l = out.get(key(r));
            Map<String, Counts> into = VIOLATION.equals(r.getString(7)) ? l.violationsByRule() : l.verifyByRule();
            into.put(r.getString(6), new Counts(r.getLong(8), r.getLong(9)));
        }
        return out;
    }

    private static Key key(Row r) {
        return new Key(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5));
    }

    /** The bit of a finding's class: violation 1, verify 2, review 4. */
    private static Column classBit() {
        return when(col("c").equalTo(lit(VIOLATION)), lit(1)).when(col("c").equalTo(lit(Finding.VERIFY)), lit(2)).otherwise(lit(4));
    }

    /** Searches (with a search id) among a row's searches that hold a finding of the class with this bit. */
    private static Column searches(int bit) {
        return sum(when(col("s").isNotNull().and(shiftright(col("cls"), bit).bitwiseAND(lit(1)).equalTo(lit(1))), lit(1L))
                .otherwise(lit(0L)));
    }

    private static Column rows(String cls) {
        return sum(when(col("c").equalTo(lit(cls)), lit(1L)).otherwise(lit(0L)));
    }
}
