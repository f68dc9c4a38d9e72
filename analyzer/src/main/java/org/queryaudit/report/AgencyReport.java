package org.queryaudit.report;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.queryaudit.classify.Pathway;

/**
 * {@code agency_report.csv} and {@code .json}: one row per requesting agency x data owner x
 * month (x way in), with queries and searches, federal queries, immigration-tagged queries,
 * violations, findings to verify and to review counted in searches (once per search and owner:
 * a month released twice is one violation per search) with their rows beside them, violations by
 * rule, queries by pathway, and first and last seen. A multi-state broadcast's findings are rows
 * of the member states whose records it reached, naming the broadcast in {@code via}; the
 * broadcast's own row keeps its queries. Small (agencies x owners x months): summed from the
 * {@link EventSummary} and the {@link FindingSearches}, then used for the CSV, the JSON and the HTML.
 */
public final class AgencyReport {
    public static final String FILE = "agency_report.csv";
    public static final String JSON_FILE = "agency_report.json";
    static final List<String> PATHWAYS = List.of(Pathway.FRONT_DOOR, Pathway.BACK_DOOR, Pathway.SIDE_DOOR, Pathway.IN_STATE,
            Pathway.SHARE_UNKNOWN);

    private AgencyReport() {
    }

    /**
     * One row of the report.
     *
     * @param via      the way in where it is not the owner's own system (a broadcast), else null; such a row
     *                 counts the broadcast queries with a finding under the owner's rules, and is left out of
     *                 query totals, which the broadcast's own row already holds
     * @param findings its findings in searches and rows
     */
    public record Line(String requesterName, String requesterOri, String level, String component, String ownerAgency,
                       String ownerState, String via, String month, long queries, long searches, long federalQueries,
                       long immigrationTagged, FindingSearches.Line findings, long[] byPathway, String firstSeen,
                       String lastSeen, SearchGrain.LineSearches grain, String requester287g, String owner287g) {
        /** The requester as a reader names it: its name, else its component beside its ORI ("ICE-ERO (WAICE0100)"). */
        public String requester() {
            if (requesterName != null) {
                return requesterName;
            }
            if (requesterOri == null) {
                return "(unknown)";
            }
            return component != null ? component + " (" + requesterOri + ")" : requesterOri;
        }

        /** Searches with a violation (each once per owner). */
        public long violations() {
            return findings.violations().searches();
        }

        public long verify() {
            return findings.verify().searches();
        }

        public long review() {
            return findings.review().searches();
        }

        /** "RULE=searches" per rule, in rule order. */
        public String violationsByRule() {
            List<String> rules = new ArrayList<>();
            findings.violationsByRule().forEach((rule, n) -> rules.add(rule + "=" + n.searches()));
            return String.join(";", rules);
        }
    }

    /**
     * The report's rows, in order, summed from the run's event summary.
     *
     * @param searches per row, its events at the search grain ({@link SearchGrain#perLine}): a row's queries are the
     *                 owner's rows, and a search released twice by one owner is two rows, one search
     * @param findings per row, its findings in searches ({@link FindingSearches#of})
     */
    public static List<Line> build(EventSummary summary, Map<Long, SearchGrain.LineSearches> searches,
                                   Map<FindingSearches.Key, FindingSearches.Line> findings) {
        org.queryaudit.reference.Partners287g partners = org.queryaudit.reference.Partners287g.shipped();
        Map<List<String>, Acc> rows = new HashMap<>();
        Map<List<String>, EventSummary.Cell> requesters = new HashMap<>();
        // Rows by requester, owner agency and month: a broadcast's member rows take their times from it.
        Map<List<String>, Acc> byOwner = new HashMap<>();
        for (EventSummary.Cell c : summary.cells()) {
            List<String> key = Arrays.asList(c.requesterName(), c.requesterOri(), c.level(), c.component(), c.ownerAgency(),
                    c.ownerState(), null, c.month());
            requesters.putIfAbsent(Arrays.asList(c.requesterName(), c.requesterOri()), c);
            Acc a = rows.computeIfAbsent(key, k -> new Acc());
            byOwner.putIfAbsent(Arrays.asList(c.requesterName(), c.requesterOri(), c.ownerAgency(), c.month()), a);
            a.queries += c.queries();
            a.line = c.line();
            if (a.requesterState == null) {
                a.requesterState = c.requesterState();
            }
            a.federal += c.federal() ? c.queries() : 0;
            a.immigration += c.immigrationTagged();
            int door = PATHWAYS.indexOf(c.pathway());
            if (door >= 0) {
                a.byPathway[door] += c.queries();
            }
            a.seen(c.firstSeen(), c.lastSeen());
        }
        // The findings of each row; a broadcast's are rows of their own, of the member state reached.
        Map<List<String>, FindingSearches.Line> found = new HashMap<>();
        findings.forEach((k, f) -> {
            EventSummary.Cell who = requesters.get(Arrays.asList(k.requesterName(), k.requesterOri()));
            String level = who == null ? null : who.level();
            String component = who == null ? null : who.component();
            List<String> key = Arrays.asList(k.requesterName(), k.requesterOri(), level, component, k.ownerAgency(),
                    k.ownerState(), k.via(), k.month());
            found.put(key, f);
            if (k.via() != null || !rows.containsKey(key)) {
                Acc a = rows.computeIfAbsent(key, x -> new Acc());
                a.queries = f.events();
                a.viaSearches = f.searches();
                a.requesterState = who == null ? null : who.requesterState();
                a.federal = who != null && who.federal() ? f.events() : 0;
                a.immigration = f.immigrationTagged();
                a.line = Long.MIN_VALUE;
                // The broadcast's own row holds its times: the member's row is dated by the same queries.
                Acc broadcast = byOwner.get(Arrays.asList(k.requesterName(), k.requesterOri(), k.via(), k.month()));
                if (broadcast != null) {
                    a.seen(broadcast.first, broadcast.last);
                }
            }
        });
        List<Line> out = new ArrayList<>();
        rows.forEach((k, a) -> {
            SearchGrain.LineSearches grain = searches.getOrDefault(a.line, SearchGrain.LineSearches.NONE);
            out.add(new Line(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), k.get(5), k.get(6), k.get(7), a.queries,
                    k.get(6) != null ? a.viaSearches : grain.searches(), a.federal, a.immigration,
                    found.getOrDefault(k, FindingSearches.Line.NONE), a.byPathway, CsvTable.cell(a.first), CsvTable.cell(a.last),
                    grain, partners.agreements(k.get(0), a.requesterState), partners.agreements(k.get(4), k.get(5))));
        });
        out.sort(Comparator.comparing(Line::ownerState, EventSummary.TEXT).thenComparing(Line::ownerAgency, EventSummary.TEXT)
                .thenComparing(Line::month, EventSummary.TEXT).thenComparing(Line::requesterName, EventSummary.TEXT)
                .thenComparing(Line::requesterOri, EventSummary.TEXT).thenComparing(Line::level, EventSummary.TEXT)
                .thenComparing(Line::component, EventSummary.TEXT).thenComparing(Line::via, EventSummary.TEXT));
        return out;
    }

    /** One row being summed. */
    private static final class Acc {
        long queries;
        long viaSearches;
        long line;
        String requesterState;
        long federal;
        long immigration;
        final long[] byPathway = new long[PATHWAYS.size()];
        Object first;
        Object last;

        void seen(Object from, Object to) {
            if (first == null || EventSummary.compareTime(from, first) < 0) {
                first = from;
            }
            if (last == null || EventSummary.compareTime(to, last) > 0) {
                last = to;
            }
        }
    }

    static final List<String> HEADER = List.of("requester_name", "requester_ori", "requester_level", "requester_component",
            "owner_agency", "owner_state", "via", "month", "queries", "searches", "federal_queries", "immigration_tagged",
            "violations", "violation_rows", "violations_by_rule", "verify", "verify_rows", "review", "review_rows", "front_door",
            "back_door", "side_door", "in_state", "share_unknown", "first_seen", "last_seen", "requester_287g", "owner_287g");

    public static long writeCsv(FileSystem fs, Path file, List<Line> lines) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Line l : lines) {
            FindingSearches.Line f = l.findings();
            List<Object> v = new ArrayList<>(java.util.Arrays.asList(l.requesterName(), l.requesterOri(), l.level(),
                    l.component(), l.ownerAgency(), l.ownerState(), l.via(), l.month(), l.queries(), l.searches(), l.federalQueries(),
                    l.immigrationTagged(), f.violations().searches(), f.violations().rows(), l.violationsByRule(),
                    f.verify().searches(), f.verify().rows(), f.review().searches(), f.review().rows()));
            for (long p : l.byPathway()) {
                v.add(p);
            }
            v.add(l.firstSeen());
            v.add(l.lastSeen());
            v.add(l.requester287g());
            v.add(l.owner287g());
            rows.add(org.apache.spark.sql.RowFactory.create(v.toArray()));
        }
        return CsvTable.write(fs, file, HEADER, rows.iterator());
    }

    /** The same rows nested: requester, then owner, then month. */
    public static void writeJson(FileSystem fs, Path file, List<Line> lines) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode requesters = root.putArray("requesters");
        java.util.Map<String, ObjectNode> byRequester = new java.util.TreeMap<>();
        java.util.Map<String, ObjectNode> byOwner = new java.util.HashMap<>();
        for (Line l : lines) {
            String rk = l.requesterName() + "\u0001" + l.requesterOri() + "\u0001" + l.level() + "\u0001" + l.component();
            ObjectNode req = byRequester.computeIfAbsent(rk, k -> {
                ObjectNode n = json.createObjectNode();
                n.put("name", l.requesterName());
                n.put("ori", l.requesterOri());
                n.put("level", l.level());
                n.put("component", l.component());
                n.put("partner_287g", l.requester287g());
                n.putArray("owners");
                return n;
            });
            ObjectNode owner = byOwner.computeIfAbsent(rk + "\u0002" + l.ownerAgency() + "\u0002" + l.via(), k -> {
                ObjectNode n = ((ArrayNode) req.get("owners")).addObject();
                n.put("owner_agency", l.ownerAgency());
                n.put("owner_state", l.ownerState());
                n.put("via", l.via());
                n.put("partner_287g", l.owner287g());
                n.putArray("months");
                return n;
            });
            ObjectNode m = ((ArrayNode) owner.get("months")).addObject();
            m.put("month", l.month());
            m.put("queries", l.queries());
            m.put("searches", l.searches());
            m.put("federal_queries", l.federalQueries());
            m.put("immigration_tagged", l.immigrationTagged());
            m.put("violations", l.violations());
            m.put("violation_rows", l.findings().violations().rows());
            ObjectNode rules = m.putObject("violations_by_rule");
            l.findings().violationsByRule().forEach((rule, n) -> rules.put(rule, n.searches()));
            m.put("verify", l.verify());
            m.put("verify_rows", l.findings().verify().rows());
            m.put("review", l.review());
            m.put("review_rows", l.findings().review().rows());
            ObjectNode doors = m.putObject("by_pathway");
            for (int i = 0; i < PATHWAYS.size(); i++) {
                doors.put(PATHWAYS.get(i), l.byPathway()[i]);
            }
            m.put("first_seen", l.firstSeen());
            m.put("last_seen", l.lastSeen());
        }
        byRequester.values().forEach(requesters::add);
        try (OutputStream out = fs.create(file, true)) {
            json.writeValue(out, root);
        }
    }
}
