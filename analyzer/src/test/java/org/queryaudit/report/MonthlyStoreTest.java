package org.queryaudit.report;

import org.queryaudit.store.MonthlyStore;

import org.queryaudit.store.EventStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.run.AuditRun;
import org.queryaudit.model.Period;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.StoreReport;
import org.queryaudit.TestSpark;
import org.queryaudit.base.ConfigException;
import org.queryaudit.ingest.InputRequest;
import org.queryaudit.ingest.ProfileCatalog;

/** Monthly runs accumulate in a store; a report over many months reads the stored events. */
class MonthlyStoreTest {
    static final Path FLOCK = TestSpark.root().resolve("sample-logs/flock");
    static final Path OLYMPIA = FLOCK.resolve("10_1_2025-10_31_2025-Olympia WA PD-Network-Audit.csv");
    static final Path LAKEWOOD = FLOCK.resolve("REDACTED - 1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv");
    static final Path NLETS = TestSpark.root().resolve("sample-logs/nlets/wa-access-nlets-2025-11.csv");
    // searches.csv and owner_months.csv too: the run takes their search rows from the pass, report --store from the
    // stored events (issue 24), and the two must agree.
    static final List<String> TABLES = List.of("agency_report.csv", "flagged.csv", "violations.csv", "searches.csv",
            "research/federal_queries_by_month.csv", "research/doors_by_owner.csv", "research/after_revocation.csv",
            "research/owner_months.csv", "research/top_requesters.csv");

    final AuditRun run = new AuditRun(TestSpark.session(), ProfileCatalog.builtIn());

    static RunOptions options(Path out, Path... inputs) {
        List<InputRequest> in = new ArrayList<>();
        for (Path p : inputs) {
            in.add(InputRequest.given(p.toString(), "auto", false));
        }
        return RunOptions.of(in, out.toString());
    }

    static void report(Path store, Path out, Period period) throws Exception {
        new StoreReport(TestSpark.session()).execute(new StoreReport.Options(store.toString(), out.toString(), period, null, List.of()));
    }

    static JsonNode list(Path store) throws Exception {
        return new ObjectMapper().readTree(store.resolve(MonthlyStore.LIST).toFile());
    }

    static Set<String> parquetFiles(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return new TreeSet<>(s.filter(p -> p.toString().endsWith(".parquet")).map(p -> folder.relativize(p).toString()).toList());
        }
    }

    static Set<String> listedFiles(Path store) throws Exception {
        Set<String> files = new TreeSet<>();
        list(store).path("partitions").fields().forEachRemaining(e -> e.getValue()
                .forEach(slice -> slice.path("files").forEach(f -> files.add(e.getKey() + "/" + f.asText()))));
        return files;
    }

    @Test
    void monthsAccumulateAndAReportOverThemEqualsOneRunOverAllTheExports(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        run.execute(options(dir.resolve("oct"), OLYMPIA).withStore(store.toString()));
        run.execute(options(dir.resolve("jan-nov"), LAKEWOOD, NLETS).withStore(store.toString()));
        assertFalse(Files.exists(dir.resolve("oct/events")), "the run's events moved into the store");
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("oct/manifest.json").toFile());
        assertTrue(manifest.path("store").path("partitions").has("owner_state=WA/month=2025-10"), manifest.toString());
        assertTrue(manifest.path("sensitive").path("key").asText().startsWith("the event store's key"));
        assertFalse(Files.exists(store.resolve(MonthlyStore.LOCK)), "the lock is released");

        report(store, dir.resolve("all"), new Period(null, null, null));
        run.execute(options(dir.resolve("direct"), OLYMPIA, LAKEWOOD, NLETS));
        for (String t : TABLES) {
            assertEquals(Files.readString(dir.resolve("direct").resolve(t)), Files.readString(dir.resolve("all").resolve(t)), t);
        }
        assertTrue(Files.readString(dir.resolve("all/agency_report.csv")).lines().count() > 10);
        assertEquals(parquetFiles(store.resolve("events")), listedFiles(store), "the store holds exactly what it lists");

        // A month run again replaces what the store held for it: nothing is counted twice.
        String before = list(store).path("partitions").path("owner_state=WA/month=2025-10").get(0).path("run").asText();
        run.execute(options(dir.resolve("oct-again"), OLYMPIA).withStore(store.toString()));
        JsonNode again = list(store).path("partitions").path("owner_state=WA/month=2025-10");
        assertEquals(1, again.size(), "one slice per owner and month");
        assertNotEquals(before, again.get(0).path("run").asText());
        assertEquals("owner_state=WA/month=2025-10 (run " + before + ")",
                new ObjectMapper().readTree(dir.resolve("oct-again/manifest.json").toFile()).path("store").path("replaced").get(0).asText());
        assertEquals(parquetFiles(store.resolve("events")), listedFiles(store), "the replaced files are gone");
        report(store, dir.resolve("all-again"), new Period(null, null, null));
        for (String t : TABLES) {
            assertEquals(Files.readString(dir.resolve("direct").resolve(t)), Files.readString(dir.resolve("all-again").resolve(t)), t);
        }

        // One month of many: the same as a run of that month.
        report(store, dir.resolve("october"), new Period("2025-10", null, null));
        run.execute(options(dir.resolve("direct-october"), OLYMPIA, LAKEWOOD, NLETS).withMonth("2025-10"));
        assertEquals(Files.readString(dir.resolve("direct-october/agency_report.csv")),
                Files.readString(dir.resolve("october/agency_report.csv")));
        ConfigException none = assertThrows(ConfigException.class,
                () -> report(store, dir.resolve("none"), new Period("2024-02", null, null)));
        assertTrue(none.getMessage().contains("2025-01") && none.getMessage().contains("2025-10"), none.getMessage());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    /** Issue 15: a run's events reach the store's list only when the run's output is complete. */
    @Test
    void aStagedRunThatNeverFinishesLeavesTheStoreAsItWas(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        run.execute(options(dir.resolve("first"), OLYMPIA).withStore(store.toString()));
        String listed = Files.readString(store.resolve(MonthlyStore.LIST));
        Set<String> before = parquetFiles(store.resolve("events"));
        Set<String> tablesBefore = parquetFiles(store.resolve("requesters"));
        tablesBefore.addAll(parquetFiles(store.resolve("reasons")));

        run.execute(options(dir.resolve("second"), OLYMPIA)); // the same month again, without a store
        org.apache.hadoop.fs.Path events = new org.apache.hadoop.fs.Path(dir.resolve("second/events").toUri().toString().replaceAll("/$", ""));
        org.apache.hadoop.fs.FileSystem fs = events.getFileSystem(org.queryaudit.base.HadoopFiles.configuration());
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(store.toUri());
        MonthlyStore writing = MonthlyStore.openForWriting(fs, root);
        writing.addRun(EventStore.read(TestSpark.session(), events), events.getParent(), "dies-before-its-report", false,
                new ObjectMapper().createObjectNode());
        writing.close(); // the run died here: its report was never committed, so nothing was published
        assertEquals(listed, Files.readString(store.resolve(MonthlyStore.LIST)), "the store's list is unchanged");
        assertTrue(parquetFiles(store.resolve("events")).size() > before.size(), "the staged files are there, unlisted");
        assertEquals(tablesBefore.size() + 2, parquetFiles(store.resolve("requesters")).size() + parquetFiles(store.resolve("reasons")).size(),
                "and the run's two tables");

        MonthlyStore.openForWriting(fs, root).close(); // the next writer
        assertEquals(before, parquetFiles(store.resolve("events")), "and the next writer removes them");
        Set<String> tablesAfter = parquetFiles(store.resolve("requesters"));
        tablesAfter.addAll(parquetFiles(store.resolve("reasons")));
        assertEquals(tablesBefore, tablesAfter, "with the dead run's tables");
        assertEquals(listed, Files.readString(store.resolve(MonthlyStore.LIST)));
    }

    /** Issue 15: a re-run whose events span fewer days of a stored month is refused, unless forced. */
    @Test
    void aShorterReRunOfAMonthIsRefusedWithBothPeriodsNamed(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        run.execute(options(dir.resolve("full"), OLYMPIA).withStore(store.toString()));
        String listed = Files.readString(store.resolve(MonthlyStore.LIST));
        JsonNode slice = list(store).path("partitions").path("owner_state=WA/month=2025-10").get(0);
        assertEquals("2025-10-01", slice.path("first").asText(), slice.toString());

        // The same export cut after its first 30 records (two physical lines each): the month's later days are gone.
        List<String> lines = Files.readAllLines(OLYMPIA);
        Path cut = Files.createDirectories(dir.resolve("cut")).resolve(OLYMPIA.getFileName());
        Files.write(cut, lines.subList(0, 61));
        ConfigException e = assertThrows(ConfigException.class,
                () -> run.execute(options(dir.resolve("short"), cut).withStore(store.toString())));
        assertTrue(e.getMessage().contains("whose events span 2025-10-01 to " + slice.path("last").asText())
                && e.getMessage().contains("this run's span only 2025-10-01 to ") && e.getMessage().contains("--replace-shorter"),
                e.getMessage());
        assertEquals(listed, Files.readString(store.resolve(MonthlyStore.LIST)), "nothing was stored");
        assertFalse(Files.exists(dir.resolve("short")), "and no report written");

        run.execute(options(dir.resolve("forced"), cut).withStore(store.toString()).withReplaceShorter());
        assertTrue(list(store).path("partitions").path("owner_state=WA/month=2025-10").get(0).path("events").asLong()
                < slice.path("events").asLong(), "forced: the month is replaced");
    }

    @Test
    void aRunThatCoversOnlySomeOfAMonthsOwnersIsRefusedAndChangesNothing(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path losAltos = in.resolve("9_1_2025-9_30_2025-Los Altos CA PD-Network-Audit.csv");
        Path mountainView = in.resolve("9_1_2025-9_30_2025-Mountain View CA PD-Network-Audit.csv");
        Files.writeString(losAltos, SensitiveAndVerifyTest.EXPORT);
        Files.writeString(mountainView, SensitiveAndVerifyTest.EXPORT);
        Path store = dir.resolve("store");
        run.execute(options(dir.resolve("both"), losAltos, mountainView).withStore(store.toString()));
        String listed = Files.readString(store.resolve(MonthlyStore.LIST));
        assertEquals("[\"Los Altos CA PD\",\"Mountain View CA PD\"]",
                list(store).path("partitions").path("owner_state=CA/month=2025-09").get(0).path("owners").toString());

        ConfigException e = assertThrows(ConfigException.class,
                () -> run.execute(options(dir.resolve("one"), losAltos).withStore(store.toString())));
        assertTrue(e.getMessage().contains("but not [Mountain View CA PD]"), e.getMessage());
        assertEquals(listed, Files.readString(store.resolve(MonthlyStore.LIST)), "the store is unchanged");
        assertEquals(parquetFiles(store.resolve("events")), listedFiles(store), "the refused run left no file behind");
        assertFalse(Files.exists(dir.resolve("one")), "and wrote no report");
        assertFalse(Files.exists(store.resolve(MonthlyStore.LOCK)));

        Files.createFile(store.resolve(MonthlyStore.LOCK));
        ConfigException locked = assertThrows(ConfigException.class,
                () -> run.execute(options(dir.resolve("two"), losAltos, mountainView).withStore(store.toString())));
        assertTrue(locked.getMessage().contains("being written by another run"), locked.getMessage());
        assertEquals(listed, Files.readString(store.resolve(MonthlyStore.LIST)));
    }

    /**
     * Issue 24: a store written before the tables existed (version 1: every column in the events)
     * is read as it was written, gives the same reports as today's layout, and takes new runs
     * beside its old slices; a store of a later version than this build is refused, never misread.
     */
    @Test
    void aStoreOfTheWideLayoutIsReadAsWrittenAndOfALaterOneRefused(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        run.execute(options(dir.resolve("oct"), OLYMPIA).withStore(store.toString()));
        run.execute(options(dir.resolve("jan-nov"), LAKEWOOD, NLETS).withStore(store.toString()));
        report(store, dir.resolve("tables"), new Period(null, null, null));

        toWideLayout(store);
        assertFalse(Files.exists(store.resolve("requesters")));
        report(store, dir.resolve("wide"), new Period(null, null, null));
        for (String t : TABLES) {
            assertEquals(Files.readString(dir.resolve("tables").resolve(t)), Files.readString(dir.resolve("wide").resolve(t)), t);
        }

        // A month run again into the old store: its slice has today's layout, the others stay as they were.
        run.execute(options(dir.resolve("oct-again"), OLYMPIA).withStore(store.toString()));
        JsonNode list = list(store);
        assertEquals(2, list.path("version").asInt());
        assertEquals(MonthlyStore.TABLES, list.path("partitions").path("owner_state=WA/month=2025-10").get(0).path("layout").asText());
        assertTrue(list.path("partitions").path("owner_state=WA/month=2025-01").get(0).path("layout").isMissingNode());
        report(store, dir.resolve("mixed"), new Period(null, null, null));
        for (String t : TABLES) {
            assertEquals(Files.readString(dir.resolve("tables").resolve(t)), Files.readString(dir.resolve("mixed").resolve(t)), t);
        }

        Files.writeString(store.resolve(MonthlyStore.LIST), Files.readString(store.resolve(MonthlyStore.LIST))
                .replace("\"version\" : 2", "\"version\" : 3"));
        ConfigException later = assertThrows(ConfigException.class, () -> report(store, dir.resolve("later"), new Period(null, null, null)));
        assertTrue(later.getMessage().contains("version 3") && later.getMessage().contains("later queryaudit"), later.getMessage());
    }

    /**
     * Rewrites a store as a build before the tables wrote it: each listed file holds the wide
     * view of its own events (the partition's columns in its path), the slices carry no layout,
     * the list is version 1 and there are no tables.
     */
    private static void toWideLayout(Path store) throws Exception {
        var spark = TestSpark.session();
        String base = store.resolve("events").toString();
        var requesters = spark.read().parquet(store.resolve("requesters").toString()).dropDuplicates(
                org.queryaudit.model.EventTables.REQUESTER_KEY);
        var reasons = spark.read().parquet(store.resolve("reasons").toString()).dropDuplicates(org.queryaudit.model.EventTables.REASON_KEY);
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) list(store);
        var partitions = root.path("partitions").fields();
        while (partitions.hasNext()) {
            var e = partitions.next();
            for (JsonNode slice : e.getValue()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) slice).remove("layout");
                for (JsonNode f : slice.path("files")) {
                    Path file = store.resolve("events").resolve(e.getKey()).resolve(f.asText());
                    Path tmp = store.resolve("wide-tmp");
                    EventStore.wide(spark.read().schema(org.queryaudit.model.EventTables.EVENTS).option("basePath", base)
                                    .parquet(file.toString()), requesters, reasons)
                            .drop(org.queryaudit.model.QueryEvent.OWNER_STATE, org.queryaudit.model.QueryEvent.MONTH)
                            .coalesce(1).write().parquet(tmp.toString());
                    try (Stream<Path> parts = Files.list(tmp)) {
                        Files.move(parts.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(), file,
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    deleteAll(tmp);
                }
            }
        }
        root.put("version", 1);
        Files.writeString(store.resolve(MonthlyStore.LIST), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        deleteAll(store.resolve("requesters"));
        deleteAll(store.resolve("reasons"));
    }

    private static void deleteAll(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
