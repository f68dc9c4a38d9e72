package org.queryaudit.report;

import org.queryaudit.model.ResolveColumns;


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
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.QueryEvent;

/**
 * The researcher's view (UW Center for Human Rights style), under {@code research/}:
 * federal queries of DMV data by month x message key x federal component; front, back and
 * side door counts by ALPR owner (sums over the {@link EventSummary}); searches after a revocation
 * (sums over the agency report's findings);
 * and each ALPR owner's months at the search grain, with its top requesters (sums over the
 * agency report's rows and their {@link SearchGrain}). All small.
 */
public final class ResearchTables {
    public static final String FOLDER = "research";
    public static final String FEDERAL = "federal_queries_by_month.csv";
    public static final String DOORS = "doors_by_owner.csv";
    public static final String REVOCATION = "after_revocation.csv";
    public static final String OWNER_MONTHS = "owner_months.csv";
    public static final String TOP_REQUESTERS = "top_requesters.csv";
    public static final String NLETS_KEYS = "nlets_by_key.csv";
    public static final String PURPOSES = "immigration_purposes.csv";
    static final List<String> OWNER_MONTH_HEADER = List.of(QueryEvent.OWNER_STATE, QueryEvent.OWNER_AGENCY, QueryEvent.MONTH,
            "rows", "searches", "federal_searches", "requesters", "user_known", "users", "searches_per_user", "long_lookback", "lookback_known",
            "long_lookback_share", "multi_network", "networks_known", "multi_network_share", "blank_reason", "vague_reason",
            "reason_known", "blank_reason_share", "vague_reason_share", "off_hours", "hour_known", "off_hours_share");

    /**
     * Per owner and month with any immigration tag, stated immigration purpose or immigration
     * agency named: its queries and the immigration-tagged among them, the purposes stated (civil,
     * criminal, not said which), and apart from those the reasons naming an immigration agency
     * as assisted, with those of them whose stated purpose is another offence or none. An
     * owner-month with none of these has no row.
     */
    static final List<String> PURPOSE_HEADER = List.of(QueryEvent.OWNER_STATE, QueryEvent.OWNER_AGENCY, QueryEvent.MONTH,
            "queries", "immigration_tagged", "purpose_immigration_civil", "purpose_immigration_criminal",
            "purpose_immigration_unspecified", "immigration_agency_named", "agency_named_other_offence",
            "agency_named_purpose_not_stated");

    /** The tables, as written. */
    public record Tables(Table federal, Table doors, Table revocation, Table ownerMonths, Table topRequesters, Table nletsKeys,
                         Table purposes) {
    }

    /**
     * What the access agreements say of a federal DMV query: under a live agreement, after the
     * party's agreement ended, with none on file, or not known (no agreements listed for the
     * state and channel): UW CHR's before and after a cut-off.
     */
    static String access(EventSummary.Cell c) {
        if (c.agreement() != null) {
            return "back_door".equals(c.pathway()) ? "after its end" : "under it";
        }
        return "back_door".equals(c.pathway()) ? "no agreement on file" : "agreements not known";
    }

    /** Column names and rows of one small table. */
    public record Table(List<String> header, List<List<Object>> rows) {
    }

    private ResearchTables() {
    }

    public static Tables build(EventSummary summary, Set<String> revocationRules, List<AgencyReport.Line> lines,
                               SearchMeasures measures) {
        Map<List<String>, long[]> federal = new HashMap<>();
        Map<List<String>, long[]> doors = new HashMap<>();
        Map<List<String>, long[]> revoked = new HashMap<>();
        Map<List<String>, long[]> byKey = new HashMap<>();
        Map<List<String>, long[]> purposes = new HashMap<>();
        for (EventSummary.Cell c : summary.cells()) {
            EventSummary.Purposes p = c.purposes();
            long[] add = {c.queries(), c.immigrationTagged(), p.civil(), p.criminal(), p.unspecified(), p.agencyNamed(),
                p.agencyOtherOffence(), p.agencyNotStated()};
            long[] sum = purposes.computeIfAbsent(Arrays.asList(c.ownerState(), c.ownerAgency(), c.month()),
                    k -> new long[add.length]);
            for (int i = 0; i < add.length; i++) {
                sum[i] += add[i];
            }
            if (c.federal() && ("NLETS".equals(c.sourceSystem()) || "DMV_PORTAL".equals(c.sourceSystem()))) {
                federal.computeIfAbsent(Arrays.asList(c.ownerState(), c.month(), c.queryType(), c.dataClass(), c.component(),
                        c.pathway(), c.agreement(), access(c)), k -> new long[1])[0] += c.queries();
            }
            if ("NLETS".equals(c.sourceSystem())) {
                long[] k = byKey.computeIfAbsent(Arrays.asList(c.ownerState(), c.queryType(), c.dataClass()), x -> new long[2]);
                k[0] += c.queries();
                k[1] += c.federal() ? c.queries() : 0;
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
        }
        // Access after a revocation, as the violations count it: in searches (once per search and owner), rows beside.
        for (AgencyReport.Line l : lines) {
            l.findings().violationsByRule().forEach((rule, n) -> {
                if (revocationRules.contains(rule)) {
                    long[] r = revoked.computeIfAbsent(Arrays.asList(l.ownerState(), rule, l.month(), l.requesterName(),
                            l.requesterOri(), l.component()), k -> new long[2]);
                    r[0] += n.searches();
                    r[1] += n.rows();
                }
            });
        }
        purposes.values().removeIf(n -> n[1] + n[2] + n[3] + n[4] + n[5] == 0);
        List<String> doorHeader = new ArrayList<>(List.of(QueryEvent.OWNER_AGENCY, QueryEvent.OWNER_STATE, "queries"));
        doorHeader.addAll(AgencyReport.PATHWAYS);
        return new Tables(
                table(List.of(QueryEvent.OWNER_STATE, QueryEvent.MONTH, "message_key", ClassifyColumns.DATA_CLASS, "federal_component",
                        ClassifyColumns.PATHWAY, ClassifyColumns.AGREEMENT, "access", "queries"), federal, new int[] {0, 1, 2, 4, 5, 6}),
                table(doorHeader, doors, new int[] {1, 0}),
                table(List.of(QueryEvent.OWNER_STATE, "rule_id", QueryEvent.MONTH, QueryEvent.REQUESTER_NAME, QueryEvent.REQUESTER_ORI,
                        ResolveColumns.COMPONENT, "searches", "rows"), revoked, new int[] {0, 1, 2, 3, 4, 5}),
                ownerMonths(lines), topRequesters(lines, measures.topRequesters()),
                table(List.of(QueryEvent.OWNER_STATE, "message_key", ClassifyColumns.DATA_CLASS, "queries", "federal_queries"), byKey,
                        new int[] {0, 1}),
                table(PURPOSE_HEADER, purposes, new int[] {0, 1, 2}));
    }

    /**
     * Per ALPR owner and month, at the search grain (UW CHR and the audits in anchors.md describe
     * an owner's month this way): searches, federal searches, requesters, users, long look-backs,
     * multi-network searches, blank and vague reasons and off-hours searches, each beside the
     * searches for which it could be known and their share of those. Users are counted per
     * requesting agency and compared by hash.
     */
    static Table ownerMonths(List<AgencyReport.Line> lines) {
        Map<List<String>, long[]> sums = new HashMap<>();
        for (AgencyReport.Line l : lines) {
            SearchGrain.LineSearches g = l.grain();
            if (g.alprSearches() == 0) {
                continue;
            }
            long[] s = sums.computeIfAbsent(Arrays.asList(l.ownerState(), l.ownerAgency(), l.month()), k -> new long[15]);
            long[] add = {l.queries(), g.alprSearches(), "federal".equals(l.level()) ? g.alprSearches() : 0, 1, g.users(),
                g.userKnown(), g.longLookback(), g.lookbackKnown(), g.multiNetwork(), g.networksKnown(), g.blankReason(),
                g.vagueReason(), g.reasonKnown(), g.offHours(), g.hourKnown()};
            for (int i = 0; i < add.length; i++) {
                s[i] += add[i];
            }
        }
        List<List<String>> keys = sorted(sums.keySet(), new int[] {0, 1, 2});
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> k : keys) {
            long[] s = sums.get(k);
            List<Object> row = new ArrayList<>(k);
            row.addAll(List.of(s[0], s[1], s[2], s[3], s[5], s[4], ratio(s[5], s[4], 1), s[6], s[7], share(s[6], s[7]), s[8], s[9],
                    share(s[8], s[9]), s[10], s[11], s[12], share(s[10], s[12]), share(s[11], s[12]), s[13], s[14],
                    share(s[13], s[14])));
            rows.add(row);
        }
        return new Table(OWNER_MONTH_HEADER, rows);
    }

    /** Per ALPR owner and month, the requesters with the most searches (ties by name), with their share of the month. */
    static Table topRequesters(List<AgencyReport.Line> lines, int top) {
        Map<List<String>, List<AgencyReport.Line>> byOwnerMonth = new HashMap<>();
        Map<List<String>, Long> totals = new HashMap<>();
        for (AgencyReport.Line l : lines) {
            if (l.grain().alprSearches() > 0) {
                List<String> k = Arrays.asList(l.ownerState(), l.ownerAgency(), l.month());
                byOwnerMonth.computeIfAbsent(k, x -> new ArrayList<>()).add(l);
                totals.merge(k, l.grain().alprSearches(), Long::sum);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> k : sorted(byOwnerMonth.keySet(), new int[] {0, 1, 2})) {
            List<AgencyReport.Line> ls = new ArrayList<>(byOwnerMonth.get(k));
            ls.sort(Comparator.comparingLong((AgencyReport.Line l) -> l.grain().alprSearches()).reversed()
                    .thenComparing(AgencyReport.Line::requesterName, EventSummary.TEXT)
                    .thenComparing(AgencyReport.Line::requesterOri, EventSummary.TEXT));
            int rank = 0;
            for (AgencyReport.Line l : ls.subList(0, Math.min(top, ls.size()))) {
                List<Object> row = new ArrayList<>(k);
                row.addAll(Arrays.asList(++rank, l.requesterName(), l.requesterOri(), l.level(), l.component(),
                        l.grain().alprSearches(), share(l.grain().alprSearches(), totals.get(k)), l.queries()));
                rows.add(row);
            }
        }
        return new Table(List.of(QueryEvent.OWNER_STATE, QueryEvent.OWNER_AGENCY, QueryEvent.MONTH, "rank",
                QueryEvent.REQUESTER_NAME, QueryEvent.REQUESTER_ORI, ResolveColumns.LEVEL, ResolveColumns.COMPONENT, "searches",
                "share_of_owner_searches", "rows"), rows);
    }

    /** A share to three places, or blank where nothing could be known. */
    static String share(long part, long whole) {
        return ratio(part, whole, 3);
    }

    /** part / whole to the places given, or blank where whole is 0. */
    private static String ratio(long part, long whole, int places) {
        return whole == 0 ? "" : java.math.BigDecimal.valueOf(part).divide(java.math.BigDecimal.valueOf(whole), places,
                java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The keys in the order of the positions given (text order, nulls first). */
    private static List<List<String>> sorted(Set<List<String>> keys, int[] order) {
        List<List<String>> out = new ArrayList<>(keys);
        Comparator<List<String>> by = null;
        for (int i : order) {
            Comparator<List<String>> next = Comparator.comparing(k -> k.get(i), EventSummary.TEXT);
            by = by == null ? next : by.thenComparing(next);
        }
        out.sort(by);
        return out;
    }

    /** Keys then counts, one row per key, sorted by the key positions given (text order, nulls first). */
    private static Table table(List<String> header, Map<List<String>, long[]> sums, int[] order) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> k : sorted(sums.keySet(), order)) {
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
        write(fs, new Path(folder, OWNER_MONTHS), t.ownerMonths());
        write(fs, new Path(folder, TOP_REQUESTERS), t.topRequesters());
        write(fs, new Path(folder, NLETS_KEYS), t.nletsKeys());
        write(fs, new Path(folder, PURPOSES), t.purposes());
    }

    private static void write(FileSystem fs, Path file, Table t) throws IOException {
        CsvTable.write(fs, file, t.header(), t.rows().stream()
                .map(r -> org.apache.spark.sql.RowFactory.create(r.toArray())).iterator());
    }
}
