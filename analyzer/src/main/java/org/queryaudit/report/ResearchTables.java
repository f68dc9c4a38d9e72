package org.queryaudit.report;


import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.queryaudit.ingest.QueryEvent;
import org.queryaudit.resolve.ResolveStage;

/**
 * The researcher's view (UW Center for Human Rights style), under {@code research/}:
 * federal queries of DMV data by month x message key x federal component; front, back and
 * side door counts by ALPR owner; queries after a revocation. Sums over the {@link EventSummary}: small.
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

    public static Tables build(EventSummary summary, Set<String> revocationRules) {
        Map<List<String>, long[]> federal = new HashMap<>();
        Map<List<String>, long[]> doors = new HashMap<>();
        Map<List<String>, long[]> revoked = new HashMap<>();
        for (EventSummary.Cell c : summary.cells()) {
            if (c.federal() && ("NLETS".equals(c.sourceSystem()) || "DMV_PORTAL".equals(c.sourceSystem()))) {
                federal.computeIfAbsent(Arrays.asList(c.ownerState(), c.month(), c.queryType(), c.component()), k -> new long[1])[0]
                        += c.queries();
            }
            if ("ALPR".equals(c.sourceSystem())) {
                long[] d = doors.computeIfAbsent(Arrays.asList(c.ownerAgency(), c.ownerState()),
                        k -> new long[1 + AgencyReport.PATHWAYS.size()]);
                d[0] += c.queries();
                int door = AgencyReport.PATHWAYS.indexOf(c.pathway());
                if (door >= 0) {
                    d[1 + door] += c.queries();
                }
            }
            for (String rule : c.rules()) {
                if (revocationRules.contains(rule)) {
                    revoked.computeIfAbsent(Arrays.asList(c.ownerState(), rule, c.month(), c.requesterName(), c.requesterOri(),
                            c.component()), k -> new long[1])[0] += c.queries();
                }
            }
        }
        List<String> doorHeader = new ArrayList<>(List.of(QueryEvent.OWNER_AGENCY, QueryEvent.OWNER_STATE, "queries"));
        doorHeader.addAll(AgencyReport.PATHWAYS);
        return new Tables(
                table(List.of(QueryEvent.OWNER_STATE, QueryEvent.MONTH, "message_key", "federal_component", "queries"), federal,
                        new int[] {0, 1, 2, 3}),
                table(doorHeader, doors, new int[] {1, 0}),
                table(List.of(QueryEvent.OWNER_STATE, "rule_id", QueryEvent.MONTH, QueryEvent.REQUESTER_NAME, QueryEvent.REQUESTER_ORI,
                        ResolveStage.COMPONENT, "queries"), revoked, new int[] {0, 1, 2, 3, 4, 5}));
    }

    /** Keys then counts, one row per key, sorted by the key positions given (text order, nulls first). */
    private static Table table(List<String> header, Map<List<String>, long[]> sums, int[] order) {
        List<List<String>> keys = new ArrayList<>(sums.keySet());
        Comparator<List<String>> by = null;
        for (int i : order) {
            Comparator<List<String>> next = Comparator.comparing(k -> k.get(i), EventSummary.TEXT);
            by = by == null ? next : by.thenComparing(next);
        }
        keys.sort(by);
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> k : keys) {
            List<Object> row = new ArrayList<>(k);
            for (long n : sums.get(k)) {
                row.add(n);
            }
            rows.add(row);
        }
        return new Table(header, rows);
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
