package org.queryaudit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.ingest.ConfigException;
import org.queryaudit.ingest.EventIngest;
import org.queryaudit.ingest.InputFile;
import org.queryaudit.ingest.InputPlan;
import org.queryaudit.ingest.ParsedRows;
import org.queryaudit.ingest.ProfileCatalog;
import org.queryaudit.ingest.QueryEvent;
import org.queryaudit.ingest.Share;
import org.queryaudit.ingest.SharingReader;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;
import org.queryaudit.resolve.AgencyResolver;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.tag.ReasonTagger;
import org.queryaudit.tag.TagStage;
import org.queryaudit.classify.ClassifyStage;
import org.queryaudit.classify.SharingIndex;
import org.queryaudit.evaluate.EvaluateStage;
import org.queryaudit.evaluate.RuleEvaluator;
import org.queryaudit.evaluate.SharingAudit;
import org.queryaudit.report.RunOutputs;
import org.queryaudit.report.RunReportPage;
import org.queryaudit.report.SensitiveValues;
import org.queryaudit.report.EventStore;
import org.queryaudit.report.InputHashes;
import org.queryaudit.report.Manifest;
import org.queryaudit.report.OutputFolder;
import org.queryaudit.report.Quarantine;
import org.queryaudit.report.RowCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the pipeline over one set of inputs into one output folder. Everything that can
 * be wrong with the inputs' names, formats, owners or the output folder is found before any
 * row is read; the output appears only when the run has finished.
 */
public final class AuditRun {
    private static final Logger LOG = LoggerFactory.getLogger("queryaudit");
    private static final String IN_PERIOD = "in_period";
    private final SparkSession spark;
    private final ProfileCatalog catalog;

    public AuditRun(SparkSession spark, ProfileCatalog catalog) {
        this.spark = spark;
        this.catalog = catalog;
    }

    /** Runs a prepared run; the output folder appears only if it finishes. */
    public RunResult execute(PreparedRun run) throws IOException {
        InputPlan plan = run.plan();
        OutputFolder out = run.out();
        LOG.info("plan: {} event file(s), {} sharing file(s); writing to {}", plan.events().size(), plan.sharing().size(),
                out.target());
        try {
            RunResult result = write(run, new ArrayList<>(plan.warnings()), spark.sparkContext().hadoopConfiguration());
            out.commit();
            return result;
        } catch (RuntimeException | IOException e) {
            out.abandon();
            throw e;
        }
    }

    /** Checks and runs in one go. */
    public RunResult execute(RunOptions opt) throws IOException {
        return execute(PreparedRun.of(opt, catalog));
    }

    private RunResult write(PreparedRun run, List<String> warnings, Configuration hadoop) throws IOException {
        RunOptions opt = run.options();
        InputPlan plan = run.plan();
        OutputFolder out = run.out();
        Instant started = run.started();
        RedactionMarkers markers = RedactionMarkers.shipped();
        List<SharingReader.Rejected> sharingRejected = new ArrayList<>();
        List<Share> shares = new ArrayList<>();
        Map<String, RowCounts> perFile = new LinkedHashMap<>();
        for (InputFile f : plan.sharing()) {
            SharingReader.Result r = SharingReader.read(f, hadoop, markers);
            shares.addAll(r.shares());
            sharingRejected.addAll(r.rejected());
            perFile.put(f.displayPath(), new RowCounts(r.read(), r.shares().size(), 0, r.rejected().size(), r.shares().size()));
        }

        LOG.info("ingest: reading {} file(s)", plan.events().size());
        List<InputFile> all = plan.all();
        // Inputs are hashed while they are parsed: the key for sensitive values needs the digests.
        java.util.concurrent.CompletableFuture<Map<String, String>> hashing = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> InputHashes.of(spark, all.stream().map(InputFile::uri).toList()));
        // Every row is parsed once, into a staging Parquet that every later step reads.
        StageClock clock = new StageClock();
        // Not "_staging": Spark treats a leaf path starting with '_' or '.' as hidden.
        org.apache.hadoop.fs.Path staging = out.file("staging.parquet");
        EventIngest.parse(spark, plan.events()).write().parquet(staging.toString());
        clock.lap("ingest: parse");
        // The schema is given: a run whose inputs hold no rows stages no Parquet file to infer one from.
        Dataset<Row> marked = EventIngest.account(spark.read().schema(ParsedRows.SCHEMA).parquet(staging.toString()))
                .withColumn(IN_PERIOD, when(col(EventIngest.STATUS).equalTo(EventIngest.ACCEPTED), period(opt)).otherwise(lit(false)));
        try {
            for (Row r : marked.groupBy(QueryEvent.SOURCE_FILE, EventIngest.STATUS, IN_PERIOD).count().collectAsList()) {
                String file = r.getString(0);
                String status = r.getString(1);
                long n = r.getLong(3);
                long selected = r.getBoolean(2) ? n : 0;
                RowCounts add = switch (status) {
                    case EventIngest.ACCEPTED -> new RowCounts(n, n, 0, 0, selected);
                    case EventIngest.DUPLICATE -> new RowCounts(n, 0, n, 0, 0);
                    default -> new RowCounts(n, 0, 0, n, 0);
                };
                perFile.merge(file, add, RowCounts::plus);
            }
            RowCounts total = perFile.values().stream().reduce(RowCounts.ZERO, RowCounts::plus);
            clock.lap("ingest: account");
            LOG.info("ingest: {} rows read: {} accepted, {} duplicate, {} quarantined; {} in the period",
                    total.read(), total.accepted(), total.duplicate(), total.quarantined(), total.selected());
            if (periodGiven(opt) && total.selected() == 0) {
                List<String> months = marked.filter(col(EventIngest.STATUS).equalTo(EventIngest.ACCEPTED))
                        .select(QueryEvent.MONTH).distinct().orderBy(QueryEvent.MONTH).limit(240)
                        .collectAsList().stream().map(r -> r.getString(0)).toList();
                throw new ConfigException(periodText(opt) + ": no accepted row falls in it; the inputs cover the month(s) "
                        + months + ". Nothing was written");
            }

            Map<String, String> sha = hashing.join();
            clock.lap("ingest: hash inputs");
            SensitiveValues sensitive = SensitiveValues.of(opt.showSensitive(), System.getenv("QUERYAUDIT_HASH_KEY"),
                    new ArrayList<>(sha.values()));

            Map<String, Long> outputs = new LinkedHashMap<>();
            Dataset<Row> events = marked.filter(col(IN_PERIOD))
                    .drop(ParsedRows.QUARANTINE_REASON, ParsedRows.RAW_TEXT, EventIngest.STATUS, IN_PERIOD);
            UsStates states = UsStates.shipped();
            LOG.info("resolve, tag, classify, evaluate: {} events", total.selected());
            events = ResolveStage.apply(events, new AgencyResolver(run.directory(), states));
            events = TagStage.apply(events, new ReasonTagger(run.tagRules(), states));
            events = ClassifyStage.apply(events, new SharingIndex(shares));
            events = EvaluateStage.apply(events, new RuleEvaluator(run.rules(), run.legalProcess()));
            Dataset<Row> toStore = sensitive.apply(events);
            EventStore.write(toStore, out.file(EventStore.FOLDER));
            clock.lap("resolve, tag, classify, evaluate, store");
            Dataset<Row> stored = EventStore.read(spark, out.file(EventStore.FOLDER), toStore.schema());
            outputs.put(EventStore.FOLDER, total.selected());
            outputs.put(Quarantine.FILE, Quarantine.write(out.fs(), out.file(Quarantine.FILE), spark,
                    spark.read().schema(ParsedRows.SCHEMA).parquet(staging.toString()), sharingRejected));
            out.fs().delete(staging, true);
            clock.lap("report: quarantine");

            List<SharingAudit.Row> audit = SharingAudit.audit(shares, new AgencyResolver(run.directory(), states), run.rules());
            RunReportPage.Facts facts = new RunReportPage.Facts(Sessions.toolVersion(), periodLabel(opt, stored), all.size(),
                    total, run.rules().sha256(), run.directory().rows().size(), run.tagRules().patterns().size(),
                    !sensitive.shown(), sensitive.keySource(), inputRows(all, sha, perFile));
            RunOutputs.write(new RunOutputs.Inputs(out, stored, run.rules(), audit, !plan.sharing().isEmpty(), facts, clock), outputs);

            Manifest manifest = new Manifest(Sessions.toolVersion());
            manifest.profiles(all.stream().map(InputFile::profile).filter(java.util.Objects::nonNull).toList());
            manifest.period(opt.month(), opt.from(), opt.to());
            for (InputFile f : all) {
                manifest.input(f, sha.get(f.uri()), perFile.getOrDefault(f.displayPath(), RowCounts.ZERO));
            }
            manifest.totals(total);
            manifest.root().put("sharing_rows", shares.size());
            manifest.outputs(outputs);
            manifest.sensitive(SensitiveValues.COLUMNS, sensitive.shown(), sensitive.keySource());
            warnings.forEach(w -> LOG.warn(w));
            manifest.warnings(warnings);
            manifest.reference(run.directory(), run.tagRules(), run.rules(), RedactionMarkers.shipped().version());
            manifest.outputDigests(RunOutputs.digests(out.fs(), out.root()));
            manifest.run(started, Instant.now(), spark.sparkContext().master(), spark.version(), opt.command());
            clock.lap("manifest");
            manifest.timings(clock.seconds());
            manifest.write(out.fs(), out.file(Manifest.FILE));
            return new RunResult(out.target().toString(), total, perFile, outputs);
        } finally {
            out.fs().delete(staging, true);
        }
    }

    /** "2025-09", "2025-01 to 2026-03", or the --from/--to dates: what the reports say the run covers. */
    private static String periodLabel(RunOptions opt, Dataset<Row> events) {
        if (opt.month() != null) {
            return opt.month();
        }
        if (opt.from() != null || opt.to() != null) {
            return (opt.from() == null ? "start" : opt.from().toString()) + " to " + (opt.to() == null ? "end" : opt.to().toString());
        }
        Row r = events.agg(org.apache.spark.sql.functions.min(QueryEvent.MONTH), org.apache.spark.sql.functions.max(QueryEvent.MONTH))
                .first();
        if (r.isNullAt(0)) {
            return "no events";
        }
        return r.getString(0).equals(r.getString(1)) ? r.getString(0) : r.getString(0) + " to " + r.getString(1);
    }

    private static List<Map<String, Object>> inputRows(List<InputFile> all, Map<String, String> sha,
                                                       Map<String, RowCounts> perFile) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InputFile f : all) {
            RowCounts c = perFile.getOrDefault(f.displayPath(), RowCounts.ZERO);
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("path", f.displayPath());
            m.put("format", f.formatId());
            m.put("owner", f.ownerAgency() == null ? "per row (" + f.ownerBasis() + ")" : f.ownerAgency() + " (" + f.ownerState() + ")");
            m.put("read", c.read());
            m.put("accepted", c.accepted());
            m.put("duplicate", c.duplicate());
            m.put("quarantined", c.quarantined());
            m.put("sha256", sha.get(f.uri()));
            rows.add(m);
        }
        return rows;
    }

    private static boolean periodGiven(RunOptions opt) {
        return opt.month() != null || opt.from() != null || opt.to() != null;
    }

    private static String periodText(RunOptions opt) {
        if (opt.month() != null) {
            return "--month " + opt.month();
        }
        return "--from " + (opt.from() == null ? "(start)" : opt.from()) + " --to " + (opt.to() == null ? "(end)" : opt.to());
    }

    /** Whether an accepted row is inside the run's period (owner-local months and dates). */
    private static Column period(RunOptions opt) {
        Column in = lit(true);
        if (opt.month() != null) {
            in = in.and(col(QueryEvent.MONTH).equalTo(opt.month()));
        }
        if (opt.from() != null) {
            in = in.and(col(QueryEvent.LOCAL_DATE).geq(lit(java.sql.Date.valueOf(opt.from()))));
        }
        if (opt.to() != null) {
            in = in.and(col(QueryEvent.LOCAL_DATE).leq(lit(java.sql.Date.valueOf(opt.to()))));
        }
        return in;
    }
}
