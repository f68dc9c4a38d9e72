package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.base.HadoopFiles;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.evaluate.Rule;
import org.queryaudit.evaluate.RuleBook;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.TagColumns;
import org.queryaudit.tag.PurposeReading;

/**
 * {@code agencies/<slug>/}: for every requesting agency with a violation, its own
 * {@code violations.csv} (all of them) and a letter-ready {@code report.html}, written by
 * the executors, one requester per task group.
 */
public final class AgencyFolders {
    public static final String FOLDER = "agencies";
    static final int EVIDENCE_ROWS = 500;

    private AgencyFolders() {
    }

    /** Who a requester is, as the reports group it. */
    public record Requester(String name, String ori) implements java.io.Serializable {
        public String display() {
            return name != null ? name : ori != null ? ori : "(unknown requester)";
        }

        public String slug() {
            return Slug.of(display(), name + "\u0001" + ori);
        }
    }

    /** Page facts that come from elsewhere in the run. */
    public record Context(String period, String ruleDigest, int inputCount, Map<Requester, AgencyTotals> totals, RuleBook rules)
            implements java.io.Serializable {
    }

    /**
     * What the agency report says about one requester in all.
     *
     * @param queries       rows of the owners' audits
     * @param ownerSearches searches counted in each owner's audit (a search in three owners' audits is three)
     * @param found         its searches with a counted finding, each once, and the owners' rows showing them (searches.csv)
     * @param violations    its violations once per search and owner (agency_report.csv's), and their rows
     * @param verify        its findings to verify, the same way
     * @param byRule        its violations per rule, the same way
     */
    public record AgencyTotals(String level, String component, String basis, long queries, long ownerSearches,
                               SearchReport.RequesterSearches found, String firstSeen, String lastSeen,
                               TreeSet<String> owners, String partner287g, FindingSearches.Counts violations,
                               FindingSearches.Counts verify, Map<String, FindingSearches.Counts> byRule)
            implements java.io.Serializable {
    }

    /**
     * Writes the folders; returns the slug of every agency written, in requester order. The
     * violations are grouped by requester across the executors, and each task writes its
     * agencies' CSV and page itself: nothing per row passes through the driver.
     */
    public static Map<Requester, String> write(FileSystem fs, Path folder, Dataset<Row> violations, Context ctx)
            throws IOException {
        fs.mkdirs(folder);
        Dataset<Row> grouped = violations.repartition(col(QueryEvent.REQUESTER_NAME), col(QueryEvent.REQUESTER_ORI))
                .sortWithinPartitions(col(QueryEvent.REQUESTER_NAME).asc_nulls_first(),
                        col(QueryEvent.REQUESTER_ORI).asc_nulls_first(), col(QueryEvent.OCCURRED_AT), col(QueryEvent.EVENT_ID),
                        col("rule_id"));
        List<String> header = List.of(violations.columns());
        String folderUri = folder.toUri().toString();
        List<Requester> written = grouped.javaRDD().mapPartitions(rows -> {
            Path root = new Path(java.net.URI.create(folderUri));
            FileSystem efs = root.getFileSystem(HadoopFiles.configuration());
            // As on the driver: a report folder wants no .crc file beside each page (an executor has its own instance).
            efs.setWriteChecksum(false);
            List<Requester> done = new ArrayList<>();
            Group g = null;
            while (rows.hasNext()) {
                Row r = rows.next();
                Requester who = new Requester(r.getAs(QueryEvent.REQUESTER_NAME), r.getAs(QueryEvent.REQUESTER_ORI));
                if (g == null || !g.who.equals(who)) {
                    if (g != null) {
                        g.finish(efs, root, ctx);
                    }
                    g = new Group(who, efs, new Path(new Path(root, who.slug()), "violations.csv"), header);
                    done.add(who);
                }
                g.add(r);
            }
            if (g != null) {
                g.finish(efs, root, ctx);
            }
            return done.iterator();
        }).collect();
        List<Requester> ordered = new ArrayList<>(written);
        ordered.sort(java.util.Comparator.comparing(Requester::name, EventSummary.TEXT).thenComparing(Requester::ori, EventSummary.TEXT));
        Map<Requester, String> slugs = new LinkedHashMap<>();
        ordered.forEach(who -> slugs.put(who, who.slug()));
        return slugs;
    }

    /**
     * What the reason says the search was for, and for whom: "civil immigration enforcement, for
     * ICE-ERO", "another offence, for ICE-HSI", "not stated"; blank for events stored before the
     * purpose was read.
     */
    static String purpose(String purpose, List<String> beneficiaries) {
        if (purpose == null) {
            return ""; // events stored before issue 27 carry no reading of the purpose: blank, never "not stated"
        }
        String words = PurposeReading.words(purpose);
        return beneficiaries == null || beneficiaries.isEmpty() ? words : words + ", for " + String.join(", ", beneficiaries);
    }

    /** One agency being written. */
    private static final class Group {
        final Requester who;
        final Writer writer;
        final CSVPrinter csv;
        final List<Map<String, Object>> evidence = new ArrayList<>();
        final Map<String, long[]> byRule = new TreeMap<>();
        long findings;
        long verify;

        Group(Requester who, FileSystem fs, Path file, List<String> header) throws IOException {
            this.who = who;
            this.writer = new OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8);
            this.csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            csv.printRecord(header);
        }

        void add(Row r) throws IOException {
            Object[] cells = new Object[r.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = CsvTable.cell(r.get(i));
            }
            csv.printRecord(cells);
            String rule = r.getAs("rule_id");
            String severity = r.getAs("severity");
            if (Finding.VERIFY.equals(severity)) {
                verify++;
            } else {
                findings++;
                byRule.computeIfAbsent(rule, k -> new long[1])[0]++;
            }
            if (evidence.size() < EVIDENCE_ROWS) {
                Map<String, Object> e = new HashMap<>();
                e.put("time", CsvTable.text(r.getAs(QueryEvent.OCCURRED_AT)));
                e.put("owner", r.getAs(QueryEvent.OWNER_AGENCY));
                e.put("queryType", r.getAs(QueryEvent.QUERY_TYPE));
                e.put("reason", r.getAs(QueryEvent.REASON));
                e.put("caseNumber", r.getAs(QueryEvent.CASE_NUMBER));
                e.put("purpose", purpose(r.getAs(TagColumns.PURPOSE), r.getList(r.fieldIndex(TagColumns.BENEFICIARIES))));
                e.put("pathway", r.getAs("pathway"));
                e.put("ruleId", rule);
                e.put("severity", severity);
                e.put("explanation", r.getAs("explanation"));
                evidence.add(e);
            }
        }

        void finish(FileSystem fs, Path folder, Context ctx) throws IOException {
            csv.close();
            AgencyTotals t = ctx.totals().get(who);
            Map<String, Object> scope = new HashMap<>();
            scope.put("css", HtmlPage.css());
            // An Nlets requester known only by its ORI is named by its component where the directory knows it: "ICE-ERO (WAICE0800)".
            scope.put("agency", who.name() == null && who.ori() != null && t != null && t.component() != null
                    ? t.component() + " (" + who.ori() + ")" : who.display());
            scope.put("ori", who.ori());
            scope.put("period", ctx.period());
            scope.put("level", t == null ? "unknown" : t.level());
            scope.put("component", t == null ? null : t.component());
            scope.put("basis", t == null ? "" : t.basis());
            scope.put("queries", t == null ? 0 : t.queries());
            scope.put("ownerSearches", t == null ? 0 : t.ownerSearches());
            scope.put("partner287g", t == null ? null : t.partner287g());
            scope.put("partnersAsOf", org.queryaudit.reference.Partners287g.AS_OF);
            scope.put("foundSearches", t == null ? 0 : t.found().searches());
            scope.put("foundRows", t == null ? 0 : t.found().ownerRows());
            scope.put("firstSeen", t == null ? "" : t.firstSeen());
            scope.put("lastSeen", t == null ? "" : t.lastSeen());
            scope.put("ownerCount", t == null ? 0 : t.owners().size());
            scope.put("owners", t == null ? "" : String.join("; ", t.owners()));
            // Counted as agency_report.csv counts them, once per search and owner; the rows written here beside them.
            scope.put("violations", t == null ? 0 : t.violations().searches());
            scope.put("violationRows", findings);
            scope.put("verify", t == null || t.verify().searches() == 0 ? null : t.verify().searches());
            List<Map<String, Object>> rules = new ArrayList<>();
            byRule.forEach((id, n) -> {
                Rule rule = ctx.rules().rule(id);
                Map<String, Object> m = new HashMap<>();
                m.put("ruleId", id);
                FindingSearches.Counts c = t == null ? null : t.byRule().get(id);
                m.put("count", c == null ? 0 : c.searches());
                m.put("rows", n[0]);
                m.put("citation", rule == null ? "" : rule.citation());
                m.put("status", rule == null ? "" : rule.status());
                m.put("confidence", rule == null ? "" : rule.confidence());
                m.put("notice", rule == null ? null : rule.notice());
                rules.add(m);
            });
            scope.put("rules", rules);
            scope.put("evidence", evidence);
            scope.put("evidenceShown", evidence.size());
            scope.put("inputCount", ctx.inputCount());
            scope.put("ruleDigest", ctx.ruleDigest());
            HtmlPage.write(fs, new Path(new Path(folder, who.slug()), "report.html"), "agency.mustache", scope);
        }
    }
}
