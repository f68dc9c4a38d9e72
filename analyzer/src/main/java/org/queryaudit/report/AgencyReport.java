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
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.queryaudit.classify.Pathway;
import org.queryaudit.evaluate.Finding;

/**
 * {@code agency_report.csv} and {@code .json}: one row per requesting agency x data owner x
 * month, with queries, federal queries, immigration-tagged queries, violations in total and
 * by rule, queries by pathway, and first and last seen. Small (agencies x owners x months):
 * summed from the {@link EventSummary}, then used for the CSV, the JSON and the HTML.
 */
public final class AgencyReport {
    public static final String FILE = "agency_report.csv";
    public static final String JSON_FILE = "agency_report.json";
    static final List<String> PATHWAYS = List.of(Pathway.FRONT_DOOR, Pathway.BACK_DOOR, Pathway.SIDE_DOOR, Pathway.IN_STATE,
            Pathway.SHARE_UNKNOWN);

    private AgencyReport() {
    }

    /** One row of the report. */
    public record Line(String requesterName, String requesterOri, String level, String component, String ownerAgency,
                       String ownerState, String month, long queries, long searches, long federalQueries, long immigrationTagged,
                       long violations, String violationsByRule, long verify, long review, long[] byPathway, String firstSeen,
                       String lastSeen, SearchGrain.LineSearches grain, String requester287g, String owner287g) {
        public String requester() {
            return requesterName != null ? requesterName : Objects.requireNonNullElse(requesterOri, "(unknown)");
        }
    }

    /**
     * The report's rows, in order, summed from the run's event summary.
     *
     * @param searches per row, its events at the search grain ({@link SearchGrain#perLine}): a row's queries are the
     *                 owner's rows, and a search released twice by one owner is two rows, one search
     */
    public static List<Line> build(EventSummary summary, Map<Long, SearchGrain.LineSearches> searches) {
        org.queryaudit.reference.Partners287g partners = org.queryaudit.reference.Partners287g.shipped();
        Map<List<String>, Acc> rows = new HashMap<>();
        for (EventSummary.Cell c : summary.cells()) {
            List<String> key = Arrays.asList(c.requesterName(), c.requesterOri(), c.level(), c.component(), c.ownerAgency(),
                    c.ownerState(), c.month());
            Acc a = rows.computeIfAbsent(key, k -> new Acc());
            a.queries += c.queries();
            a.line = c.line();
            if (a.requesterState == null) {
                a.requesterState = c.requesterState();
            }
            a.federal += c.federal() ? c.queries() : 0;
            a.immigration += c.immigrationTagged();
            List<String> rules = c.rules();
            List<String> severities = c.severityList();
            for (int i = 0; i < rules.size(); i++) {
                // Findings to verify (legal process shown) and to review (weak evidence of who asked) are counted apart.
                String severity = i < severities.size() ? severities.get(i) : "";
                if (Finding.VERIFY.equals(severity)) {
                    a.verify += c.queries();
                } else if (Finding.REVIEW.equals(severity)) {
                    a.review += c.queries();
                } else {
                    a.violations += c.queries();
                    a.byRule.merge(rules.get(i), c.queries(), Long::sum);
                }
            }
            int door = PATHWAYS.indexOf(c.pathway());
            if (door >= 0) {
                a.byPathway[door] += c.queries();
            }
            if (a.first == null || EventSummary.compareTime(c.firstSeen(), a.first) < 0) {
                a.first = c.firstSeen();
            }
            if (a.last == null || EventSummary.compareTime(c.lastSeen(), a.last) > 0) {
                a.last = c.lastSeen();
            }
        }
        List<Line> out = new ArrayList<>();
        rows.forEach((k, a) -> {
            List<String> rules = new ArrayList<>();
            a.byRule.forEach((rule, n) -> rules.add(rule + "=" + n));
            rules.sort(EventSummary::compareText);
            SearchGrain.LineSearches grain = searches.getOrDefault(a.line, SearchGrain.LineSearches.NONE);
            out.add(new Line(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), k.get(5), k.get(6), a.queries, grain.searches(),
                    a.federal, a.immigration, a.violations, String.join(";", rules), a.verify, a.review, a.byPathway,
                    CsvTable.cell(a.first), CsvTable.cell(a.last), grain,
                    partners.agreements(k.get(0), a.requesterState), partners.agreements(k.get(4), k.get(5))));
        });
        out.sort(Comparator.comparing(Line::ownerState, EventSummary.TEXT).thenComparing(Line::ownerAgency, EventSummary.TEXT)
                .thenComparing(Line::month, EventSummary.TEXT).thenComparing(Line::requesterName, EventSummary.TEXT)
                .thenComparing(Line::requesterOri, EventSummary.TEXT).thenComparing(Line::level, EventSummary.TEXT)
                .thenComparing(Line::component, EventSummary.TEXT));
        return out;
    }

    /** One row being summed. */
    private static final class Acc {
        long queries;
        long line;
        String requesterState;
        long federal;
        long immigration;
        long violations;
        long verify;
        long review;
        final Map<String, Long> byRule = new HashMap<>();
        final long[] byPathway = new long[PATHWAYS.size()];
        Object first;
        Object last;
    }

    static final List<String> HEADER = List.of("requester_name", "requester_ori", "requester_level", "requester_component",
            "owner_agency", "owner_state", "month", "queries", "searches", "federal_queries", "immigration_tagged", "violations",
            "violations_by_rule", "verify", "review", "front_door", "back_door", "side_door", "in_state", "share_unknown",
            "first_seen", "last_seen", "requester_287g", "owner_287g");

    public static long writeCsv(FileSystem fs, Path file, List<Line> lines) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Line l : lines) {
            List<Object> v = new ArrayList<>(java.util.Arrays.asList(l.requesterName(), l.requesterOri(), l.level(),
                    l.component(), l.ownerAgency(), l.ownerState(), l.month(), l.queries(), l.searches(), l.federalQueries(),
                    l.immigrationTagged(), l.violations(), l.violationsByRule(), l.verify(), l.review()));
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
            ObjectNode owner = byOwner.computeIfAbsent(rk + "\u0002" + l.ownerAgency(), k -> {
                ObjectNode n = ((ArrayNode) req.get("owners")).addObject();
                n.put("owner_agency", l.ownerAgency());
                n.put("owner_state", l.ownerState());
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
            ObjectNode rules = m.putObject("violations_by_rule");
            if (!l.violationsByRule().isEmpty()) {
                for (String kv : l.violationsByRule().split(";")) {
                    String[] p = kv.split("=", 2);
                    rules.put(p[0], Long.parseLong(p[1]));
                }
            }
            m.put("verify", l.verify());
            m.put("review", l.review());
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
