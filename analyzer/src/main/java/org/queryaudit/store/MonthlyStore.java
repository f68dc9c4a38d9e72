package org.queryaudit.store;

import org.queryaudit.model.AuditedEvent;


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
import org.queryaudit.base.ConfigException;

/**
 * A folder where monthly runs accumulate their events, so that a report over many months
 * reads stored events instead of re-reading old exports. Layout:
 *
 * <pre>
 *   store.json                          what the store holds: the only thing a reader trusts
 *   events/owner_state=XX/month=YYYY-MM/RUN-part-*.parquet
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
 */
public final class MonthlyStore {
    public static final String LIST = "store.json";
    public static final String KEY = "hash.key";
    public static final String LOCK = "store.lock";
    public static final String EVENTS = "events";
    public static final String RUNS = "runs";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final FileSystem fs;
    private final Path root;
    private final Map<String, List<Slice>> partitions;
    private boolean locked;

    /** One run's files in one partition. */
    /** @param first, last the local dates the slice's events span (ISO), or null in a store written before they were kept */
    public record Slice(String run, List<String> owners, List<String> files, long events, String first, String last) {
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
     * Adds a run's events: every partition folder under {@code runEvents}, with the owners each
     * holds. Checks every partition first, so a refusal changes nothing.
     *
     * @param owners partition name to the owners (owner_agency) of its events
     * @param counts partition name to its number of events
     */
    public List<String> add(String run, Path runEvents, Map<String, Set<String>> owners, Map<String, Long> counts,
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
                    span[0], span[1]));
            next.put(e.getKey(), kept);
        }
        // Files first, beside the old ones and unlisted; then the list; then the old files go.
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
            slices.add(new Slice(run, mine.owners(), files, mine.events(), mine.first(), mine.last()));
            next.put(partition, slices);
        }
        try (OutputStream out = fs.create(new Path(new Path(root, RUNS), run + ".json"), true)) {
            JSON.writeValue(out, runManifest);
        }
        staged = next;
        return replaced;
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
     * Stages the events a run wrote to {@code runEvents} (partitioned by owner state and month)
     * and records what will be done in the run's manifest under "store". The run's folder is
     * emptied: its events now live in the store, unlisted until {@link #publish}.
     */
    public void addRun(Dataset<Row> events, Path runEvents, String run, boolean replaceShorter, ObjectNode manifest)
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
        List<String> replaced = add(run, runEvents, owners, counts, spans, replaceShorter, manifest.deepCopy());
        fs.delete(runEvents, true);
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

    /** The stored events of the partitions whose month passes, with the store's schema; null when none. */
    public Dataset<Row> events(SparkSession spark, Predicate<String> month) {
        List<String> paths = new ArrayList<>();
        partitions.forEach((partition, slices) -> {
            if (month.test(monthOf(partition))) {
                for (Slice s : slices) {
                    s.files().forEach(f -> paths.add(new Path(new Path(new Path(root, EVENTS), partition), f).toString()));
                }
            }
        });
        if (paths.isEmpty()) {
            return null;
        }
        return spark.read().schema(AuditedEvent.SCHEMA).option("basePath", new Path(root, EVENTS).toString())
                .parquet(paths.toArray(String[]::new));
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
        for (Path p : stale) {
            fs.delete(p, false);
        }
    }
}
