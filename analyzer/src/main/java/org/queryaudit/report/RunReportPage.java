package org.queryaudit.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.queryaudit.evaluate.Rule;
import org.queryaudit.evaluate.RuleBook;

/** {@code report.html}: the whole run for people: totals, charts, sortable tables, the method. */
public final class RunReportPage {
    public static final String FILE = "report.html";
    static final int TOP_AGENCIES = 15;
    static final int AGENCY_ROWS = 500;
    static final int RESEARCH_ROWS = 200;
    static final int TOP_OWNER_MONTHS = 12;

    private RunReportPage() {
    }

    /** Facts of the run the page states. */
    /** @param incomplete warnings that an input may have lost rows before it reached the run */
    public record Facts(String version, String period, int inputCount, RowCounts rows, String ruleDigest,
                        int directoryRows, int patternCount, boolean hashed, String keySource,
                        List<Map<String, Object>> inputs, List<String> incomplete) {
    }

    /** One (rule, severity) count from violations. */
    /** A rule's violations and findings to verify, with what the violations' reasons say they were for. */
    /** @param count violations once per search and owner; rows: their rows in violations.csv; verify: searches to verify */
    public record RuleCount(String ruleId, long count, long rows, long verify, EventSummary.Purposes purposes) {
    }

    public static void write(FileSystem fs, Path file, Facts facts, List<AgencyReport.Line> lines,
                             Map<AgencyFolders.Requester, String> slugs, List<RuleCount> ruleCounts, RuleBook book,
                             ResearchTables.Tables research, long violatingSearches, SearchMeasures measures) throws IOException {
        Map<String, Object> scope = new HashMap<>();
        scope.put("css", HtmlPage.css());
        scope.put("chartJs", HtmlPage.chartJs());
        scope.put("version", facts.version());
        scope.put("period", facts.period());
        scope.put("inputCount", facts.inputCount());
        scope.put("ruleDigest", facts.ruleDigest().substring(0, 12));
        scope.put("rowsRead", facts.rows().read());
        scope.put("quarantined", facts.rows().quarantined());
        scope.put("duplicates", facts.rows().duplicate());
        scope.put("incomplete", facts.incomplete());
        scope.put("hasIncomplete", !facts.incomplete().isEmpty());
        long events = 0;
        long ownerSearches = 0;
        long federal = 0;
        long immigration = 0;
        long violations = 0;
        long violationRows = 0;
        Map<String, long[]> months = new TreeMap<>();
        Map<String, Long> byAgency = new HashMap<>();
        long[] doors = new long[4];
        for (AgencyReport.Line l : lines) {
            // Violations once per search and owner; queries once, in the broadcast's own row, not again in its member states'.
            boolean own = l.via() == null;
            events += own ? l.queries() : 0;
            ownerSearches += own ? l.searches() : 0;
            federal += own ? l.federalQueries() : 0;
            immigration += own ? l.immigrationTagged() : 0;
            violations += l.violations();
            violationRows += l.findings().violations().rows();
            long[] m = months.computeIfAbsent(l.month(), k -> new long[2]);
            m[0] += own ? l.queries() : 0;
            m[1] += l.violations();
            byAgency.merge(l.requester(), l.violations(), Long::sum);
            doors[0] += l.byPathway()[0];
            doors[1] += l.byPathway()[1];
            doors[2] += l.byPathway()[2];
            doors[3] += l.byPathway()[4];
        }
        scope.put("events", events);
        scope.put("ownerSearches", ownerSearches);
        scope.put("violatingSearches", violatingSearches);
        scope.put("federal", federal);
        scope.put("immigration", immigration);
        scope.put("violations", violations);
        scope.put("violationRows", violationRows);
        scope.put("agenciesWithViolations", slugs.size());
        scope.put("topN", TOP_AGENCIES);

        List<Map.Entry<String, Long>> top = byAgency.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(TOP_AGENCIES).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("months", new ArrayList<>(months.keySet()));
        data.put("monthQueries", months.values().stream().map(v -> v[0]).toList());
        data.put("monthViolations", months.values().stream().map(v -> v[1]).toList());
        data.put("agencies", top.stream().map(Map.Entry::getKey).toList());
        data.put("agencyViolations", top.stream().map(Map.Entry::getValue).toList());
        data.put("pathways", List.of("front door", "back door", "side door", "share unknown"));
        data.put("pathwayCounts", List.of(doors[0], doors[1], doors[2], doors[3]));
        data.put("rules", ruleCounts.stream().map(RuleCount::ruleId).toList());
        data.put("ruleCounts", ruleCounts.stream().map(RuleCount::count).toList());
        ownerMonthChart(data, research.ownerMonths(), measures);
        scope.put("topOwnerMonths", TOP_OWNER_MONTHS);
        scope.put("data", HtmlPage.scriptJson(data));

        List<AgencyReport.Line> shown = lines.stream()
                .sorted(Comparator.comparingLong(AgencyReport.Line::violations).reversed()
                        .thenComparing(Comparator.comparingLong(AgencyReport.Line::queries).reversed()))
                .limit(AGENCY_ROWS).toList();
        List<Map<String, Object>> agencyLines = new ArrayList<>();
        for (AgencyReport.Line l : shown) {
            Map<String, Object> m = new HashMap<>();
            m.put("requester", l.requester());
            m.put("requester287g", l.requester287g());
            m.put("owner287g", l.owner287g());
            m.put("slug", slugs.get(new AgencyFolders.Requester(l.requesterName(), l.requesterOri())));
            m.put("level", l.level());
            m.put("component", l.component());
            m.put("ownerAgency", l.ownerAgency());
            m.put("via", l.via());
            m.put("violationRows", l.findings().violations().rows());
            m.put("ownerState", l.ownerState());
            m.put("month", l.month());
            m.put("queries", l.queries());
            m.put("searches", l.searches());
            m.put("federalQueries", l.federalQueries());
            m.put("immigrationTagged", l.immigrationTagged());
            m.put("violations", l.violations());
            m.put("front", l.byPathway()[0]);
            m.put("back", l.byPathway()[1]);
            m.put("side", l.byPathway()[2]);
            agencyLines.add(m);
        }
        scope.put("agencyLines", agencyLines);
        scope.put("agencyRows", lines.size());
        scope.put("agencyRowsShown", shown.size());

        List<Map<String, Object>> ruleLines = new ArrayList<>();
        for (RuleCount rc : ruleCounts) {
            Rule r = book.rule(rc.ruleId());
            Map<String, Object> m = new HashMap<>();
            m.put("ruleId", rc.ruleId());
            m.put("count", rc.count());
            m.put("rows", rc.rows());
            m.put("verify", rc.verify());
            m.put("immigrationPurpose", rc.purposes().immigration());
            m.put("agencyOtherOffence", rc.purposes().agencyOtherOffence());
            m.put("agencyNotStated", rc.purposes().agencyNotStated());
            m.put("citation", r == null ? "" : r.citation());
            m.put("status", r == null ? "" : r.status());
            m.put("confidence", r == null ? "" : r.confidence());
            ruleLines.add(m);
        }
        scope.put("ruleLines", ruleLines);
        // The review list: findings whose requester's class rests on weak or conflicting evidence,
        // per requester, never in the totals or charts above.
        Map<String, long[]> review = new java.util.TreeMap<>();
        for (AgencyReport.Line l : lines) {
            if (l.review() > 0) {
                review.computeIfAbsent(l.requester(), k -> new long[1])[0] += l.review();
            }
        }
        List<Map<String, Object>> reviewLines = new ArrayList<>();
        review.forEach((who, n) -> reviewLines.add(Map.of("requester", who, "count", n[0])));
        scope.put("reviewLines", reviewLines);
        scope.put("hasReview", !reviewLines.isEmpty());
        scope.put("reviewTotal", review.values().stream().mapToLong(v -> v[0]).sum());
        scope.put("research", List.of(
                table("Federal queries in Nlets and DMV portal logs by month, message key, data class, component and door",
                        "Nlets and DMV portal logs; the door and the access agreement each query came under or after (agreements.yaml); compare with published totals such as 2,671,776 federal queries of Washington DOL data in January-November 2025",
                        ResearchTables.FEDERAL, research.federal()),
                table("Nlets messages by key and data class",
                        "what each message reached: driver and vehicle records (where DMV rules apply), criminal history, an immigration status query to ICE, or a key not in message-keys.yaml (unknown)",
                        ResearchTables.NLETS_KEYS, research.nletsKeys()),
                table("Immigration purposes and immigration agencies, per owner and month",
                        "what the reasons say the search was for (civil or criminal immigration enforcement, or immigration not said which), and apart from that the reasons naming an immigration agency (ICE, HSI, CBP, Border Patrol, USCIS) as the one assisted, with those whose stated purpose is another offence (an HSI narcotics case) or none; owner-months with none of these are left out",
                        ResearchTables.PURPOSES, research.purposes()),
                table("ALPR queries by door, per owner",
                        "front door: shared with explicitly; back door: national or statewide lookup; side door: an in-state search for a federal or immigration agency",
                        ResearchTables.DOORS, research.doors()),
                table("Searches after a revocation", "access a state had cut off at the rule's date, once per search and owner, with the rows beside",
                        ResearchTables.REVOCATION, research.revocation()),
                table("ALPR owners by month, in searches",
                        "each owner's searches (a search released twice counted once), with long look-backs (over "
                                + measures.lookbackDays() + " days), multi-network searches, blank and vague reasons, users"
                                + " (hashed, per requesting agency) and searches off hours (" + measures.offHours().text()
                                + " in the owner's zone); each beside the searches for which it could be known",
                        ResearchTables.OWNER_MONTHS, research.ownerMonths()),
                table("Top requesters per ALPR owner and month", "most searches first, with their share of the owner's month",
                        ResearchTables.TOP_REQUESTERS, research.topRequesters())));
        scope.put("directoryRows", facts.directoryRows());
        scope.put("patternCount", facts.patternCount());
        scope.put("inputs", facts.inputs());
        scope.put("hashed", facts.hashed());
        scope.put("keySource", facts.keySource());
        HtmlPage.write(fs, file, "report.mustache", scope);
    }

    /** The owner-months with most searches, and the shares a reader compares across them. */
    private static void ownerMonthChart(Map<String, Object> data, ResearchTables.Table t, SearchMeasures measures) {
        List<String> h = t.header();
        List<List<Object>> top = t.rows().stream()
                .sorted(Comparator.comparingLong((List<Object> r) -> (Long) r.get(h.indexOf("searches"))).reversed())
                .limit(TOP_OWNER_MONTHS).toList();
        data.put("ownerMonths", top.stream().map(r -> r.get(1) + " " + r.get(2)).toList());
        for (String[] share : new String[][] {{"offHoursShare", "off_hours_share"}, {"blankShare", "blank_reason_share"},
            {"vagueShare", "vague_reason_share"}, {"lookbackShare", "long_lookback_share"}}) {
            int i = h.indexOf(share[1]);
            data.put(share[0], top.stream().map(r -> r.get(i).toString().isEmpty() ? null : Double.valueOf(r.get(i).toString()))
                    .toList());
        }
        data.put("offHours", measures.offHours().text());
        data.put("lookbackDays", measures.lookbackDays());
    }

    private static Map<String, Object> table(String title, String note, String file, ResearchTables.Table t) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("note", note + (t.rows().size() > RESEARCH_ROWS ? "; first " + RESEARCH_ROWS + " of " + t.rows().size() + " rows" : ""));
        m.put("file", file);
        m.put("header", t.header());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> r : t.rows().subList(0, Math.min(RESEARCH_ROWS, t.rows().size()))) {
            rows.add(Map.of("cells", r.stream().map(CsvTable::text).toList()));
        }
        m.put("rows", rows);
        return m;
    }
}
