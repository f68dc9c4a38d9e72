package org.queryaudit.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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

    /**
     * The summary of stored events: each task tallies its own ({@link SummaryTally}), as the
     * pass does while it derives them ({@link SummaryAccumulator#feed}).
     */
    public static EventSummary of(Dataset<Row> events) {
        return SummaryAccumulator.of(events);
    }

    /** Spark's order for text: by UTF-8 bytes, so tables sort as they did when Spark sorted them. */
    static int compareText(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Text order with nulls first (Spark's ascending default). */
    public static final Comparator<String> TEXT = Comparator.nullsFirst(EventSummary::compareText);

    /** Compares instants, timestamps or nulls (nulls first). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareTime(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    }
}
