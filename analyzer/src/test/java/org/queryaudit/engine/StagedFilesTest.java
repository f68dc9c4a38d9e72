package org.queryaudit.engine;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.map_entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.TestSpark;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.ViolationColumns;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Issue 24, decision (c): the pass's own Parquet writer makes the files Spark's writer makes of
 * the same rows. Rows of every column type the pass writes (nulls, empty and Scala lists, maps,
 * findings, timestamps before 1970 and with microseconds, a blank owner state) go through
 * {@link StagedFiles} and through Spark's partitioned writer; both folders have the same Parquet
 * schema and Spark schema in their footers, and Spark's reader and DuckDB's read the same values
 * from both.
 */
class StagedFilesTest {
    private static final List<String> PARTITIONS = List.of(RowKind.COLUMN, QueryEvent.OWNER_STATE, QueryEvent.MONTH);
    @TempDir
    static Path tmp;
    private static Path ours;
    private static Path sparks;
    private static int rows;

    @BeforeAll
    static void write() {
        List<Object[]> derived = rows();
        rows = derived.size();
        ours = tmp.resolve("ours");
        // Two open files at most: rows of three folders interleave, so folders get a second file.
        StagedFiles files = new StagedFiles(ours.toString(), EventDerivation.SCHEMA, EventDerivation.STAGED, PARTITIONS,
                List.of(QueryEvent.SOURCE_FILE, QueryEvent.OWNER_AGENCY), List.of(QueryEvent.EVENT_ID, QueryEvent.OCCURRED_AT), 1 << 20, 2);
        StagedFiles.Part part = files.open();
        derived.forEach(part::add);
        part.close();

        SparkSession spark = TestSpark.session();
        List<Row> sparkRows = new ArrayList<>();
        for (Object[] v : derived) {
            Object[] r = new Object[EventDerivation.STAGED.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = sparkValue(v[EventDerivation.SCHEMA.fieldIndex(EventDerivation.STAGED.fields()[i].name())]);
            }
            sparkRows.add(RowFactory.create(r));
        }
        sparks = tmp.resolve("spark");
        spark.createDataFrame(sparkRows, EventDerivation.STAGED).write().partitionBy(PARTITIONS.toArray(String[]::new))
                .parquet(sparks.toString());
    }

    /** 60 rows of every kind of value, over three folders and a blank owner state. */
    private static List<Object[]> rows() {
        List<Object[]> out = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            Object[] v = new Object[EventDerivation.SCHEMA.size()];
            for (StructField f : EventDerivation.SCHEMA.fields()) {
                int i = EventDerivation.SCHEMA.fieldIndex(f.name());
                v[i] = value(f, n);
            }
            v[EventDerivation.SCHEMA.fieldIndex(RowKind.COLUMN)] = n % 3 == 0 ? RowKind.FLAGGED : RowKind.EVENT;
            v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.OWNER_STATE)] = n % 5 == 0 ? null : n % 2 == 0 ? "CA" : "WA";
            v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.MONTH)] = "2025-0" + (1 + n % 2);
            out.add(v);
        }
        return out;
    }

    private static Object value(StructField f, int n) {
        if (f.nullable() && n % 7 == 3) {
            return null;
        }
        DataType t = f.dataType();
        if (t instanceof StringType) {
            return n % 11 == 5 ? "" : f.name() + " é ☃ " + (n % 4);
        } else if (t instanceof LongType) {
            return (long) n * 1_000_003L - 7;
        } else if (t instanceof IntegerType) {
            return n - 3;
        } else if (t instanceof BooleanType) {
            return n % 2 == 0;
        } else if (t instanceof DateType) {
            return LocalDate.of(1969, 12, 30).plusDays(n * 17L);
        } else if (t instanceof TimestampType) {
            return Instant.ofEpochSecond(-86_400L * 300 + n * 7_777_777L, n * 123_456_789L % 1_000_000_000L);
        } else if (t instanceof MapType) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int k = 0; k < n % 3; k++) {
                m.put("key " + k, k == 1 ? null : "value " + n);
            }
            return m;
        } else if (t instanceof ArrayType a && a.elementType() instanceof StringType) {
            List<String> l = new ArrayList<>();
            for (int k = 0; k < n % 3; k++) {
                l.add("item " + k);
            }
            // The mapper hands out Scala sequences, the derivation Java lists.
            return n % 2 == 0 ? l : CollectionConverters.asScala(l).toSeq();
        } else if (t instanceof ArrayType) {
            List<Finding> l = new ArrayList<>();
            for (int k = 0; k < n % 3; k++) {
                l.add(new Finding("rule-" + k, "cite " + n, "high", "medium", "in force", k == 0 ? null : "none", null, "notice",
                        "why " + n, k == 1 ? "Other PD" : null, k == 1 ? "OR" : null, null));
            }
            return l;
        }
        throw new IllegalStateException("no test value for " + t);
    }

    /** A derived value as Spark's createDataFrame takes it: findings as rows. */
    private static Object sparkValue(Object v) {
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Finding) {
            List<Row> out = new ArrayList<>();
            for (Object o : l) {
                Finding f = (Finding) o;
                out.add(RowFactory.create(f.ruleId(), f.citation(), f.severity(), f.confidence(), f.status(), f.purposeBasis(),
                        f.legalProcess(), f.notice(), f.explanation(), f.ownerAgency(), f.ownerState(), f.via()));
            }
            return out;
        }
        return v;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    private static FileMetaData footer(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()),
                new Configuration()))) {
            return r.getFileMetaData();
        }
    }

    @Test
    void theFootersHoldSparksParquetSchemaAndSparkSchema() throws IOException {
        FileMetaData spark = footer(files(sparks).get(0));
        List<Path> mine = files(ours);
        for (Path f : mine) {
            FileMetaData m = footer(f);
            assertEquals(spark.getSchema(), m.getSchema(), f.toString());
            assertEquals(spark.getKeyValueMetaData().get(StagedWrite.SPARK_SCHEMA_KEY), m.getKeyValueMetaData().get(StagedWrite.SPARK_SCHEMA_KEY));
        }
        // Three kinds of folder name, a blank state among them, as Spark names them.
        List<String> folders = mine.stream().map(p -> ours.relativize(p.getParent()).toString()).distinct().toList();
        List<String> sparkFolders;
        try (Stream<Path> s = files(sparks).stream()) {
            sparkFolders = s.map(p -> sparks.relativize(p.getParent()).toString()).distinct().toList();
        }
        assertEquals(sparkFolders, folders);
        assertTrue(folders.stream().anyMatch(f -> f.contains("owner_state=__HIVE_DEFAULT_PARTITION__")), folders.toString());
        // Past two open files a folder gets a second file; no hidden part is left behind.
        assertTrue(mine.size() > folders.size(), mine.toString());
        try (Stream<Path> s = Files.walk(ours)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.endsWith(".crc")).toList());
        }
    }

    /** The columns as values comparable by exceptAll: a map's entries sorted. */
    private static Dataset<Row> comparable(Dataset<Row> d) {
        List<Column> cols = new ArrayList<>();
        for (String c : d.columns()) {
            cols.add(c.equals(QueryEvent.EXTRA) ? array_sort(map_entries(col(c))).alias(c) : col(c));
        }
        return d.select(cols.toArray(Column[]::new));
    }

    @Test
    void sparksReaderReadsTheSameRowsWithAndWithoutASchema() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> mine = comparable(spark.read().schema(EventDerivation.STAGED).parquet(ours.toString()));
        Dataset<Row> theirs = comparable(spark.read().schema(EventDerivation.STAGED).parquet(sparks.toString()));
        assertEquals(rows, mine.count());
        assertEquals(0, mine.exceptAll(theirs).count());
        assertEquals(0, theirs.exceptAll(mine).count());
        // A researcher's read without a schema: the footer's Spark schema gives the same columns and types.
        assertEquals(spark.read().parquet(sparks.toString()).schema(), spark.read().parquet(ours.toString()).schema());
        // The violations' fields, by name, as the reports read them.
        assertEquals(0, theirs.select(col(ViolationColumns.VIOLATIONS + ".owner_state")).exceptAll(
                mine.select(col(ViolationColumns.VIOLATIONS + ".owner_state"))).count());
    }

    @Test
    void duckdbReadsTheSameRows() throws Exception {
        String mine = "SELECT * FROM read_parquet('" + ours + "/**/*.parquet', hive_partitioning = true)";
        String theirs = "SELECT * FROM read_parquet('" + sparks + "/**/*.parquet', hive_partitioning = true)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            assertEquals(rows, count(st, "SELECT count(*) FROM (" + mine + ")"));
            assertEquals(0, count(st, "SELECT count(*) FROM (" + mine + " EXCEPT ALL " + theirs + ")"));
            assertEquals(0, count(st, "SELECT count(*) FROM (" + theirs + " EXCEPT ALL " + mine + ")"));
            // Not vacuous: a timestamp before 1970 with its microseconds, as written.
            assertEquals(1, count(st, "SELECT count(*) FROM (" + mine + ") WHERE epoch_us(" + QueryEvent.OCCURRED_AT + ") = "
                    + (-86_400L * 300 + 7_777_777L) * 1_000_000L + " + 123456"));
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
