package org.queryaudit.report;

import org.queryaudit.model.ResolveColumns;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.Row;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.ViolationColumns;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.TagColumns;
import org.queryaudit.tag.PurposeReading;
import org.queryaudit.tag.TagRules;

/**
 * The events counted once, at the finest grain any summary table of the run needs: who asked
 * (and how that was known), whose data, which month, which system and query type, which
 * door, and which rules the event broke. The agency report, the research tables, the rule
 * counts and the charts are all sums over these cells, so the events are read once for all
 * of them. Its size is that of the grain (requesters x owners x months x kinds), never the
 * number of events.
 */
public record EventSummary(List<Cell> cells) {

    /**
     * One cell.
     *
     * @param ruleIds    the rules each of its events broke, in the evaluator's order, joined with ';' ("" for none)
     * @param severities their severities, in the same order
     * @param line       the hash of its agency_report row ({@link SearchReport#line}), to find that row's searches
     */
    public record Cell(String requesterName, String requesterOri, String level, String component, String basis,
                       String ownerAgency, String ownerState, String month, String sourceSystem, String queryType,
                       String pathway, String ruleIds, String severities, long queries, long immigrationTagged,
                       Object firstSeen, Object lastSeen, long line, String dataClass, String agreement,
                       String requesterState, Purposes purposes) {
        public List<String> rules() {
            return ruleIds.isEmpty() ? List.of() : Arrays.asList(ruleIds.split(";"));
        }

        public List<String> severityList() {
            return severities.isEmpty() ? List.of() : Arrays.asList(severities.split(";"));
        }

        public boolean federal() {
            return "federal".equals(level);
        }
    }

    /**
     * What a cell's reasons say they were for (the {@code purpose} column), and apart from that,
     * how many named an immigration agency as the one assisted ({@code beneficiaries}) with
     * another offence or no purpose stated: the issue-27 split of "immigration" into the
     * purpose and the agency's name.
     *
     * @param unspecified immigration enforcement, civil or criminal not said
     */
    public record Purposes(long civil, long criminal, long unspecified, long agencyNamed, long agencyOtherOffence,
                           long agencyNotStated) implements java.io.Serializable {
        public static final Purposes NONE = new Purposes(0, 0, 0, 0, 0, 0);

        /** Immigration enforcement stated, civil, criminal or not said which. */
        public long immigration() {
            return civil + criminal + unspecified;
        }

        public Purposes plus(Purposes o) {
            return new Purposes(civil + o.civil, criminal + o.criminal, unspecified + o.unspecified, agencyNamed + o.agencyNamed,
                    agencyOtherOffence + o.agencyOtherOffence, agencyNotStated + o.agencyNotStated);
        }
    }

    /** The immigration agencies of the shipped reason-tag file, which {@link Purposes#agencyNamed} counts. */
    private static final List<String> IMMIGRATION_AGENCIES = TagRules.shipped().immigrationAgencies();

    private static Column tally(Column when) {
        return sum(when(when, 1).otherwise(0));
    }

    public static EventSummary of(Dataset<Row> events) {
        Column purpose = col(TagColumns.PURPOSE);
        Column agency = arrays_overlap(col(TagColumns.BENEFICIARIES),
                array(IMMIGRATION_AGENCIES.stream().map(functions::lit).toArray(Column[]::new)));
        Dataset<Row> cells = events.groupBy(col(QueryEvent.REQUESTER_NAME), col(QueryEvent.REQUESTER_ORI), col(ResolveColumns.LEVEL),
                        col(ResolveColumns.COMPONENT), col(ResolveColumns.BASIS), col(QueryEvent.OWNER_AGENCY), col(QueryEvent.OWNER_STATE),
                        col(QueryEvent.MONTH), col(QueryEvent.SOURCE_SYSTEM), col(QueryEvent.QUERY_TYPE), col(ClassifyColumns.PATHWAY),
                        concat_ws(";", col(ViolationColumns.VIOLATIONS + ".rule_id")).alias("rule_ids"),
                        concat_ws(";", col(ViolationColumns.VIOLATIONS + ".severity")).alias("severities"),
                        col(ClassifyColumns.DATA_CLASS), col(ClassifyColumns.AGREEMENT), col(ResolveColumns.STATE))
                .agg(count("*"), tally(array_contains(col(TagColumns.TAGS), "immigration")),
                        min(QueryEvent.OCCURRED_AT), max(QueryEvent.OCCURRED_AT), first(SearchReport.line()),
                        tally(purpose.equalTo(PurposeReading.IMMIGRATION_CIVIL)), tally(purpose.equalTo(PurposeReading.IMMIGRATION_CRIMINAL)),
                        tally(purpose.equalTo(PurposeReading.IMMIGRATION)), tally(agency), tally(agency.and(purpose.equalTo(PurposeReading.OTHER_OFFENCE))),
                        tally(agency.and(purpose.equalTo(PurposeReading.NOT_STATED))));
        List<Cell> out = new ArrayList<>();
        for (Row r : cells.collectAsList()) {
            out.add(new Cell(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                    r.getString(12), r.getLong(16), r.getLong(17), r.get(18), r.get(19), r.getLong(20), r.getString(13),
                    r.getString(14), r.getString(15), new Purposes(r.getLong(21), r.getLong(22), r.getLong(23), r.getLong(24),
                    r.getLong(25), r.getLong(26))));
        }
        return new EventSummary(out);
    }

    /** Spark's order for text: by UTF-8 bytes, so tables sort as they did when Spark sorted them. */
    static int compareText(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Text order with nulls first (Spark's ascending default). */
    static final Comparator<String> TEXT = Comparator.nullsFirst(EventSummary::compareText);

    /** Compares instants, timestamps or nulls (nulls first). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareTime(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    }
}
