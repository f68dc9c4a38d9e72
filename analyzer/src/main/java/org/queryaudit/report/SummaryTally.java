package org.queryaudit.report;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.ResolveColumns;
import org.queryaudit.model.TagColumns;
import org.queryaudit.model.ViolationColumns;
import org.queryaudit.tag.PurposeReading;
import org.queryaudit.tag.TagRules;

/**
 * The event summary's cells counted one event at a time (issue 24): the pass adds each event of
 * the period as it derives it, {@code report --store} adds each stored event, and partial
 * tallies (one per task) merge into the run's. Both feeders use this one class, so the two
 * paths cannot drift; its cells are what {@link EventSummary}'s grouping of the events was.
 * Its size is the grain's (a few thousand cells a month), never the events'.
 */
public final class SummaryTally implements Serializable {
    /** The columns {@link #add} reads, in its order. */
    public static final List<String> COLUMNS = List.of(QueryEvent.REQUESTER_NAME, QueryEvent.REQUESTER_ORI, ResolveColumns.LEVEL,
            ResolveColumns.COMPONENT, ResolveColumns.BASIS, QueryEvent.OWNER_AGENCY, QueryEvent.OWNER_STATE, QueryEvent.MONTH,
            QueryEvent.SOURCE_SYSTEM, QueryEvent.QUERY_TYPE, ClassifyColumns.PATHWAY, ViolationColumns.VIOLATIONS,
            ClassifyColumns.DATA_CLASS, ClassifyColumns.AGREEMENT, ResolveColumns.STATE, TagColumns.TAGS, QueryEvent.OCCURRED_AT,
            TagColumns.PURPOSE, TagColumns.BENEFICIARIES);
    /** The immigration agencies of the shipped reason-tag file, which {@link EventSummary.Purposes#agencyNamed} counts. */
    private static final List<String> IMMIGRATION_AGENCIES = TagRules.shipped().immigrationAgencies();

    /** What a cell is grouped by. */
    private record Key(String requesterName, String requesterOri, String level, String component, String basis,
                       String ownerAgency, String ownerState, String month, String sourceSystem, String queryType,
                       String pathway, String ruleIds, String severities, String dataClass, String agreement,
                       String requesterState) implements Serializable {
    }

    /** What a cell counts. */
    private static final class Totals implements Serializable {
        long queries;
        long immigrationTagged;
        Object firstSeen;
        Object lastSeen;
        long civil;
        long criminal;
        long unspecified;
        long agencyNamed;
        long agencyOtherOffence;
        long agencyNotStated;

        void plus(Totals o) {
            queries += o.queries;
            immigrationTagged += o.immigrationTagged;
            if (o.firstSeen != null && (firstSeen == null || EventSummary.compareTime(o.firstSeen, firstSeen) < 0)) {
                firstSeen = o.firstSeen;
            }
            if (o.lastSeen != null && (lastSeen == null || EventSummary.compareTime(o.lastSeen, lastSeen) > 0)) {
                lastSeen = o.lastSeen;
            }
            civil += o.civil;
            criminal += o.criminal;
            unspecified += o.unspecified;
            agencyNamed += o.agencyNamed;
            agencyOtherOffence += o.agencyOtherOffence;
            agencyNotStated += o.agencyNotStated;
        }

        Totals copy() {
            Totals t = new Totals();
            t.plus(this);
            return t;
        }
    }

    private final Map<Key, Totals> cells = new HashMap<>();

    /**
     * Counts one event, given its values in {@link #COLUMNS}' order: the findings as the
     * evaluator's {@link Finding}s or as stored rows, lists as Java lists or Scala sequences,
     * times as {@link Instant} or {@link Timestamp}.
     */
    public void add(Object[] v) {
        Object violations = v[11];
        Key key = new Key((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4], (String) v[5], (String) v[6],
                (String) v[7], (String) v[8], (String) v[9], (String) v[10], joined(violations, false), joined(violations, true),
                (String) v[12], (String) v[13], (String) v[14]);
        Totals t = cells.get(key);
        if (t == null) {
            t = new Totals();
            cells.put(key, t);
        }
        t.queries++;
        if (SearchRows.contains(v[15], "immigration")) {
            t.immigrationTagged++;
        }
        // Spark's min and max of a column: nulls are passed over.
        Object at = v[16];
        if (at != null) {
            if (t.firstSeen == null || EventSummary.compareTime(at, t.firstSeen) < 0) {
                t.firstSeen = at;
            }
            if (t.lastSeen == null || EventSummary.compareTime(at, t.lastSeen) > 0) {
                t.lastSeen = at;
            }
        }
        String purpose = (String) v[17];
        boolean agency = overlaps(v[18]);
        if (PurposeReading.IMMIGRATION_CIVIL.equals(purpose)) {
            t.civil++;
        } else if (PurposeReading.IMMIGRATION_CRIMINAL.equals(purpose)) {
            t.criminal++;
        } else if (PurposeReading.IMMIGRATION.equals(purpose)) {
            t.unspecified++;
        }
        if (agency) {
            t.agencyNamed++;
            if (PurposeReading.OTHER_OFFENCE.equals(purpose)) {
                t.agencyOtherOffence++;
            } else if (PurposeReading.NOT_STATED.equals(purpose)) {
                t.agencyNotStated++;
            }
        }
    }

    /** Adds another tally's cells (another task's). */
    public void merge(SummaryTally other) {
        other.cells.forEach((k, t) -> {
            Totals mine = cells.get(k);
            if (mine == null) {
                cells.put(k, t.copy());
            } else {
                mine.plus(t);
            }
        });
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    public SummaryTally copy() {
        SummaryTally t = new SummaryTally();
        t.merge(this);
        return t;
    }

    /** The summary of every event added. */
    public EventSummary summary() {
        List<EventSummary.Cell> out = new ArrayList<>(cells.size());
        cells.forEach((k, t) -> out.add(new EventSummary.Cell(k.requesterName(), k.requesterOri(), k.level(), k.component(), k.basis(),
                k.ownerAgency(), k.ownerState(), k.month(), k.sourceSystem(), k.queryType(), k.pathway(), k.ruleIds(), k.severities(),
                t.queries, t.immigrationTagged, t.firstSeen, t.lastSeen,
                SearchRows.line(k.requesterName(), k.requesterOri(), k.ownerAgency(), k.ownerState(), k.month()), k.dataClass(),
                k.agreement(), k.requesterState(), new EventSummary.Purposes(t.civil, t.criminal, t.unspecified, t.agencyNamed,
                t.agencyOtherOffence, t.agencyNotStated))));
        return new EventSummary(out);
    }

    /** The findings' rule ids (or severities) joined with ';', as {@code concat_ws(";", violations.rule_id)}. */
    private static String joined(Object violations, boolean severity) {
        if (violations == null) {
            return "";
        }
        Iterable<?> all = violations instanceof List<?> l ? l : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) violations);
        StringBuilder b = null;
        for (Object o : all) {
            String s = o instanceof Finding f ? (severity ? f.severity() : f.ruleId())
                    : ((Row) o).getAs(severity ? "severity" : "rule_id");
            if (s == null) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s);
            } else {
                b.append(';').append(s);
            }
        }
        return b == null ? "" : b.toString();
    }

    /** Whether the beneficiaries name an immigration agency ({@code arrays_overlap}). */
    private static boolean overlaps(Object beneficiaries) {
        for (String agency : IMMIGRATION_AGENCIES) {
            if (SearchRows.contains(beneficiaries, agency)) {
                return true;
            }
        }
        return false;
    }
}
