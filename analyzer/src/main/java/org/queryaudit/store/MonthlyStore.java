package org.queryaudit.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.base.ConfigException;
import org.queryaudit.model.AuditedEvent;
import org.queryaudit.model.EventTables;

/**
 * A folder where monthly runs accumulate their events, so that a report over many months
 * reads stored events instead of re-reading old exports. Layout:
 *
 * <pre>
 *   store.json                          what the store holds: the only thing a reader trusts
 *   events/owner_state=XX/month=YYYY-MM/RUN-part-*.parquet
 *   requesters/RUN-part-*.parquet       each run's requester and reason tables ({@link EventTables})
 *   reasons/RUN-part-*.parquet
 *   runs/RUN.json                       the manifest of each run that added events
 *   hash.key                            the key of the store's hashed plates and user names
 * </pre>
 *
 * <p>Each partition (owner state x month) holds one slice per run: its files and the owners
 * (data owners) they cover. A run that covers the same owners in the same partition replaces
 * the older slice. The new files are added beside the old ones, then {@code store.json} is
 * replaced by one atomic rename, then the old files are deleted: a reader sees the old month
 * or the new one, never both and never neither. A run whose owners only partly overlap an
 * older slice is refused rather than guess what to drop. One writer at a time
 * ({@code store.lock}); files that {@code store.json} does not list (a run that died) are
 * removed by the next writer.
 *
 * <p>A slice written before the tables existed ({@code store.json} version 1, or a slice
 * without {@code layout}) holds every column in its events and is read as it is; a store
 * of a later version than this build knows is refused.
 */
public final class MonthlyStore {
    public static final String LIST = "store.json";
    public static final String KEY = "hash.key";
    public static final String LOCK = "store.lock";
    public static final String EVENTS = "events";
    public static final String RUNS = "runs";
    /** A slice's layout: its events with the keys of the run's tables (issue 24); null is the wide events of version 1. */
    public static final String TABLES = "tables";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final FileSystem fs;
    private final Path root;
    private final Map<String, List<Slice>> partitions;
    private boolean locked;

    /**
     * One run's files in one partition.
     *
     * @param first, last the local dates the slice's events span (ISO), or null in a store written before they were kept
     * @param layout      {@link #TABLES}, or null for events written with every column (before the tables)
     */
    public record Slice(String run, List<String> owners, List<String> files, long events, String first, String last, String layout) {
        public Slice {
            owners = owners == null ? List.of() : List.copyOf(owners);
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    private MonthlyStore(FileSystem fs, Path root, Map<String, List<Slice>> partitions) {
        this.fs = fs;
        this.root = root;
        this.partitions = partitions;
    }

    /** Opens a store for reading; it must exist. */
    public static MonthlyStore read(FileSystem fs, Path root) {
        try {
            if (!fs.exists(new Path(root, LIST))) {
                throw new ConfigException("--store " + root + " is not a queryaudit event store (no " + LIST
                        + "); runs create one with `queryaudit run --store DIR`");
            }
            return new MonthlyStore(fs, root, StoreList.read(fs, new Path(root, LIST)));
        } catch (IOException e) {
            throw new ConfigException("--store " + root + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a store for one writer, creating it if the folder is new or empty: takes the lock,
     * and removes files left by a run that died before it was listed.
     */
    public static MonthlyStore openForWriting(FileSystem fs, Path root) {
        try {
            fs.setWriteChecksum(false);
            Path list = new Path(root, LIST);
            if (!fs.exists(list)) {
                if (fs.exists(root) && fs.listStatus(root).length > 0) {
                    throw new ConfigException("--store " + root + " is not empty and not a queryaudit event store (no " + LIST
                            + "); give a new or empty folder, or an existing store");
                }
                fs.mkdirs(new Path(root, EVENTS));
                fs.mkdirs(new Path(root, RUNS));
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try (OutputStream out = fs.create(new Path(root, KEY), false)) {
                    out.write(HexFormat.of().formatHex(key).getBytes(StandardCharsets.US_ASCII));
                }
                fs.setPermission(new Path(root, KEY), new org.apache.hadoop.fs.permission.FsPermission((short) 0600));
                MonthlyStore created = new MonthlyStore(fs, root, new TreeMap<>());
                created.writeList();
            }
            try {
                fs.create(new Path(root, LOCK), false).close();
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                throw new ConfigException("--store " + root + " is being written by another run (" + new Path(root, LOCK)
                        + " exists); wait for it, or delete the lock file if no run is writing");
            }
            MonthlyStore store = new MonthlyStore(fs, root, StoreList.read(fs, list));
            store.locked = true;
            store.removeUnlisted();
            return store;
        } catch (IOException e) {
            throw new ConfigException("--store " + root + ": cannot be opened: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** The key the store's plates and user names are hashed with, the same for every month. */
    public String hashKey() throws IOException {
        try (InputStream in = fs.open(new Path(root, KEY))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    /** Partition name ("owner_state=WA/month=2025-11") to its slices, in order. */
    public Map<String, List<Slice>> partitions() {
        return partitions;
    }

    /** The months the store holds, in order. */
    public List<String> months() {
        TreeSet<String> months = new TreeSet<>();
        partitions.keySet().forEach(p -> months.add(monthOf(p)));
        return new ArrayList<>(months);
    }

    public static String monthOf(String partition) {
        return partition.substring(partition.indexOf("month=") + "month=".length());
    }

    /**
     * Adds a run's events: every partition folder under {@code runRoot}'s {@code events/}, with
     * the owners each holds, and the run's tables beside them. Checks every partition first, so
     * a refusal changes nothing.
     *
     * @param owners partition name to the owners (owner_agency) of its events
     * @param counts partition name to its number of events
     */
    public List<String> add(SparkSession spark, String run, Path runRoot, Map<String, Set<String>> owners, Map<String, Long> counts,
                            Map<String, String[]> spans, boolean replaceShorter, ObjectNode runManifest) throws IOException {
        if (!locked) {
            throw new IllegalStateException("the store is not open for writing");
        }
        Map<String, List<Slice>> next = new TreeMap<>(partitions);
        List<String> replaced = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : owners.entrySet()) {
            List<Slice> kept = new ArrayList<>();
            for (Slice old : partitions.getOrDefault(e.getKey(), List.of())) {
                Set<String> overlap = new TreeSet<>(old.owners());
                overlap.retainAll(e.getValue());
                if (overlap.isEmpty()) {
                    kept.add(old);
                } else if (e.getValue().containsAll(old.owners())) {
                    String[] span = spans.get(e.getKey());
                    if (!replaceShorter && old.first() != null && span != null
                            && (span[0].compareTo(old.first()) > 0 || span[1].compareTo(old.last()) < 0)) {
                        throw new ConfigException("the store's " + e.getKey() + " holds run " + old.run() + ", whose events span "
                                + old.first() + " to " + old.last() + "; this run's span only " + span[0] + " to " + span[1]
                                + " and would replace the whole month with fewer days. Re-run with the month's whole exports,"
                                + " or give --replace-shorter to replace it anyway; nothing was stored");
                    }
                    replaced.add(e.getKey() + " (run " + old.run() + ")");
                } else {
                    TreeSet<String> missing = new TreeSet<>(old.owners());
                    missing.removeAll(e.getValue());
                    throw new ConfigException("the store's " + e.getKey() + " holds run " + old.run() + " for " + old.owners()
                            + "; this run covers " + new TreeSet<>(e.getValue()) + " but not " + missing
                            + ". Re-run with the exports of all of them, so the month is replaced whole; nothing was stored");
                }
            }
            String[] span = spans.getOrDefault(e.getKey(), new String[2]);
            kept.add(new Slice(run, List.copyOf(new TreeSet<>(e.getValue())), List.of(), counts.getOrDefault(e.getKey(), 0L),
                    span[0], span[1], TABLES));
            next.put(e.getKey(), kept);
        }
        // Files first, beside the old ones and unlisted; then the list; then the old files go.
        Path runEvents = new Path(runRoot, EVENTS);
        addTables(spark, run, runRoot, next);
        for (String partition : owners.keySet()) {
            Path from = new Path(runEvents, partition);
            Path to = new Path(new Path(root, EVENTS), partition);
            fs.mkdirs(to);
            List<String> files = new ArrayList<>();
            for (FileStatus f : fs.listStatus(from)) {
                String name = f.getPath().getName();
                if (!name.endsWith(".parquet")) {
                    continue;
                }
                String stored = run + "-" + name;
                if (!fs.rename(f.getPath(), new Path(to, stored))) {
                    throw new IOException("cannot move " + f.getPath() + " into the store");
                }
                files.add(stored);
            }
            List<Slice> slices = new ArrayList<>(next.get(partition));
            Slice mine = slices.remove(slices.size() - 1);
            slices.add(new Slice(run, mine.owners(), files, mine.events(), mine.first(), mine.last(), TABLES));
            next.put(partition, slices);
        }
        try (OutputStream out = fs.create(new Path(new Path(root, RUNS), run + ".json"), true)) {
            JSON.writeValue(out, runManifest);
        }
        staged = next;
        return replaced;
    }

    /**
     * Moves the run's tables into the store, unlisted until the run's slices are: each file is
     * named by the run. A key the store's other runs use for a different row is refused.
     */
    private void addTables(SparkSession spark, String run, Path runRoot, Map<String, List<Slice>> next) throws IOException {
        for (String table : List.of(EventTables.REQUESTERS, EventTables.REASONS)) {
            Path from = new Path(runRoot, table);
            List<String> others = tableFiles(table, runs(next));
            if (!others.isEmpty()) {
                StructType schema = EventTables.rowsOf(table);
                List<String> all = new ArrayList<>(others);
                all.add(from.toString());
                EventStore.checkKeys(spark.read().schema(schema).parquet(all.toArray(String[]::new)).distinct(), schema.fieldNames()[0],
                        "the store's " + table + " with run " + run + "'s");
            }
            Path to = new Path(root, table);
            fs.mkdirs(to);
            if (!fs.exists(from)) {
                continue;
            }
            for (FileStatus f : fs.listStatus(from)) {
                String name = f.getPath().getName();
                if (name.endsWith(".parquet") && !fs.rename(f.getPath(), new Path(to, run + "-" + name))) {
                    throw new IOException("cannot move " + f.getPath() + " into the store");
                }
            }
            fs.delete(from, true);
        }
    }

    /** The runs that slices of these partitions name. */
    private static Set<String> runs(Map<String, List<Slice>> partitions) {
        Set<String> runs = new TreeSet<>();
        partitions.values().forEach(slices -> slices.forEach(s -> runs.add(s.run())));
        return runs;
    }

    /** The files of a table that belong to these runs (their names start with the run's). */
    private List<String> tableFiles(String table, Set<String> runs) throws IOException {
        Path folder = new Path(root, table);
        List<String> out = new ArrayList<>();
        if (!fs.exists(folder)) {
            return out;
        }
        for (FileStatus f : fs.listStatus(folder)) {
            String name = f.getPath().getName();
            int cut = name.indexOf("-part-");
            if (name.endsWith(".parquet") && cut > 0 && runs.contains(name.substring(0, cut))) {
                out.add(f.getPath().toString());
            }
        }
        return out;
    }

    /**
     * Makes the staged run the store's: the list is replaced by one atomic rename, then the old
     * files go. Called once the run's output is complete, so the store never changes for a run
     * that wrote no report; a run that dies before leaves unlisted files, which readers ignore
     * and the next writer removes.
     */
    public void publish() throws IOException {
        if (staged == null) {
            return;
        }
        partitions.clear();
        partitions.putAll(staged);
        staged = null;
        writeList();
        removeUnlisted();
    }

    /** A run's partitions, written beside the old ones and not yet listed ({@link #publish}). */
    private Map<String, List<Slice>> staged;

    /**
     * Stages the events a run wrote to {@code runRoot}'s {@code events/} (partitioned by owner
     * state and month) with its tables, and records what will be done in the run's manifest
     * under "store". The run's folders are emptied: its events now live in the store, unlisted
     * until {@link #publish}.
     */
    public void addRun(Dataset<Row> events, Path runRoot, String run, boolean replaceShorter, ObjectNode manifest)
            throws IOException {
        Map<String, Set<String>> owners = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        Map<String, String[]> spans = new TreeMap<>();
        for (Row r : events.groupBy(org.queryaudit.model.QueryEvent.OWNER_STATE, org.queryaudit.model.QueryEvent.MONTH,
                org.queryaudit.model.QueryEvent.OWNER_AGENCY).agg(org.apache.spark.sql.functions.count("*"),
                org.apache.spark.sql.functions.min(org.queryaudit.model.QueryEvent.LOCAL_DATE),
                org.apache.spark.sql.functions.max(org.queryaudit.model.QueryEvent.LOCAL_DATE)).collectAsList()) {
            String partition = "owner_state=" + r.getString(0) + "/month=" + r.getString(1);
            owners.computeIfAbsent(partition, k -> new TreeSet<>()).add(r.getString(2));
            counts.merge(partition, r.getLong(3), Long::sum);
            String lo = r.get(4).toString();
            String hi = r.get(5).toString();
            spans.merge(partition, new String[] {lo, hi}, (a, b) -> new String[] {
                a[0].compareTo(b[0]) <= 0 ? a[0] : b[0], a[1].compareTo(b[1]) >= 0 ? a[1] : b[1]});
        }
        List<String> replaced = add(events.sparkSession(), run, runRoot, owners, counts, spans, replaceShorter, manifest.deepCopy());
        fs.delete(new Path(runRoot, EVENTS), true);
        ObjectNode note = manifest.putObject("store");
        note.put("path", root.toString());
        note.put("run", run);
        ObjectNode added = note.putObject("partitions");
        counts.forEach(added::put);
        replaced.forEach(note.withArray("replaced")::add);
    }

    /** Releases the lock. */
    public void close() throws IOException {
        if (locked) {
            fs.delete(new Path(root, LOCK), false);
            locked = false;
        }
    }

    /**
     * The stored events of the partitions whose month passes, in the wide view
     * ({@link AuditedEvent#SCHEMA}); null when none. Slices of either layout are read each as
     * written, and joined with the tables of the runs they came from.
     */
    public Dataset<Row> events(SparkSession spark, Predicate<String> month) throws IOException {
        List<String> wide = new ArrayList<>();
        List<String> slim = new ArrayList<>();
        Set<String> runs = new TreeSet<>();
        partitions.forEach((partition, slices) -> {
            if (month.test(monthOf(partition))) {
                for (Slice s : slices) {
                    List<String> into = TABLES.equals(s.layout()) ? slim : wide;
                    if (into == slim) {
                        runs.add(s.run());
                    }
                    s.files().forEach(f -> into.add(new Path(new Path(new Path(root, EVENTS), partition), f).toString()));
                }
            }
        });
        String base = new Path(root, EVENTS).toString();
        Dataset<Row> out = null;
        if (!wide.isEmpty()) {
            out = spark.read().schema(AuditedEvent.SCHEMA).option("basePath", base).parquet(wide.toArray(String[]::new));
        }
        if (!slim.isEmpty()) {
            Dataset<Row> events = spark.read().schema(EventTables.EVENTS).option("basePath", base).parquet(slim.toArray(String[]::new));
            Dataset<Row> joined = EventStore.wide(events, table(spark, EventTables.REQUESTERS, runs),
                    table(spark, EventTables.REASONS, runs));
            out = out == null ? joined : out.unionByName(joined);
        }
        return out;
    }

    /** One table of these runs: a row found by two runs is one row (the keys are the rows' own digests). */
    private Dataset<Row> table(SparkSession spark, String table, Set<String> runs) throws IOException {
        StructType schema = EventTables.rowsOf(table);
        String key = schema.fieldNames()[0];
        List<String> files = tableFiles(table, runs);
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), schema);
        }
        Dataset<Row> rows = spark.read().schema(schema).parquet(files.toArray(String[]::new));
        return runs.size() == 1 ? rows : rows.dropDuplicates(key);
    }

    /** The runs' manifests, by run id. */
    public JsonNode runManifest(String run) throws IOException {
        try (InputStream in = fs.open(new Path(new Path(root, RUNS), run + ".json"))) {
            return JSON.readTree(in);
        }
    }

    private void writeList() throws IOException {
        StoreList.write(fs, root, partitions);
    }

    private void removeUnlisted() throws IOException {
        Set<String> listed = new HashSet<>();
        partitions.forEach((p, slices) -> slices.forEach(s -> s.files().forEach(f -> listed.add(p + "/" + f))));
        Path events = new Path(root, EVENTS);
        String base = fs.getFileStatus(events).getPath().toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(events, true);
        List<Path> stale = new ArrayList<>();
        while (it.hasNext()) {
            Path p = it.next().getPath();
            String rel = p.toUri().getPath().substring(base.length()).replaceFirst("^/", "");
            if (!listed.contains(rel)) {
                stale.add(p);
            }
        }
        Set<String> runs = runs(partitions);
        for (String table : List.of(EventTables.REQUESTERS, EventTables.REASONS)) {
            Path folder = new Path(root, table);
            if (fs.exists(folder)) {
                Set<String> kept = new HashSet<>(tableFiles(table, runs));
                for (FileStatus f : fs.listStatus(folder)) {
                    if (!kept.contains(f.getPath().toString())) {
                        stale.add(f.getPath());
                    }
                }
            }
        }
        for (Path p : stale) {
            fs.delete(p, false);
        }
    }
}
