package org.queryaudit.store;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.map_entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.DemoOutput;
import org.queryaudit.TestSpark;
import org.queryaudit.base.ConfigException;
import org.queryaudit.model.AuditedEvent;
import org.queryaudit.model.EventTables;
import org.queryaudit.model.QueryEvent;

/**
 * Issue 24: {@code events/} with its requesters and reasons in tables beside it. The README's two
 * queries (read from the README itself) rebuild, from the demo's files, the wide view that
 * queryaudit's own reader gives, value by value; the tables hold one row per key, each key the
 * digest of its row; a folder whose tables are missing is refused, never read with blanks.
 */
class EventStoreTest {
    @TempDir
    static Path tmp;
    private static Path out;
    private static Dataset<Row> wide;
    private static final String COLUMNS = Arrays.stream(AuditedEvent.SCHEMA.fieldNames()).map(c -> '"' + c + '"')
            .collect(Collectors.joining(", "));

    @BeforeAll
    static void demo() {
        out = DemoOutput.folder();
        wide = TestSpark.events(out.resolve("events"));
    }

    /** The README's query after the line that names it, with DIR the demo's output folder. */
    static String readmeQuery(String name) throws Exception {
        List<String> lines = Files.readAllLines(TestSpark.root().resolve("README.md"));
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("-- the wide view, " + name)) {
                at = i + 1;
            }
        }
        assertTrue(at > 0, "the README shows the query for " + name);
        List<String> query = new ArrayList<>();
        for (int i = at; i < lines.size() && lines.get(i).startsWith("    "); i++) {
            query.add(lines.get(i).substring(4));
        }
        return String.join("\n", query).replaceAll(";\\s*$", "").replace("DIR", out.toString());
    }

    private static long duckCount(Statement st, String sql) throws Exception {
        try (ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theReadmesDuckDbQueryRebuildsTheWideView() throws Exception {
        Path written = tmp.resolve("wide");
        wide.write().parquet(written.toString());
        String readme = readmeQuery("DuckDB");
        String ours = "SELECT * FROM read_parquet('" + written + "/*.parquet')";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            long events = duckCount(st, "SELECT count(*) FROM (" + readme + ")");
            assertEquals(wide.count(), events);
            assertEquals(1685, events, "the demo's stored events");
            assertEquals(0, duckCount(st, "SELECT count(*) FROM (SELECT " + COLUMNS + " FROM (" + readme + ") EXCEPT ALL SELECT "
                    + COLUMNS + " FROM (" + ours + "))"), "every row of the README's view is one of queryaudit's");
            assertEquals(0, duckCount(st, "SELECT count(*) FROM (SELECT " + COLUMNS + " FROM (" + ours + ") EXCEPT ALL SELECT "
                    + COLUMNS + " FROM (" + readme + "))"), "and every row of queryaudit's is one of the README's");
            assertEquals(0, duckCount(st, "SELECT count(*) FROM (" + readme + ") WHERE requester_level IS NULL OR purpose IS NULL"),
                    "every event found its requester's and its reason's row");
            assertTrue(duckCount(st, "SELECT count(DISTINCT tags) FROM (" + readme + ")") > 3, "the reasons' tags came through");
        }
    }

    /** Maps cannot be compared by Spark's set operations: the extra columns as their sorted entries. */
    private static Dataset<Row> comparable(Dataset<Row> d) {
        List<Column> cols = new ArrayList<>();
        for (String c : AuditedEvent.SCHEMA.fieldNames()) {
            cols.add(c.equals(QueryEvent.EXTRA) ? array_sort(map_entries(col(c))).alias(c) : col(c));
        }
        return d.select(cols.toArray(Column[]::new));
    }

    @Test
    void theReadmesSparkSqlQueryRebuildsTheWideView() throws Exception {
        Dataset<Row> readme = comparable(TestSpark.session().sql(readmeQuery("Spark SQL")));
        Dataset<Row> ours = comparable(wide);
        assertEquals(1685, readme.count());
        assertEquals(0, readme.exceptAll(ours).count());
        assertEquals(0, ours.exceptAll(readme).count());
    }

    @Test
    void eachTableHoldsOneRowPerKeyAndEachKeyIsItsRowsDigest() {
        for (String table : List.of(EventTables.REQUESTERS, EventTables.REASONS)) {
            List<Row> rows = TestSpark.session().read().parquet(out.resolve(table).toString()).collectAsList();
            assertTrue(rows.size() > 5 && rows.size() < 1685 / 2, table + ": " + rows.size() + " rows for 1,685 events");
            assertEquals(rows.size(), rows.stream().map(r -> r.getLong(0)).distinct().count(), table + ": one row per key");
            for (Row r : rows) {
                Object[] values = new Object[r.length() - 1];
                for (int i = 1; i < r.length(); i++) {
                    values[i - 1] = r.get(i);
                }
                assertEquals(r.getLong(0), EventTables.key(values), table + ": " + r);
            }
        }
    }

    @Test
    void keysTellEveryTwoRowsApart() {
        assertNotEquals(EventTables.key("ab", "c"), EventTables.key("a", "bc"));
        assertNotEquals(EventTables.key((Object) null), EventTables.key("null"));
        assertNotEquals(EventTables.key(List.of("a", "b")), EventTables.key(List.of("a"), "b"));
        assertNotEquals(EventTables.key(true), EventTables.key("T"));
        assertNotEquals(EventTables.key(List.of()), EventTables.key((Object) null));
        assertEquals(EventTables.key("federal", List.of("ICE-HSI")), EventTables.key("federal",
                scala.jdk.javaapi.CollectionConverters.asScala(List.of("ICE-HSI")).toSeq()), "a stored list keys as the derived one");
    }

    @Test
    void eventsWithoutTheirTablesAreRefusedNotReadWithBlanks() throws Exception {
        Path moved = tmp.resolve("moved/events");
        try (var s = Files.walk(out.resolve("events"))) {
            for (Path p : s.toList()) {
                Path to = moved.resolve(out.resolve("events").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        ConfigException e = assertThrows(ConfigException.class, () -> TestSpark.events(moved));
        assertTrue(e.getMessage().contains("requesters") && e.getMessage().contains("is missing"), e.getMessage());
    }
}
