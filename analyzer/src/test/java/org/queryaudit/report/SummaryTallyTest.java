package org.queryaudit.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queryaudit.TestSpark;
import org.queryaudit.engine.EventDerivation;
import org.queryaudit.engine.EventFeed;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.ResolveColumns;
import org.queryaudit.model.TagColumns;
import org.queryaudit.model.ViolationColumns;
import org.queryaudit.tag.PurposeReading;
import org.queryaudit.tag.TagRules;

/**
 * Issue 24: the event summary counted one event at a time, by the pass as it derives them or by
 * stored events, is the grouping of the events it replaced. The demo's events are counted both
 * ways, through Spark tasks, and compared with Spark's own grouping of the same events.
 */
class SummaryTallyTest {
    private static Dataset<Row> events;

    @BeforeAll
    static void demo() {
        events = TestSpark.events(org.queryaudit.DemoOutput.folder().resolve("events"));
    }

    /** The grouping the tally replaced: Spark's aggregation of the events at the summary's grain. */
    private static Set<EventSummary.Cell> grouped(Dataset<Row> events) {
        Column purpose = col(TagColumns.PURPOSE);
        Column agency = arrays_overlap(col(TagColumns.BENEFICIARIES),
                array(TagRules.shipped().immigrationAgencies().stream().map(functions::lit).toArray(Column[]::new)));
        Set<EventSummary.Cell> out = new HashSet<>();
        for (Row r : events.groupBy(col(QueryEvent.REQUESTER_NAME), col(QueryEvent.REQUESTER_ORI), col(ResolveColumns.LEVEL),
                        col(ResolveColumns.COMPONENT), col(ResolveColumns.BASIS), col(QueryEvent.OWNER_AGENCY), col(QueryEvent.OWNER_STATE),
                        col(QueryEvent.MONTH), col(QueryEvent.SOURCE_SYSTEM), col(QueryEvent.QUERY_TYPE), col(ClassifyColumns.PATHWAY),
                        concat_ws(";", col(ViolationColumns.VIOLATIONS + ".rule_id")),
                        concat_ws(";", col(ViolationColumns.VIOLATIONS + ".severity")),
                        col(ClassifyColumns.DATA_CLASS), col(ClassifyColumns.AGREEMENT), col(ResolveColumns.STATE))
                .agg(count("*"), tally(array_contains(col(TagColumns.TAGS), "immigration")),
                        min(QueryEvent.OCCURRED_AT), max(QueryEvent.OCCURRED_AT), min(xxhash64(col(QueryEvent.REQUESTER_NAME),
                                col(QueryEvent.REQUESTER_ORI), col(QueryEvent.OWNER_AGENCY), col(QueryEvent.OWNER_STATE), col(QueryEvent.MONTH))),
                        tally(purpose.equalTo(PurposeReading.IMMIGRATION_CIVIL)), tally(purpose.equalTo(PurposeReading.IMMIGRATION_CRIMINAL)),
                        tally(purpose.equalTo(PurposeReading.IMMIGRATION)), tally(agency),
                        tally(agency.and(purpose.equalTo(PurposeReading.OTHER_OFFENCE))),
                        tally(agency.and(purpose.equalTo(PurposeReading.NOT_STATED))))
                .collectAsList()) {
            out.add(new EventSummary.Cell(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                    r.getString(12), r.getLong(16), r.getLong(17), r.get(18), r.get(19), r.getLong(20), r.getString(13),
                    r.getString(14), r.getString(15), new EventSummary.Purposes(r.getLong(21), r.getLong(22), r.getLong(23),
                    r.getLong(24), r.getLong(25), r.getLong(26))));
        }
        return out;
    }

    private static Column tally(Column when) {
        return sum(when(when, 1).otherwise(0));
    }

    @Test
    void storedEventsTalliedAreSparksGrouping() {
        Set<EventSummary.Cell> expected = grouped(events);
        List<EventSummary.Cell> got = EventSummary.of(events).cells();
        assertEquals(expected.size(), got.size(), "one cell per group");
        assertEquals(expected, new HashSet<>(got));
        assertTrue(got.stream().anyMatch(c -> !c.ruleIds().isEmpty()), "the demo breaks rules");
        assertTrue(got.stream().anyMatch(c -> c.purposes().immigration() > 0), "and states immigration purposes");
        assertEquals(events.count(), got.stream().mapToLong(EventSummary.Cell::queries).sum());
    }

    /**
     * The pass's feed, given each event as the pass hands it over ({@link EventDerivation#SCHEMA}'s
     * order) in Spark tasks: the driver's merged tally is the same grouping.
     */
    @Test
    void thePassFeedMergedFromItsTasksIsSparksGrouping() {
        SummaryAccumulator acc = SummaryAccumulator.registered(TestSpark.session());
        EventFeed feed = acc.feed();
        int width = EventDerivation.SCHEMA.size();
        List<String> names = List.of(events.columns());
        int[] from = new int[width];
        for (int i = 0; i < width; i++) {
            from[i] = names.indexOf(EventDerivation.SCHEMA.fields()[i].name());
        }
        long fed = events.repartition(3).mapPartitions((MapPartitionsFunction<Row, Long>) rows -> {
            EventFeed.Part part = feed.open();
            long n = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                Object[] v = new Object[width];
                for (int i = 0; i < width; i++) {
                    v[i] = from[i] < 0 ? null : r.get(from[i]);
                }
                part.add(v);
                n++;
            }
            part.close();
            return List.of(n).iterator();
        }, Encoders.LONG()).collectAsList().stream().mapToLong(Long::longValue).sum();
        assertEquals(events.count(), fed);
        assertEquals(grouped(events), new HashSet<>(acc.value().summary().cells()));
    }

    /** One event's values in {@link SummaryTally#COLUMNS}' order, as the pass derives them (Java lists, findings). */
    private static Object[] event(String requester, String month, List<Finding> findings, List<String> tags, Instant at, String purpose,
                                  List<String> beneficiaries) {
        return new Object[] {requester, null, "federal", "ICE-ERO", "directory", "Los Altos CA PD", "CA", month, "ALPR", "search",
            "side door", findings, "alpr", null, null, tags, at, purpose, beneficiaries};
    }

    private static Finding finding(String rule, String severity) {
        return new Finding(rule, "Cal. Civ. Code 1798.90.55(b)", severity, "high", "in force", null, null, null, "shared out of state",
                null, null, null);
    }

    @Test
    void partialTalliesMergeToTheTallyOfAll() {
        Instant t1 = Instant.parse("2025-09-01T10:00:00Z");
        Instant t2 = Instant.parse("2025-09-03T10:00:00Z");
        Instant t3 = Instant.parse("2025-09-20T10:00:00Z");
        List<Finding> two = List.of(finding("CA-SB34", "high"), finding("CA-SB34-VERIFY", Finding.VERIFY));
        List<Object[]> all = List.of(
                event("ICE ERO", "2025-09", two, List.of("immigration"), t2, PurposeReading.IMMIGRATION_CIVIL, List.of("ICE-ERO")),
                event("ICE ERO", "2025-09", two, List.of(), t1, PurposeReading.OTHER_OFFENCE, List.of("ICE-HSI")),
                event("ICE ERO", "2025-09", two, List.of(), null, PurposeReading.NOT_STATED, List.of()),
                event("ICE ERO", "2025-09", List.of(), List.of(), t3, PurposeReading.NOT_STATED, List.of("FBI")),
                event("ICE ERO", "2025-10", two, List.of("immigration"), t3, PurposeReading.IMMIGRATION, List.of()));
        SummaryTally whole = new SummaryTally();
        all.forEach(whole::add);
        SummaryTally a = new SummaryTally();
        SummaryTally b = new SummaryTally();
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 ? a : b).add(all.get(i));
        }
        a.merge(b);
        Comparator<EventSummary.Cell> order = Comparator.comparing(EventSummary.Cell::month).thenComparing(EventSummary.Cell::ruleIds);
        List<EventSummary.Cell> cells = new ArrayList<>(whole.summary().cells());
        cells.sort(order);
        List<EventSummary.Cell> merged = new ArrayList<>(a.summary().cells());
        merged.sort(order);
        assertEquals(cells, merged, "merging tasks' tallies gives the tally of all");
        assertEquals(3, cells.size(), "a cell per month and set of findings");
        EventSummary.Cell sep = cells.stream().filter(c -> c.month().equals("2025-09") && !c.ruleIds().isEmpty()).findFirst().orElseThrow();
        assertEquals("CA-SB34;CA-SB34-VERIFY", sep.ruleIds());
        assertEquals("high;verify", sep.severities());
        assertEquals(3, sep.queries());
        assertEquals(1, sep.immigrationTagged());
        assertEquals(t1, sep.firstSeen(), "the earliest time, a row without one passed over");
        assertEquals(t2, sep.lastSeen());
        // ICE-ERO and ICE-HSI are immigration agencies: named twice, once with another offence.
        assertEquals(new EventSummary.Purposes(1, 0, 0, 2, 1, 0), sep.purposes());
        assertEquals(SearchRows.line("ICE ERO", null, "Los Altos CA PD", "CA", "2025-09"), sep.line());
        EventSummary.Cell none = cells.stream().filter(c -> c.ruleIds().isEmpty()).findFirst().orElseThrow();
        assertEquals("", none.severities());
        assertEquals(new EventSummary.Purposes(0, 0, 0, 0, 0, 0), none.purposes(), "the FBI is not an immigration agency");
    }
}
