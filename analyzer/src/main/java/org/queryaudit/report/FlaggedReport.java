package org.queryaudit.report;

import org.queryaudit.model.ResolveColumns;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.ViolationColumns;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.TagColumns;

/**
 * {@code flagged.csv}: every event with evidence of federal or immigration involvement (a
 * federal requester; an immigration, federal-assist or out-of-state-assist tag) or a finding,
 * with who asked, how that was known, the door it came through, the evidence for each tag and
 * the rules it broke. Vague and missing reasons, and out-of-state requesters that break no
 * rule, are counted in the reports, not listed (DESIGN.md). Rows are in owner state, owner,
 * source file and line order.
 */
public final class FlaggedReport {
    public static final String FILE = "flagged.csv";

    private FlaggedReport() {
    }

    /** flagged.csv's columns, in order. */
    static final List<String> COLUMNS = List.of(QueryEvent.EVENT_ID, QueryEvent.OCCURRED_AT, QueryEvent.SOURCE_FORMAT,
            QueryEvent.OWNER_AGENCY, QueryEvent.OWNER_STATE, QueryEvent.REQUESTER_NAME, QueryEvent.REQUESTER_ORI, ResolveColumns.LEVEL,
            ResolveColumns.STATE, ResolveColumns.DEPARTMENT, ResolveColumns.COMPONENT, ResolveColumns.IMMIGRATION, ResolveColumns.BASIS,
            ResolveColumns.STATE_BASIS, ClassifyColumns.PATHWAY, ClassifyColumns.AGREEMENT, QueryEvent.QUERY_TYPE, ClassifyColumns.DATA_CLASS, QueryEvent.REASON, QueryEvent.CASE_NUMBER,
            TagColumns.TAGS,
            TagColumns.EVIDENCE, TagColumns.BENEFICIARIES, TagColumns.PURPOSE, TagColumns.PURPOSE_EVIDENCE, "violation_rules", QueryEvent.SOURCE_FILE, QueryEvent.SOURCE_LINE);
    static final String LEGAL = "_legal_process";
    /** Columns of {@link #selected} after flagged.csv's own: what violations.csv and searches.csv add. */
    static final String FINDINGS = "_findings";
    static final String SEARCH = "_search_id";
    static final String REDACTED = "_redacted_fields";
    static final String MONTH = "_month";

    /** Whether an event belongs in flagged.csv: a federal requester, a federal or immigration tag, or a finding. */
    public static Column flagged() {
        return col(ResolveColumns.LEVEL).equalTo(lit("federal"))
                .or(array_contains(col(TagColumns.TAGS), "immigration"))
                .or(array_contains(col(TagColumns.TAGS), "federal_assist"))
                .or(array_contains(col(TagColumns.TAGS), "out_of_state_assist"))
                .or(size(col(ViolationColumns.VIOLATIONS)).gt(0));
    }

    private static final int LEVEL_AT = org.queryaudit.engine.EventDerivation.SCHEMA.fieldIndex(ResolveColumns.LEVEL);
    private static final int TAGS_AT = org.queryaudit.engine.EventDerivation.SCHEMA.fieldIndex(TagColumns.TAGS);
    private static final int VIOLATIONS_AT = org.queryaudit.engine.EventDerivation.SCHEMA.fieldIndex(ViolationColumns.VIOLATIONS);

    /**
     * {@link #flagged()} on a derived event's values, for the pass to keep its flagged events apart
     * (issue 24); {@link #selected} applies {@link #flagged()} again to what it kept, and
     * {@code report --store} applies it to the stored events, so no path lists a row the other does not.
     */
    public static boolean isFlagged(Object[] event) {
        Object tags = event[TAGS_AT];
        Object violations = event[VIOLATIONS_AT];
        return "federal".equals(event[LEVEL_AT]) || has(tags, "immigration") || has(tags, "federal_assist")
                || has(tags, "out_of_state_assist") || (violations instanceof java.util.Collection<?> c ? !c.isEmpty()
                : violations instanceof scala.collection.Iterable<?> i && i.nonEmpty());
    }

    private static boolean has(Object list, String tag) {
        return list instanceof java.util.Collection<?> c ? c.contains(tag) : list instanceof scala.collection.Seq<?> seq && seq.contains(tag);
    }

    /**
     * The flagged events, with flagged.csv's columns first, then what violations.csv adds: legal
     * process and the findings by rule id ({@link #ordered} puts them in report order: owner
     * state, owner, source file, line, event id).
     */
    static Dataset<Row> selected(Dataset<Row> events) {
        List<Column> select = new ArrayList<>();
        for (String c : COLUMNS) {
            select.add(c.equals("violation_rules") ? col(ViolationColumns.VIOLATIONS + ".rule_id").alias(c) : col(c));
        }
        select.add(col(QueryEvent.LEGAL_PROCESS).alias(LEGAL));
        select.add(array_sort(col(ViolationColumns.VIOLATIONS)).alias(FINDINGS));
        select.add(col(QueryEvent.SEARCH_ID).alias(SEARCH));
        select.add(col(QueryEvent.REDACTED_FIELDS).alias(REDACTED));
        select.add(col(QueryEvent.MONTH).alias(MONTH));
        return events.filter(flagged()).select(select.toArray(Column[]::new));
    }

    /** Rows in report order. */
    static Dataset<Row> ordered(Dataset<Row> flagged) {
        return flagged.orderBy(col(QueryEvent.OWNER_STATE), col(QueryEvent.OWNER_AGENCY), col(QueryEvent.SOURCE_FILE),
                        col(QueryEvent.SOURCE_LINE), col(QueryEvent.EVENT_ID));
    }

    /**
     * The flagged events with the columns of flagged.csv, violations.csv and searches.csv, kept
     * once: they are few, and the reports of flagged rows, violations and searches all read them
     * instead of scanning every event. The caller unpersists them.
     */
    public static Dataset<Row> kept(Dataset<Row> events) {
        return selected(events).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * The flagged events from the pass's copies of them ({@link org.queryaudit.ingest.RowKind#FLAGGED}):
     * not cached, as they are few and already apart, and building Spark's columnar cache of their
     * wide rows cost more than reading them again for each report.
     */
    public static Dataset<Row> fromCopies(Dataset<Row> copies) {
        return selected(copies);
    }

    /**
     * Writes flagged.csv and violations.csv in one sorted pass: every violation belongs to a
     * flagged event, and violations.csv's order (owner state, owner, file, line, rule) is
     * flagged.csv's with each event's findings by rule; findings to review go to review.csv in the
     * same order and columns. Returns {flagged rows, violation rows, review rows}.
     *
     * @param kept the flagged events ({@link #kept})
     */
    public static long[] write(FileSystem fs, Path flaggedFile, Path violationsFile, Path reviewFile, Dataset<Row> kept)
            throws IOException {
        int width = COLUMNS.size();
        int[] v = new int[ViolationsReport.EVENT_COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            String c = ViolationsReport.EVENT_COLUMNS.get(i);
            v[i] = c.equals(QueryEvent.LEGAL_PROCESS) ? width : COLUMNS.indexOf(c);
        }
        int split = ViolationsReport.EVENT_COLUMNS.indexOf(QueryEvent.SOURCE_FILE);
        // The finding's fields as violations.csv shows them; its own owner (a broadcast's member state) stands
        // in the event's owner columns instead.
        List<String> shown = ViolationsReport.findingColumns();
        int[] f = new int[shown.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = ViolationColumns.FINDING.fieldIndex(shown.get(i));
        }
        int[] owner = {ViolationsReport.EVENT_COLUMNS.indexOf(QueryEvent.OWNER_AGENCY), ViolationsReport.EVENT_COLUMNS.indexOf(QueryEvent.OWNER_STATE),
            ViolationColumns.FINDING.fieldIndex(ViolationColumns.FINDING_OWNER_AGENCY),
            ViolationColumns.FINDING.fieldIndex(ViolationColumns.FINDING_OWNER_STATE)};
        int severity = ViolationColumns.FINDING.fieldIndex("severity");
        return write(fs, flaggedFile, violationsFile, reviewFile, ordered(kept), width, v, split, f, owner, severity);
    }

    private static long[] write(FileSystem fs, Path flaggedFile, Path violationsFile, Path reviewFile, Dataset<Row> sorted,
                                int width, int[] v, int split, int[] findingColumns, int[] owner, int severity) throws IOException {
        return CsvTable.write(fs, List.of(flaggedFile, violationsFile, reviewFile),
                List.of(COLUMNS, ViolationsReport.HEADER, ViolationsReport.HEADER), sorted,
                (row, out, counts) -> {
                    Object[] cells = new Object[width];
                    for (int i = 0; i < width; i++) {
                        cells[i] = CsvTable.cell(row.get(i));
                    }
                    out[0].printRecord(cells);
                    counts[0]++;
                    List<Row> findings = row.getList(width + 1);
                    if (findings.isEmpty()) {
                        return;
                    }
                    Object[] line = new Object[v.length + findingColumns.length];
                    for (Row f : findings) {
                        int k = 0;
                        for (int i = 0; i < split; i++) {
                            line[k++] = CsvTable.cell(row.get(v[i]));
                        }
                        if (!f.isNullAt(owner[3])) {
                            line[owner[0]] = CsvTable.cell(f.get(owner[2]));
                            line[owner[1]] = CsvTable.cell(f.get(owner[3]));
                        }
                        for (int i : findingColumns) {
                            line[k++] = CsvTable.cell(f.get(i));
                        }
                        for (int i = split; i < v.length; i++) {
                            line[k++] = CsvTable.cell(row.get(v[i]));
                        }
                        // A finding whose requester's class rests on weak evidence is listed for review, never as a violation.
                        int to = Finding.REVIEW.equals(f.getString(severity)) ? 2 : 1;
                        out[to].printRecord(line);
                        counts[to]++;
                    }
                });
    }
}
