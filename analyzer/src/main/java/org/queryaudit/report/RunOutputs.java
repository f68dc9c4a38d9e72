package org.queryaudit.report;

import org.queryaudit.store.EventStore;


import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.evaluate.Rule;
import org.queryaudit.evaluate.RuleBook;
import org.queryaudit.evaluate.SharingAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every report of a run from the stored events, in the order a reader needs them
 * (the manifest is written last, by the caller). Each output is made once: the agency report
 * feeds its CSV, its JSON and both HTML pages.
 */
public final class RunOutputs {
    private static final Logger LOG = LoggerFactory.getLogger("queryaudit");

    private RunOutputs() {
    }

    /**
     * What the reports need from the rest of the run.
     *
     * @param summary    the events counted at the summary's grain: tallied by the pass, or from stored events
     * @param searchRows every event's {@link SearchRows}: fed by the pass, or derived from stored events
     * @param flagged    events among which every flagged one is ({@link FlaggedReport#isFlagged}): the pass's copies, or the stored events
     * @param copies     whether {@code flagged} are the pass's copies (read again per report) or all events (the flagged kept once)
     */
    public record Inputs(OutputFolder out, EventSummary summary, Dataset<Row> searchRows, Dataset<Row> flagged, boolean copies, RuleBook rules,
                         List<SharingAudit.Row> sharingAudit, boolean sharingGiven, RunReportPage.Facts facts,
                         org.queryaudit.base.StageClock clock) {
    }

    public static Map<String, Long> write(Inputs in, Map<String, Long> outputs) throws IOException {
        FileSystem fs = in.out().fs();
        EventSummary summary = in.summary();
        SearchMeasures measures = SearchMeasures.shipped();
        Dataset<Row> kept = in.copies() ? FlaggedReport.fromCopies(in.flagged()) : FlaggedReport.kept(in.flagged());
        SearchReport.Written searchesWritten;
        List<AgencyReport.Line> lines;
        ResearchTables.Tables research;
        Map<AgencyFolders.Requester, String> slugs;
        SearchGroups groups = SearchGroups.of(in.searchRows());
        try {
            Map<Long, SearchGrain.LineSearches> grain = SearchGrain.perLine(in.searchRows(), groups);
            in.clock().lap("report: search grain");
            Map<FindingSearches.Key, FindingSearches.Line> found = FindingSearches.of(kept);
            in.clock().lap("report: keep flagged events, count findings");
            lines = AgencyReport.build(summary, grain, found);
            outputs.put(AgencyReport.FILE, AgencyReport.writeCsv(fs, in.out().file(AgencyReport.FILE), lines));
            AgencyReport.writeJson(fs, in.out().file(AgencyReport.JSON_FILE), lines);
            Set<String> revocations = new TreeSet<>();
            in.rules().rules().stream().filter(Rule::revocation).forEach(r -> revocations.add(r.id()));
            research = ResearchTables.build(summary, revocations, lines, measures);
            ResearchTables.write(fs, in.out().file(ResearchTables.FOLDER), research);
            in.clock().lap("report: agency report, research tables");
            long[] evidence = FlaggedReport.write(fs, in.out().file(FlaggedReport.FILE), in.out().file(ViolationsReport.FILE),
                    in.out().file(ViolationsReport.REVIEW_FILE), kept);
            outputs.put(FlaggedReport.FILE, evidence[0]);
            outputs.put(ViolationsReport.FILE, evidence[1]);
            outputs.put(ViolationsReport.REVIEW_FILE, evidence[2]);
            in.clock().lap("report: flagged, violations");
            searchesWritten = SearchReport.write(fs, in.out().file(SearchReport.FILE), kept, groups, SearchRows.ownerNames(summary));
            outputs.put(SearchReport.FILE, searchesWritten.searches());
            in.clock().lap("report: searches");
            Map<AgencyFolders.Requester, AgencyFolders.AgencyTotals> totals = totals(summary, lines, searchesWritten.byRequester());
            // From the kept flagged events: every violation is on one.
            slugs = AgencyFolders.write(fs, in.out().file(AgencyFolders.FOLDER), ViolationsReport.rows(kept),
                    new AgencyFolders.Context(in.facts().period(), in.facts().ruleDigest(), in.facts().inputCount(), totals, in.rules()));
            outputs.put(AgencyFolders.FOLDER, (long) slugs.size());
            in.clock().lap("report: agency folders");
        } finally {
            kept.unpersist();
            groups.unpersist();
        }
        LOG.info("report: {} agency report rows, {} events flagged, {} violations", lines.size(),
                outputs.get(FlaggedReport.FILE), outputs.get(ViolationsReport.FILE));
        if (in.sharingGiven()) {
            long[] shares = SharingAuditReport.write(fs, in.out().file(SharingAuditReport.FILE),
                    in.out().file(SharingAuditReport.REVIEW_FILE), in.sharingAudit());
            outputs.put(SharingAuditReport.FILE, shares[0]);
            outputs.put(SharingAuditReport.REVIEW_FILE, shares[1]);
        }

        RunReportPage.write(fs, in.out().file(RunReportPage.FILE), in.facts(), lines, slugs, ruleCounts(summary, lines), in.rules(),
                research, searchesWritten.searches(), measures);
        in.clock().lap("report: report.html");
        LOG.info("report: report.html and {} agency folder(s) written", slugs.size());
        return outputs;
    }

    /**
     * Violations and, apart, those marked "verify", per rule, in rule order (those to review are in
     * review.csv): in searches, once per search and owner, with the rows beside them; the purposes
     * the violations' reasons state are counted in rows.
     */
    private static List<RunReportPage.RuleCount> ruleCounts(EventSummary summary, List<AgencyReport.Line> lines) {
        Map<String, long[]> byRule = new TreeMap<>(EventSummary::compareText);
        for (AgencyReport.Line l : lines) {
            l.findings().violationsByRule().forEach((rule, n) -> {
                long[] c = byRule.computeIfAbsent(rule, k -> new long[3]);
                c[0] += n.searches();
                c[1] += n.rows();
            });
            l.findings().verifyByRule().forEach((rule, n) -> byRule.computeIfAbsent(rule, k -> new long[3])[2] += n.searches());
        }
        Map<String, EventSummary.Purposes> purposes = new HashMap<>();
        for (EventSummary.Cell c : summary.cells()) {
            List<String> rules = c.rules();
            List<String> severities = c.severityList();
            for (int i = 0; i < rules.size(); i++) {
                String severity = i < severities.size() ? severities.get(i) : "";
                if (!Finding.REVIEW.equals(severity) && !Finding.VERIFY.equals(severity)) {
                    purposes.merge(rules.get(i), c.purposes(), EventSummary.Purposes::plus);
                }
            }
        }
        List<RunReportPage.RuleCount> out = new ArrayList<>();
        byRule.forEach((rule, n) -> out.add(new RunReportPage.RuleCount(rule, n[0], n[1], n[2],
                purposes.getOrDefault(rule, EventSummary.Purposes.NONE))));
        return out;
    }

    /**
     * Per requester, across owners and months: from the agency report, plus how it was identified.
     * Its queries and owner searches leave out the rows of a broadcast's member states (the
     * broadcast's own row holds them); its findings are the sums of its rows', once per search and owner.
     */
    private static Map<AgencyFolders.Requester, AgencyFolders.AgencyTotals> totals(EventSummary summary,
                                                                                   List<AgencyReport.Line> lines,
                                                                                   Map<AgencyFolders.Requester, SearchReport.RequesterSearches> found) {
        Map<AgencyFolders.Requester, String> basis = new HashMap<>();
        for (EventSummary.Cell c : summary.cells()) {
            basis.put(new AgencyFolders.Requester(c.requesterName(), c.requesterOri()), c.basis());
        }
        Map<AgencyFolders.Requester, AgencyFolders.AgencyTotals> out = new HashMap<>();
        for (AgencyReport.Line l : lines) {
            AgencyFolders.Requester who = new AgencyFolders.Requester(l.requesterName(), l.requesterOri());
            AgencyFolders.AgencyTotals t = out.get(who);
            TreeSet<String> owners = t == null ? new TreeSet<>() : t.owners();
            owners.add(l.ownerAgency());
            String first = t == null || l.firstSeen().compareTo(t.firstSeen()) < 0 ? l.firstSeen() : t.firstSeen();
            String last = t == null || l.lastSeen().compareTo(t.lastSeen()) > 0 ? l.lastSeen() : t.lastSeen();
            boolean own = l.via() == null;
            Map<String, FindingSearches.Counts> byRule = t == null ? new TreeMap<>() : t.byRule(); // rule ids are ASCII: natural order is byte order
            l.findings().violationsByRule().forEach((rule, n) -> byRule.merge(rule, n, FindingSearches.Counts::plus));
            FindingSearches.Counts violations = l.findings().violations();
            FindingSearches.Counts verify = l.findings().verify();
            out.put(who, new AgencyFolders.AgencyTotals(l.level(), l.component(), basis.get(who),
                    (t == null ? 0 : t.queries()) + (own ? l.queries() : 0), (t == null ? 0 : t.ownerSearches()) + (own ? l.searches() : 0),
                    found.getOrDefault(who, new SearchReport.RequesterSearches(0, 0)), first, last, owners, l.requester287g(),
                    t == null ? violations : t.violations().plus(violations), t == null ? verify : t.verify().plus(verify), byRule));
        }
        return out;
    }

    /**
     * SHA-256 of every report file written so far, by path inside the output folder, for
     * {@code verify}; the files are hashed by the executors, one task per file, so the cores
     * share a large run's gigabyte of CSV. The Parquet parts of {@code events/} are listed
     * with their sizes instead: hashing gigabytes of them would double a large run's I/O.
     */
    public static Map<String, String> digests(org.apache.spark.sql.SparkSession spark, FileSystem fs, Path folder)
            throws IOException {
        Map<String, String> out = new TreeMap<>();
        String root = fs.getFileStatus(folder).getPath().toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
        Map<String, String> relByUri = new HashMap<>();
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            String rel = s.getPath().toUri().getPath().substring(root.length()).replaceFirst("^/", "");
            if (rel.equals(Manifest.FILE)) {
                continue;
            }
            if (rel.startsWith(EventStore.FOLDER + "/")) {
                out.put(rel, "bytes:" + s.getLen());
                continue;
            }
            relByUri.put(s.getPath().toUri().toString(), rel);
        }
        InputHashes.of(spark, new ArrayList<>(relByUri.keySet())).forEach((uri, sha) -> out.put(relByUri.get(uri), sha));
        return out;
    }
}
