package org.queryaudit.run;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.StageClock;
import org.queryaudit.classify.AccessAgreements;
import org.queryaudit.classify.SharingIndex;
import org.queryaudit.engine.EventDerivation;
import org.queryaudit.engine.EventPass;
import org.queryaudit.engine.PassCounts;
import org.queryaudit.engine.StagedFiles;
import org.queryaudit.engine.TableRows;
import org.queryaudit.engine.SensitiveValues;
import org.queryaudit.evaluate.RuleEvaluator;
import org.queryaudit.evaluate.SharingAudit;
import org.queryaudit.ingest.ExportLimits;
import org.queryaudit.ingest.FileSlice;
import org.queryaudit.ingest.InputFile;
import org.queryaudit.ingest.InputPlan;
import org.queryaudit.ingest.InputPlanner;
import org.queryaudit.ingest.ProfileCatalog;
import org.queryaudit.ingest.QuarantineWriter;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.ingest.Share;
import org.queryaudit.ingest.SharingReader;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.EventTables;
import org.queryaudit.model.Period;
import org.queryaudit.model.QuarantinedRow;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.reference.DataFiles;
import org.queryaudit.reference.MessageKeys;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;
import org.queryaudit.report.EventSummary;
import org.queryaudit.report.FlaggedReport;
import org.queryaudit.report.InputHashes;
import org.queryaudit.report.LineCheck;
import org.queryaudit.report.Manifest;
import org.queryaudit.report.OutputFolder;
import org.queryaudit.report.Quarantine;
import org.queryaudit.report.RowCounts;
import org.queryaudit.report.RunOutputs;
import org.queryaudit.report.RunReportPage;
import org.queryaudit.report.SearchMeasures;
import org.queryaudit.report.SearchRows;
import org.queryaudit.report.SummaryAccumulator;
import org.queryaudit.resolve.AgencyResolver;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.store.EventStore;
import org.queryaudit.store.MonthlyStore;
import org.queryaudit.tag.ReasonTagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the pipeline over one set of inputs into one output folder. Everything that can
 * be wrong with the inputs' names, formats, owners or the output folder is found before any
 * row is read; the output appears only when the run has finished.
 */
public final class AuditRun {
    private static final Logger LOG = LoggerFactory.getLogger("queryaudit");
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
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        MonthlyStore store = null;
        try {
            if (run.options().store() != null) {
                Path storePath = InputPlanner.toPath(run.options().store());
                store = MonthlyStore.openForWriting(storePath.getFileSystem(hadoop), storePath);
            }
            RunResult result = write(run, new ArrayList<>(plan.warnings()), hadoop, store);
            out.commit();
            // The store changes only once the run's output is complete.
            if (store != null) {
                store.publish();
            }
            return result;
        } catch (RuntimeException | IOException e) {
            out.abandon();
            throw e;
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    /** Checks and runs in one go. */
    public RunResult execute(RunOptions opt) throws IOException {
        return execute(PreparedRun.of(opt, catalog));
    }

    /** The sharing files' shares and the rows that are no share. */
    private record Sharing(List<Share> shares, List<QuarantinedRow> rejected) {
    }

    private static Sharing readSharing(InputPlan plan, Configuration hadoop, RedactionMarkers markers, List<String> warnings,
                                       Map<String, RowCounts> perFile) {
        Sharing sharing = new Sharing(new ArrayList<>(), new ArrayList<>());
        for (InputFile f : plan.sharing()) {
            SharingReader.Result r = SharingReader.read(f, hadoop, markers);
            sharing.shares().addAll(r.shares());
            sharing.rejected().addAll(r.rejected());
            warnings.addAll(r.warnings());
            perFile.put(f.displayPath(), new RowCounts(r.read(), r.shares().size(), 0, r.rejected().size(), r.shares().size()));
        }
        return sharing;
    }

    private RunResult write(PreparedRun run, List<String> warnings, Configuration hadoop, MonthlyStore store) throws IOException {
        RunOptions opt = run.options();
        InputPlan plan = run.plan();
        OutputFolder out = run.out();
        RedactionMarkers markers = RedactionMarkers.shipped();
        Map<String, RowCounts> perFile = new LinkedHashMap<>();
        Sharing sharing = readSharing(plan, hadoop, markers, warnings, perFile);

        LOG.info("ingest: reading {} file(s)", plan.events().size());
        List<InputFile> all = plan.all();
        StageClock clock = new StageClock();
        // The key for sensitive values comes from the inputs' digests: they are hashed while the slices are planned.
        // The same read counts each file's lines, for the check of the accounting (LineCheck).
        CompletableFuture<Map<String, InputHashes.Census>> hashing = CompletableFuture.supplyAsync(
                () -> InputHashes.census(spark, all.stream().map(InputFile::uri).toList()));
        shufflePartitions(plan.events().stream().mapToLong(InputFile::size).sum());
        List<FileSlice> slices = EventPass.slices(spark, plan.events());
        Map<String, InputHashes.Census> census = hashing.join();
        Map<String, String> sha = new LinkedHashMap<>();
        census.forEach((uri, c) -> sha.put(uri, c.sha256()));
        clock.lap("ingest: plan slices, hash inputs");
        SensitiveValues sensitive = store == null
                ? SensitiveValues.of(opt.showSensitive(), System.getenv("QUERYAUDIT_HASH_KEY"), new ArrayList<>(sha.values()))
                : SensitiveValues.ofStore(opt.showSensitive(), System.getenv("QUERYAUDIT_HASH_KEY"), store.hashKey(),
                        new Path(store.root(), MonthlyStore.KEY).toString());
        UsStates states = UsStates.shipped();
        Period period = opt.period();
        AccessAgreements agreements = AccessAgreements.shipped();
        EventDerivation derivation = new EventDerivation(new ResolveStage(new AgencyResolver(run.directory(), states)),
                new ReasonTagger(run.tagRules(), states), new SharingIndex(sharing.shares()),
                new RuleEvaluator(run.rules(), run.legalProcess(), agreements, states), sensitive, period, MessageKeys.shipped(),
                agreements);
        // Not "_staged": Spark treats a leaf path starting with '_' or '.' as hidden.
        Path staged = out.file("staged.parquet");
        Path quarantined = out.file("staged-quarantine");
        Path searchRowsFolder = out.file(SearchRows.FOLDER);
        out.fs().mkdirs(searchRowsFolder);
        Path stagedRequesters = out.file("staged-" + EventTables.REQUESTERS);
        Path stagedReasons = out.file("staged-" + EventTables.REASONS);
        out.fs().mkdirs(stagedRequesters);
        out.fs().mkdirs(stagedReasons);
        // The reports fed by the pass as it derives each event, so they need not read the events again (issue 24).
        SummaryAccumulator tally = SummaryAccumulator.registered(spark);
        EventPass pass = new EventPass(states, markers, run.directory().destinations(), derivation,
                List.of(new TableRows(stagedRequesters.toString(), stagedReasons.toString()),
                        SearchRows.feed(searchRowsFolder.toString(), SearchMeasures.shipped(), states), tally.feed()),
                FlaggedReport::isFlagged);
        Path flaggedFolder = out.file("staged-flagged");
        try {
            PassCounts.Counts counts = stage(pass, slices, staged, quarantined, out);
            clock.lap("ingest, resolve, tag, classify, evaluate");
            // The schema is given: a run whose inputs hold no rows stages no Parquet file to infer one from.
            // The flagged events' copies are read apart, and never counted.
            Dataset<Row> rows = spark.read().schema(EventDerivation.STAGED).parquet(staged.toString())
                    .filter(col(RowKind.COLUMN).notEqual(RowKind.FLAGGED));
            Dataset<Row> unread = QuarantineWriter.read(spark, quarantined.toString());
            RowAccount account = RowAccount.of(counts, rows);
            account.perFile().forEach((file, c) -> perFile.merge(file, c, RowCounts::plus));
            RowCounts total = perFile.values().stream().reduce(RowCounts.ZERO, RowCounts::plus);
            clock.lap("ingest: account");
            LOG.info("ingest: {} rows read: {} accepted, {} duplicate, {} quarantined; {} in the period",
                    total.read(), total.accepted(), total.duplicate(), total.quarantined(), total.selected());
            if (period.given() && total.selected() == 0) {
                throw new ConfigException(period.text() + ": no accepted row falls in it; the inputs cover the month(s) "
                        + account.acceptedMonths() + ". Nothing was written");
            }
            Path eventsFolder = out.file(EventStore.FOLDER);
            account.storeEvents(rows, new Path(staged, RowKind.COLUMN + "=" + RowKind.EVENT), eventsFolder, out.fs());
            EventStore.Tables tables = EventStore.writeTables(spark, stagedRequesters.toString(), stagedReasons.toString(), out.root());
            clock.lap("store events");
            // The search rows name their file by its xxhash64.
            Dataset<Row> searchRows = withoutDrops(account, SearchRows.read(spark, searchRowsFolder.toString()),
                    org.apache.spark.sql.functions::xxhash64, SearchRows.FILE, SearchRows.SOURCE_LINE, copyOf(searchRowsFolder),
                    p -> SearchRows.read(spark, p.toString()));
            Path copies = new Path(staged, RowKind.COLUMN + "=" + RowKind.FLAGGED);
            if (out.fs().exists(copies) && !out.fs().rename(copies, flaggedFolder)) {
                throw new IOException("cannot move " + copies + " to " + flaggedFolder);
            }
            out.fs().mkdirs(flaggedFolder);
            Dataset<Row> flagged = withoutDrops(account, EventStore.read(spark, flaggedFolder, tables), f -> f, QueryEvent.SOURCE_FILE,
                    QueryEvent.SOURCE_LINE, copyOf(flaggedFolder), p -> EventStore.read(spark, p), QueryEvent.OWNER_STATE, QueryEvent.MONTH);
            Map<String, Long> outputs = new LinkedHashMap<>();
            Dataset<Row> stored = EventStore.read(spark, eventsFolder, tables);
            outputs.put(EventStore.FOLDER, total.selected());
            outputs.putAll(tables.rows());
            outputs.put(Quarantine.FILE, Quarantine.write(out.fs(), out.file(Quarantine.FILE), spark, unread, sharing.rejected()));
            out.fs().delete(staged, true);
            out.fs().delete(quarantined, true);
            clock.lap("report: quarantine");

            List<SharingAudit.Row> audit = SharingAudit.audit(sharing.shares(), new AgencyResolver(run.directory(), states), run.rules());
            Map<String, LineCheck> lineChecks = new LinkedHashMap<>();
            for (InputFile f : plan.events()) {
                lineChecks.put(f.uri(), LineCheck.of(census.get(f.uri()), f.dataLine(), account.lines().getOrDefault(f.displayPath(), 0L)));
            }
            List<String> incomplete = incomplete(plan, perFile, account, false);
            plan.events().stream().filter(f -> !lineChecks.get(f.uri()).ok())
                    .forEach(f -> incomplete.add(lineChecks.get(f.uri()).warning(f.displayPath())));
            warnings.addAll(incomplete);
            // The page a reader shares names each file, not the path on the machine that ran it (issue 25).
            List<String> incompleteByName = incomplete(plan, perFile, account, true);
            plan.events().stream().filter(f -> !lineChecks.get(f.uri()).ok())
                    .forEach(f -> incompleteByName.add(lineChecks.get(f.uri()).warning(fileName(f))));
            RunReportPage.Facts facts = new RunReportPage.Facts(Sessions.toolVersion(), period.label(new TreeSet<>(account.eventMonths())),
                    all.size(), total, run.rules().sha256(), run.directory().rows().size(), run.tagRules().patterns().size(),
                    !sensitive.shown(), sensitive.keySource(), inputRows(all, sha, perFile), incompleteByName);
            // The pass's tally counts the duplicates it could not yet know; without them, the stored events are counted.
            EventSummary summary = account.drops() == null ? tally.value().summary() : EventSummary.of(stored);
            clock.lap("report: event summary");
            RunOutputs.write(new RunOutputs.Inputs(out, summary, searchRows, flagged, true, run.rules(), audit, !plan.sharing().isEmpty(), facts, clock),
                    outputs);
            deleteAll(out, searchRowsFolder, flaggedFolder, stagedRequesters, stagedReasons);

            Manifest manifest = manifest(run, sha, perFile, lineChecks, total, sharing, outputs, sensitive, warnings);
            if (store != null) {
                store.addRun(stored, out.root(), runId(run.started(), sha), opt.replaceShorter(), manifest.root());
                clock.lap("store: add months");
            }
            manifest.outputDigests(RunOutputs.digests(spark, out.fs(), out.root()));
            clock.lap("manifest");
            manifest.timings(clock.seconds());
            manifest.write(out.fs(), out.file(Manifest.FILE));
            return new RunResult(out.target().toString(), total, perFile, outputs);
        } finally {
            out.fs().delete(staged, true);
            out.fs().delete(quarantined, true);
            deleteAll(out, searchRowsFolder, flaggedFolder, stagedRequesters, stagedReasons);
        }
    }

    /** The folders the pass fed the reports through, and their copies without duplicates. */
    private static void deleteAll(OutputFolder out, Path... folders) throws IOException {
        for (Path f : folders) {
            out.fs().delete(f, true);
            out.fs().delete(copyOf(f), true);
        }
    }

    private static Path copyOf(Path folder) {
        return new Path(folder.getParent(), folder.getName() + "-kept");
    }

    /**
     * Rows the pass fed the reports, without those of the duplicates dropped: all of them where
     * none repeats, else a copy without them, written while the staged rows that name the
     * duplicates still exist.
     */
    private static Dataset<Row> withoutDrops(RowAccount account, Dataset<Row> all,
                                             java.util.function.UnaryOperator<org.apache.spark.sql.Column> fileKey, String file,
                                             String line, Path copy,
                                             java.util.function.Function<Path, Dataset<Row>> read, String... partitionBy) {
        if (account.drops() == null) {
            return all;
        }
        account.withoutDrops(all, fileKey, file, line).write().partitionBy(partitionBy).parquet(copy.toString());
        return read.apply(copy);
    }

    /** The one pass: the rows that were read into {@code staged}, partitioned by kind, owner state and month; the others into {@code quarantined}. */
    private PassCounts.Counts stage(EventPass pass, List<FileSlice> slices, Path staged, Path quarantined, OutputFolder out)
            throws IOException {
        out.fs().mkdirs(quarantined);
        out.fs().mkdirs(staged);
        // Each task keeps a file open per kind, owner state and month it meets: a year of one owner with its flagged
        // copies is 50 and more. parquet-mr buffers a row group for each open file; 32 MB groups keep 64 open files
        // under a 4 GB heap.
        int open = Integer.parseInt(spark.conf().get("spark.sql.maxConcurrentOutputFileWriters", "64"));
        StagedFiles files = new StagedFiles(staged.toString(), EventDerivation.SCHEMA, EventDerivation.STAGED,
                List.of(RowKind.COLUMN, QueryEvent.OWNER_STATE, QueryEvent.MONTH),
                // Text columns whose values repeat across rows (names of owners, files, doors): their bytes are remembered.
                List.of(QueryEvent.SOURCE_SYSTEM, QueryEvent.SOURCE_FORMAT, QueryEvent.OWNER_AGENCY, QueryEvent.SOURCE_FILE,
                        ClassifyColumns.PATHWAY, ClassifyColumns.DATA_CLASS, ClassifyColumns.AGREEMENT),
                // Columns unique per row gain nothing from a dictionary and cost a hash-map insert per value.
                List.of(QueryEvent.EVENT_ID, QueryEvent.SEARCH_ID, QueryEvent.TARGET, QueryEvent.CASE_NUMBER, QueryEvent.SOURCE_LINE,
                        QueryEvent.OCCURRED_AT, QueryEvent.TIME_FRAME_START, QueryEvent.TIME_FRAME_END),
                32 << 20, Math.max(1, open));
        return pass.write(spark, slices, new QuarantineWriter(quarantined.toString()), files);
    }

    /** The manifest up to the outputs' digests, which come last. */
    private Manifest manifest(PreparedRun run, Map<String, String> sha, Map<String, RowCounts> perFile,
                              Map<String, LineCheck> lineChecks, RowCounts total, Sharing sharing, Map<String, Long> outputs,
                              SensitiveValues sensitive, List<String> warnings) {
        RunOptions opt = run.options();
        List<InputFile> all = run.plan().all();
        Manifest manifest = new Manifest(Sessions.toolVersion());
        manifest.profiles(all.stream().map(InputFile::profile).filter(Objects::nonNull).toList());
        manifest.period(opt.month(), opt.from(), opt.to());
        for (InputFile f : all) {
            manifest.input(f, sha.get(f.uri()), perFile.getOrDefault(f.displayPath(), RowCounts.ZERO), lineChecks.get(f.uri()));
        }
        manifest.totals(total);
        manifest.root().put("sharing_rows", sharing.shares().size());
        manifest.outputs(outputs);
        manifest.sensitive(SensitiveValues.COLUMNS, sensitive.shown(), sensitive.keySource());
        warnings.forEach(w -> LOG.warn(w));
        manifest.warnings(warnings);
        manifest.reference(run.directory(), run.tagRules(), run.rules(), RedactionMarkers.shipped().version());
        manifest.dataFiles(DataFiles.digests(opt.directory()));
        manifest.run(run.started(), Instant.now(), spark.sparkContext().master(), spark.version(), opt.command());
        return manifest;
    }

    /**
     * One shuffle partition per 256 MB of input, at least 8, unless the user set the number:
     * the sort of a year's flagged rows (100 M rows, 16.6 GB) then fits each task's memory
     * instead of spilling, while a month of one city keeps a few tasks.
     */
    private void shufflePartitions(long inputBytes) {
        if (new SparkConf().contains("spark.sql.shuffle.partitions")) {
            return;
        }
        long n = Math.max(8, Math.min(1024, inputBytes / (256L << 20)));
        spark.conf().set("spark.sql.shuffle.partitions", Long.toString(n));
    }

    /** Inputs that may have lost rows before they reached the run (a spreadsheet's or a round cap's row count, a short period). */
    private static List<String> incomplete(InputPlan plan, Map<String, RowCounts> perFile, RowAccount account, boolean byName) {
        ExportLimits limits = ExportLimits.shipped();
        List<String> out = new ArrayList<>();
        for (InputFile f : plan.events()) {
            RowCounts c = perFile.getOrDefault(f.displayPath(), RowCounts.ZERO);
            LocalDate[] span = account.spans().get(f.displayPath());
            String name = fileName(f);
            out.addAll(limits.check(byName ? name : f.displayPath(), name, c.read(), span == null ? null : span[0],
                    span == null ? null : span[1]));
        }
        return out;
    }

    /** The file's name, without the folders it was given in. */
    private static String fileName(InputFile f) {
        return f.displayPath().substring(f.displayPath().lastIndexOf('/') + 1);
    }

    /** A run's name in a store: when it started, and whose inputs. */
    private static String runId(Instant started, Map<String, String> sha) {
        String t = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(started);
        return t + "-" + SensitiveValues.digest(String.join("|", new java.util.TreeSet<>(sha.values()))).substring(0, 8);
    }

    private static List<Map<String, Object>> inputRows(List<InputFile> all, Map<String, String> sha,
                                                       Map<String, RowCounts> perFile) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InputFile f : all) {
            RowCounts c = perFile.getOrDefault(f.displayPath(), RowCounts.ZERO);
            Map<String, Object> m = new HashMap<>();
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

}
