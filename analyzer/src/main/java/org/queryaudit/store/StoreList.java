package org.queryaudit.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.queryaudit.store.MonthlyStore.Slice;

/**
 * {@code store.json}, what a {@link MonthlyStore} holds: each partition (owner state x month)
 * with its slices, one per run. The only file a reader trusts; replaced whole, by one rename.
 */
final class StoreList {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file as written; a slice's fields are {@link Slice}'s. */
    record Layout(String format, Integer version, String updated, Map<String, List<Slice>> partitions) {
    }

    /** This build's layout: slices may hold their events with the run's tables beside them ({@link MonthlyStore#TABLES}). */
    static final int VERSION = 2;

    private StoreList() {
    }

    static Map<String, List<Slice>> read(FileSystem fs, Path list) throws IOException {
        Layout layout;
        try (InputStream in = fs.open(list)) {
            layout = JSON.readValue(in, Layout.class);
        }
        if (layout.version() != null && layout.version() > VERSION) {
            throw new org.queryaudit.base.ConfigException(list + " is a store of version " + layout.version()
                    + ", written by a later queryaudit than this one (which reads versions 1 to " + VERSION
                    + "); use that queryaudit or a later one. Nothing was read");
        }
        return layout.partitions() == null ? new TreeMap<>() : new TreeMap<>(layout.partitions());
    }

    /** Writes the list whole beside the old one and renames it over the old: a reader sees one or the other. */
    static void write(FileSystem fs, Path root, Map<String, List<Slice>> partitions) throws IOException {
        ObjectNode top = JSON.createObjectNode();
        top.put("format", "queryaudit event store");
        top.put("version", VERSION);
        top.put("updated", Instant.now().toString());
        ObjectNode parts = top.putObject("partitions");
        partitions.forEach((name, slices) -> {
            ArrayNode list = parts.putArray(name);
            for (Slice s : slices) {
                ObjectNode n = list.addObject();
                n.put("run", s.run());
                n.put("events", s.events());
                if (s.layout() != null) {
                    n.put("layout", s.layout());
                }
                if (s.first() != null) {
                    n.put("first", s.first());
                    n.put("last", s.last());
                }
                s.owners().forEach(n.withArray("owners")::add);
                s.files().forEach(n.withArray("files")::add);
            }
        });
        Path tmp = new Path(root, MonthlyStore.LIST + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            JSON.writeValue(out, top);
        }
        replace(fs, tmp, new Path(root, MonthlyStore.LIST));
    }

    /** An atomic replace: one rename over the old file. */
    private static void replace(FileSystem fs, Path from, Path to) throws IOException {
        if (fs instanceof LocalFileSystem local) {
            java.nio.file.Files.move(local.pathToFile(from).toPath(), local.pathToFile(to).toPath(),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            org.apache.hadoop.fs.FileContext.getFileContext(fs.getUri(), fs.getConf())
                    .rename(from, to, org.apache.hadoop.fs.Options.Rename.OVERWRITE);
        }
    }
}
