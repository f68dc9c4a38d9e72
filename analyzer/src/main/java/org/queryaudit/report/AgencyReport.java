package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.classify.ClassifyStage;
import org.queryaudit.classify.Pathway;
import org.queryaudit.evaluate.EvaluateStage;
import org.queryaudit.ingest.QueryEvent;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.tag.TagStage;

/**
 * {@code agency_report.csv} and {@code .json}: one row per requesting agency x data owner x
 * month, with queries, federal queries, immigration-tagged queries, violations in total and
 * by rule, queries by pathway, and first and last seen. Small (agencies x owners x months):
 * built by Spark, then read by the driver once for the CSV, the JSON and the HTML.
 */
public final class AgencyReport {
    public static final String FILE = "agency_report.csv";
    public static final String JSON_FILE = "agency_report.json";
    static final List<String> PATHWAYS = List.of(Pathway.FRONT_DOOR, Pathway.BACK_DOOR, Pathway.SIDE_DOOR, Pathway.IN_STATE,
            Pathway.SHARE_UNKNOWN);
    static final String[] KEYS = {QueryEvent.REQUESTER_NAME, QueryEvent.REQUESTER_ORI, ResolveStage.LEVEL,
        ResolveStage.COMPONENT, QueryEvent.OWNER_AGENCY, QueryEvent.OWNER_STATE, QueryEvent.MONTH};

    private AgencyReport() {
    }

    /** One row of the report. */
    public record Line(String requesterName, String requesterOri, String level, String component, String ownerAgency,
                       String ownerState, String month, long queries, long federalQueries, long immigrationTagged,
                       long violations, String violationsByRule, long[] byPathway, String firstSeen, String lastSeen) {
        public String requester() {
            return requesterName != null ? requesterName : Objects.requireNonNullElse(requesterOri, "(unknown)");
        }
    }

    public static List<Line> build(Dataset<Row> events) {
        List<Column> aggs = new ArrayList<>(List.of(
                count("*").alias("queries"),
                sum(when(col(ResolveStage.LEVEL).equalTo("federal"), 1).otherwise(0)).alias("federal_queries"),
                sum(when(org.apache.spark.sql.functions.array_contains(col(TagStage.TAGS), "immigration"), 1).otherwise(0))
                        .alias("immigration_tagged"),
                sum(size(col(EvaluateStage.VIOLATIONS))).alias("violations"),
                min(QueryEvent.OCCURRED_AT).alias("first_seen"), max(QueryEvent.OCCURRED_AT).alias("last_seen")));
        for (String p : PATHWAYS) {
            aggs.add(sum(when(col(ClassifyStage.PATHWAY).equalTo(p), 1).otherwise(0)).alias(p));
        }
        Column[] keys = java.util.Arrays.stream(KEYS).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Dataset<Row> main = events.groupBy(keys).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
        // Violations by rule, as "RULE=n;RULE=n" in rule order.
        // The key columns are renamed on this side so the join is not a self-join on the same names.
        Column[] renamed = java.util.Arrays.stream(KEYS).map(k -> col(k).alias("_k_" + k)).toArray(Column[]::new);
        Column[] renamedKeys = java.util.Arrays.stream(KEYS).map(k -> col("_k_" + k)).toArray(Column[]::new);
        Dataset<Row> byRule = events.select(concatKeys(renamed, explode(col(EvaluateStage.VIOLATIONS + ".rule_id")).alias("rule")))
                .groupBy(concatKeys(renamedKeys, col("rule"))).count()
                .groupBy(renamedKeys).agg(concat_ws(";", org.apache.spark.sql.functions.array_sort(
                        org.apache.spark.sql.functions.collect_list(concat_ws("=", col("rule"), col("count").cast("string")))))
                        .alias("violations_by_rule"));
        Column join = lit(true);
        for (String k : KEYS) {
            join = join.and(main.col(k).eqNullSafe(byRule.col("_k_" + k)));
        }
        Dataset<Row> joined = main.join(byRule, join, "left");
        List<Column> select = new ArrayList<>();
        for (String k : KEYS) {
            select.add(main.col(k));
        }
        for (String c : List.of("queries", "federal_queries", "immigration_tagged", "violations")) {
            select.add(col(c));
        }
        select.add(byRule.col("violations_by_rule"));
        PATHWAYS.forEach(p -> select.add(col(p)));
        select.add(col("first_seen"));
        select.add(col("last_seen"));
        List<Line> out = new ArrayList<>();
        for (Row r : joined.select(select.toArray(Column[]::new))
                .orderBy(col(QueryEvent.OWNER_STATE), col(QueryEvent.OWNER_AGENCY), col(QueryEvent.MONTH),
                        col(QueryEvent.REQUESTER_NAME).asc_nulls_first(), col(QueryEvent.REQUESTER_ORI).asc_nulls_first(),
                        col(ResolveStage.LEVEL), col(ResolveStage.COMPONENT).asc_nulls_first())
                .collectAsList()) {
            long[] p = new long[PATHWAYS.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = r.getLong(12 + i);
            }
            out.add(new Line(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    r.getString(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10),
                    r.isNullAt(11) ? "" : r.getString(11), p, CsvTable.cell(r.get(17)), CsvTable.cell(r.get(18))));
        }
        return out;
    }

    private static Column[] concatKeys(Column[] keys, Column extra) {
        Column[] all = java.util.Arrays.copyOf(keys, keys.length + 1);
        all[keys.length] = extra;
        return all;
    }

    static final List<String> HEADER = List.of("requester_name", "requester_ori", "requester_level", "requester_component",
            "owner_agency", "owner_state", "month", "queries", "federal_queries", "immigration_tagged", "violations",
            "violations_by_rule", "front_door", "back_door", "side_door", "in_state", "share_unknown", "first_seen", "last_seen");

    public static long writeCsv(FileSystem fs, Path file, List<Line> lines) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Line l : lines) {
            List<Object> v = new ArrayList<>(java.util.Arrays.asList(l.requesterName(), l.requesterOri(), l.level(),
                    l.component(), l.ownerAgency(), l.ownerState(), l.month(), l.queries(), l.federalQueries(),
                    l.immigrationTagged(), l.violations(), l.violationsByRule()));
            for (long p : l.byPathway()) {
                v.add(p);
            }
            v.add(l.firstSeen());
            v.add(l.lastSeen());
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
                n.putArray("owners");
                return n;
            });
            ObjectNode owner = byOwner.computeIfAbsent(rk + "\u0002" + l.ownerAgency(), k -> {
                ObjectNode n = ((ArrayNode) req.get("owners")).addObject();
                n.put("owner_agency", l.ownerAgency());
                n.put("owner_state", l.ownerState());
                n.putArray("months");
                return n;
            });
            ObjectNode m = ((ArrayNode) owner.get("months")).addObject();
            m.put("month", l.month());
            m.put("queries", l.queries());
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
