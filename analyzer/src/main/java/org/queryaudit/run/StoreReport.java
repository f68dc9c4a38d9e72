package org.queryaudit.run;

import org.queryaudit.model.Period;

import org.queryaudit.base.StageClock;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.evaluate.RuleBook;
import org.queryaudit.base.ConfigException;
import org.queryaudit.ingest.InputPlanner;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.report.Manifest;
import org.queryaudit.store.MonthlyStore;
import org.queryaudit.report.OutputFolder;
import org.queryaudit.report.RowCounts;
import org.queryaudit.report.RunOutputs;
import org.queryaudit.report.RunReportPage;
import org.queryaudit.resolve.AgencyDirectory;
import org.queryaudit.tag.TagRules;

/**
 * The reports of a run, over the months a monthly store holds: the stored events are read
 * (never the old exports), and every output a run writes is written from them, except
 * quarantine and sharing audit, which belong to the runs (their manifests are in the store).
 */
public final class StoreReport {
    private final SparkSession spark;

    public StoreReport(SparkSession spark) {
        this.spark = spark;
    }

    /** What a store report needs to be told. */
    public record Options(String store, String out, Period period, java.nio.file.Path rules, List<String> command) {
    }

    public RunResult execute(Options opt) throws IOException {
        Instant started = Instant.now();
        opt.period().validate();
        Configuration hadoop = PreparedRun.hadoopConf();
        RuleBook rules = RuleBook.load(opt.rules());
        Path root = InputPlanner.toPath(opt.store());
        MonthlyStore store = MonthlyStore.read(root.getFileSystem(hadoop), root);
        OutputFolder out = OutputFolder.prepare(opt.out(), hadoop);
        try {
            RunResult r = write(opt, store, out, rules, started);
            out.commit();
            return r;
        } catch (RuntimeException | IOException e) {
            out.abandon();
            throw e;
        }
    }

    private RunResult write(Options opt, MonthlyStore store, OutputFolder out, RuleBook rules, Instant started) throws IOException {
        Period period = opt.period();
        StageClock clock = new StageClock();
        Map<String, List<MonthlyStore.Slice>> used = new LinkedHashMap<>();
        store.partitions().forEach((p, slices) -> {
            if (period.coversMonth(MonthlyStore.monthOf(p))) {
                used.put(p, slices);
            }
        });
        Dataset<Row> events = store.events(spark, period::coversMonth);
        if (events == null) {
            throw new ConfigException((period.given() ? period.text() : "the store") + ": no stored events; the store at "
                    + store.root() + " holds the months " + store.months() + ". Nothing was written");
        }
        long n;
        if (period.from() != null || period.to() != null) {
            events = events.filter(between(period));
            n = events.count();
        } else {
            n = used.values().stream().flatMap(List::stream).mapToLong(MonthlyStore.Slice::events).sum();
        }
        RowCounts total = new RowCounts(n, n, 0, 0, n);
        TreeSet<String> runs = new TreeSet<>();
        used.values().forEach(slices -> slices.forEach(s -> runs.add(s.run())));
        List<Map<String, Object>> inputs = new ArrayList<>();
        boolean hashed = true;
        String keySource = "";
        for (String run : runs) {
            JsonNode m = store.runManifest(run);
            hashed &= !m.path("sensitive").path("treatment").asText().startsWith("shown");
            keySource = m.path("sensitive").path("key").asText();
            for (JsonNode in : m.path("inputs")) {
                Map<String, Object> row = new HashMap<>();
                row.put("path", in.path("path").asText() + " (run " + run + ")");
                row.put("format", in.path("format").asText());
                row.put("owner", in.path("owner_agency").isNull() ? "per row" : in.path("owner_agency").asText() + " ("
                        + in.path("owner_state").asText() + ")");
                JsonNode rows = in.path("rows");
                row.put("read", rows.path("read").asLong());
                row.put("accepted", rows.path("accepted").asLong());
                row.put("duplicate", rows.path("duplicate").asLong());
                row.put("quarantined", rows.path("quarantined").asLong());
                row.put("sha256", in.path("sha256").asText());
                inputs.add(row);
            }
        }
        clock.lap("store: select months");
        AgencyDirectory directory = AgencyDirectory.load(null);
        TagRules tags = TagRules.shipped();
        RunReportPage.Facts facts = new RunReportPage.Facts(Sessions.toolVersion(), period.label(months(used)), inputs.size(), total,
                rules.sha256(), directory.rows().size(), tags.patterns().size(), hashed, keySource, inputs, List.of());
        Map<String, Long> outputs = new LinkedHashMap<>();
        // No pass here: the search rows come from the stored events, by the same code the pass feeds.
        Dataset<Row> searchRows = org.queryaudit.report.SearchRows.from(events, org.queryaudit.report.SearchMeasures.shipped(),
                org.queryaudit.reference.UsStates.shipped());
        org.queryaudit.report.EventSummary summary = org.queryaudit.report.EventSummary.of(events);
        clock.lap("report: event summary");
        RunOutputs.write(new RunOutputs.Inputs(out, summary, searchRows, events, false, rules, List.of(), false, facts, clock), outputs);

        Manifest manifest = new Manifest(Sessions.toolVersion());
        manifest.period(period.month(), period.from(), period.to());
        manifest.totals(total);
        manifest.outputs(outputs);
        ObjectNode from = manifest.root().putObject("store");
        from.put("path", store.root().toString());
        ObjectNode parts = from.putObject("partitions");
        used.forEach((p, slices) -> {
            ObjectNode node = parts.putObject(p);
            slices.forEach(s -> node.put(s.run(), s.events()));
        });
        runs.forEach(from.withArray("runs")::add);
        manifest.reference(directory, tags, rules, org.queryaudit.reference.RedactionMarkers.shipped().version());
        manifest.dataFiles(org.queryaudit.reference.DataFiles.digests(null));
        manifest.run(started, Instant.now(), spark.sparkContext().master(), spark.version(), opt.command());
        manifest.outputDigests(RunOutputs.digests(spark, out.fs(), out.root()));
        clock.lap("manifest");
        manifest.timings(clock.seconds());
        manifest.write(out.fs(), out.file(Manifest.FILE));
        return new RunResult(out.target().toString(), total, Map.of(), outputs);
    }

    private static org.apache.spark.sql.Column between(Period p) {
        org.apache.spark.sql.Column in = lit(true);
        if (p.from() != null) {
            in = in.and(col(QueryEvent.LOCAL_DATE).geq(lit(java.sql.Date.valueOf(p.from()))));
        }
        if (p.to() != null) {
            in = in.and(col(QueryEvent.LOCAL_DATE).leq(lit(java.sql.Date.valueOf(p.to()))));
        }
        return in;
    }

    private static TreeSet<String> months(Map<String, List<MonthlyStore.Slice>> used) {
        TreeSet<String> months = new TreeSet<>();
        used.keySet().forEach(k -> months.add(MonthlyStore.monthOf(k)));
        return months;
    }
}
