package org.queryaudit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;
import org.apache.spark.unsafe.types.UTF8String;
import org.queryaudit.base.HadoopFiles;
import org.queryaudit.base.TaskPart;
import org.queryaudit.engine.EventDerivation;
import org.queryaudit.engine.EventFeed;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.TagColumns;
import org.queryaudit.reference.UsStates;

/**
 * Every event reduced to what the search grain needs (issue 24): its agency_report row, its
 * search (two hashes of the search id), what the published analyses measure of it as bits, its
 * hashed user, and the owner and file that hold it. Fixed width but for two repeating names, so
 * {@link SearchGrain} and {@link SearchReport} group ten million of them in seconds where
 * reading the events' wide columns took half a minute. The pass writes them as it derives each
 * event ({@link #feed}); {@code report --store} derives them from stored events with the same
 * {@link #of} ({@link #from}). Hashes are Spark's own (xxhash64 and murmur3, seed 42), so they
 * equal {@code xxhash64(...)} and {@code hash(...)} of the same columns.
 */
public final class SearchRows {
    /** The folder of the pass's parts inside a run's output while it is made. */
    public static final String FOLDER = "staged-search-rows";
    static final String LINE = "l";
    static final String SEARCH = "s";
    static final String SEARCH_CHECK = "t";
    static final String FLAGS = "f";
    static final String USER = "u";
    static final String LINKED = "linked";
    static final String OWNER = "owner";
    public static final String FILE = "file";
    public static final String SOURCE_LINE = "source_line";
    public static final StructType SCHEMA = new StructType().add(LINE, DataTypes.LongType, false)
            .add(SEARCH, DataTypes.LongType, false).add(SEARCH_CHECK, DataTypes.IntegerType, false)
            .add(FLAGS, DataTypes.IntegerType, false).add(USER, DataTypes.LongType, true)
            .add(LINKED, DataTypes.BooleanType, false).add(OWNER, DataTypes.LongType, true)
            .add(FILE, DataTypes.LongType, true).add(SOURCE_LINE, DataTypes.LongType, false);
    private static final MessageType PARQUET = MessageTypeParser.parseMessageType("message search_rows {"
            + " required int64 l; required int64 s; required int32 t; required int32 f; optional int64 u;"
            + " required boolean linked; optional int64 owner; optional int64 file;"
            + " required int64 source_line; }");
    private static final long SEED = 42L;
    /** The flags' bits, in {@link SearchGrain}'s order. */
    static final int ALPR = 0;
    static final int LOOKBACK_KNOWN = 1;
    static final int LONG_LOOKBACK = 2;
    static final int NETWORKS_KNOWN = 3;
    static final int MULTI_NETWORK = 4;
    static final int REASON_KNOWN = 5;
    static final int BLANK_REASON = 6;
    static final int VAGUE_REASON = 7;
    static final int HOUR_KNOWN = 8;
    static final int OFF_HOURS = 9;
    static final int USER_KNOWN = 10;
    static final int FLAG_COUNT = 11;
    /** The columns {@link #of} reads, in its order. */
    static final List<String> COLUMNS = List.of(QueryEvent.REQUESTER_NAME, QueryEvent.REQUESTER_ORI, QueryEvent.OWNER_AGENCY,
            QueryEvent.OWNER_STATE, QueryEvent.MONTH, QueryEvent.SEARCH_ID, QueryEvent.SOURCE_SYSTEM, QueryEvent.OCCURRED_AT,
            QueryEvent.TIME_FRAME_START, QueryEvent.TIME_FRAME_END, QueryEvent.NETWORKS_SEARCHED, QueryEvent.REDACTED_FIELDS,
            TagColumns.TAGS, QueryEvent.REQUESTER_USER, QueryEvent.SOURCE_FILE, QueryEvent.SOURCE_LINE);

    private SearchRows() {
    }

    /**
     * What the grain needs of one event; its owner and file by their xxhash64 (the owners' names are
     * in the event summary, and of the files only how many a search reached is reported).
     */
    record Fact(long line, long search, int check, int flags, Long user, boolean linked, Long owner, Long file, long sourceLine) {
        Row row() {
            return RowFactory.create(line, search, check, flags, user, linked, owner, file, sourceLine);
        }
    }

    /** How the measures read an event: the look-back, the off-hours, each owner state's zone. */
    record Reading(long lookbackSeconds, SearchMeasures.OffHours offHours, Map<String, String> zones) implements java.io.Serializable {
        static Reading of(SearchMeasures m, UsStates states) {
            Map<String, String> zones = new HashMap<>();
            states.names().keySet().forEach(code -> zones.put(code, states.zoneOf(code)));
            return new Reading(m.lookbackDays() * 86_400L, m.offHours(), zones);
        }
    }

    /**
     * One event's fact, from its values in {@link #COLUMNS}' order (timestamps as {@link Instant}
     * or {@link Timestamp}, lists as Java or Scala sequences). The flags are SearchGrain's: every
     * measure needs an ALPR audit; a redacted reason or user is not known.
     */
    static Fact of(Object[] v, Reading reading, Memo memo) {
        String searchId = (String) v[5];
        boolean alpr = SearchGrain.ALPR.equals(v[6]);
        Instant at = instant(v[7]);
        Instant start = instant(v[8]);
        Instant end = instant(v[9]);
        Long networks = (Long) v[10];
        Object redacted = v[11];
        Object tags = v[12];
        String user = (String) v[13];
        int flags = 0;
        if (alpr) {
            flags |= 1 << ALPR;
            if (start != null && end != null) {
                flags |= 1 << LOOKBACK_KNOWN;
                if (end.getEpochSecond() - start.getEpochSecond() > reading.lookbackSeconds()) {
                    flags |= 1 << LONG_LOOKBACK;
                }
            }
            if (networks != null) {
                flags |= 1 << NETWORKS_KNOWN;
                if (networks > 1) {
                    flags |= 1 << MULTI_NETWORK;
                }
            }
            if (redacted != null && !contains(redacted, QueryEvent.REASON)) {
                flags |= 1 << REASON_KNOWN;
                if (contains(tags, "missing_reason")) {
                    flags |= 1 << BLANK_REASON;
                }
                if (contains(tags, "vague_reason")) {
                    flags |= 1 << VAGUE_REASON;
                }
            }
            ZoneId zone = memo.zone(reading, (String) v[3]);
            if (zone != null && at != null) {
                flags |= 1 << HOUR_KNOWN;
                int hour = LocalDateTime.ofInstant(at, zone).getHour();
                if (reading.offHours().contains(hour)) {
                    flags |= 1 << OFF_HOURS;
                }
            }
            if (user != null && redacted != null && !contains(redacted, QueryEvent.REQUESTER_USER)) {
                flags |= 1 << USER_KNOWN;
            }
        }
        Long userHash = (flags & (1 << USER_KNOWN)) != 0 ? xxhash64(user, SEED) : null;
        boolean linked = searchId == null || !searchId.startsWith("r:");
        return new Fact(memo.line((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4]), xxhash64(searchId, SEED),
                murmur3(searchId), flags, userHash, linked, memo.name((String) v[2]), memo.name((String) v[14]), (Long) v[15]);
    }

    /**
     * One task's memory of what repeats from row to row: the owner state's zone, the hashes of
     * agency_report rows, owners and files (a month of one owner has a few thousand of each).
     */
    static final class Memo {
        private static final int REMEMBERED = 50_000;
        private String state;
        private ZoneId zone;
        private final Map<List<String>, Long> lines = new HashMap<>();
        private final Map<String, Long> names = new HashMap<>();

        ZoneId zone(Reading reading, String ownerState) {
            if (ownerState == null) {
                return null;
            }
            if (!ownerState.equals(state)) {
                String z = reading.zones().get(ownerState);
                state = ownerState;
                zone = z == null ? null : ZoneId.of(z);
            }
            return zone;
        }

        long line(String requesterName, String requesterOri, String ownerAgency, String ownerState, String month) {
            if (lines.size() >= REMEMBERED) {
                lines.clear();
            }
            return lines.computeIfAbsent(java.util.Arrays.asList(requesterName, requesterOri, ownerAgency, ownerState, month),
                    k -> SearchRows.line(requesterName, requesterOri, ownerAgency, ownerState, month));
        }

        Long name(String text) {
            if (text == null) {
                return null;
            }
            if (names.size() >= REMEMBERED) {
                names.clear();
            }
            return names.computeIfAbsent(text, t -> xxhash64(t, SEED));
        }
    }

    /** {@link SearchReport#line()}, Spark's xxhash64 of the five columns: a null leaves the seed as it is. */
    static long line(String requesterName, String requesterOri, String ownerAgency, String ownerState, String month) {
        long h = SEED;
        for (String s : new String[] {requesterName, requesterOri, ownerAgency, ownerState, month}) {
            if (s != null) {
                h = xxhash64(s, h);
            }
        }
        return h;
    }

    /** Spark's {@code xxhash64(s)} for one text column given the seed so far; null for a null text. */
    static Long xxhash64(String s, long seed) {
        if (s == null) {
            return seed;
        }
        UTF8String u = UTF8String.fromString(s);
        return XXH64.hashUnsafeBytes(u.getBaseObject(), u.getBaseOffset(), u.numBytes(), seed);
    }

    /** Spark's {@code hash(s)} (murmur3, seed 42). */
    static int murmur3(String s) {
        if (s == null) {
            return (int) SEED;
        }
        UTF8String u = UTF8String.fromString(s);
        return Murmur3_x86_32.hashUnsafeBytes(u.getBaseObject(), u.getBaseOffset(), u.numBytes(), (int) SEED);
    }

    private static Instant instant(Object t) {
        return t == null ? null : t instanceof Instant i ? i : ((Timestamp) t).toInstant();
    }

    /** Whether a list of texts (a Java list, as the pass derives it, or a Scala sequence, as stored) holds the value. */
    static boolean contains(Object list, String value) {
        if (list == null) {
            return false;
        }
        if (list instanceof List<?> l) {
            return l.contains(value);
        }
        return ((scala.collection.Seq<?>) list).contains(value);
    }

    /** Every owner's name by its hash in the search rows: the owners are those of the event summary's cells. */
    public static Map<Long, String> ownerNames(EventSummary summary) {
        Map<Long, String> out = new HashMap<>();
        for (EventSummary.Cell c : summary.cells()) {
            if (c.ownerAgency() != null) {
                out.putIfAbsent(xxhash64(c.ownerAgency(), SEED), c.ownerAgency());
            }
        }
        return out;
    }

    /** The pass's feed: each task writes its events' facts to its own Parquet part of {@code folder}. */
    public static EventFeed feed(String folder, SearchMeasures m, UsStates states) {
        Reading reading = Reading.of(m, states);
        int[] at = new int[COLUMNS.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = EventDerivation.SCHEMA.fieldIndex(COLUMNS.get(i));
        }
        return () -> new Part(folder, reading, at);
    }

    /** The same facts from stored events ({@code report --store}), by the same {@link #of}. */
    public static Dataset<Row> from(Dataset<Row> events, SearchMeasures m, UsStates states) {
        Reading reading = Reading.of(m, states);
        int n = COLUMNS.size();
        return events.select(COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
                .mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows -> {
                    Memo memo = new Memo();
                    Object[] v = new Object[n];
                    return new Iterator<Row>() {
                        @Override
                        public boolean hasNext() {
                            return rows.hasNext();
                        }

                        @Override
                        public Row next() {
                            Row r = rows.next();
                            for (int i = 0; i < n; i++) {
                                v[i] = r.get(i);
                            }
                            return of(v, reading, memo).row();
                        }
                    };
                }, Encoders.row(SCHEMA));
    }

    /** The pass's parts, written by its tasks. */
    public static Dataset<Row> read(SparkSession spark, String folder) {
        return spark.read().schema(SCHEMA).parquet(folder);
    }

    /** Writes facts straight to Parquet's record consumer: no intermediate object per row. */
    private static final class Writer extends ParquetWriter.Builder<Fact, Writer> {
        Writer(org.apache.parquet.io.OutputFile file) {
            super(file);
        }

        @Override
        protected Writer self() {
            return this;
        }

        @Override
        protected WriteSupport<Fact> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new FactWrite();
        }
    }

    private static final class FactWrite extends WriteSupport<Fact> {
        private RecordConsumer out;

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration conf) {
            return new WriteContext(PARQUET, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Fact f) {
            out.startMessage();
            putLong(0, LINE, f.line());
            putLong(1, SEARCH, f.search());
            putInt(2, SEARCH_CHECK, f.check());
            putInt(3, FLAGS, f.flags());
            if (f.user() != null) {
                putLong(4, USER, f.user());
            }
            out.startField(LINKED, 5);
            out.addBoolean(f.linked());
            out.endField(LINKED, 5);
            if (f.owner() != null) {
                putLong(6, OWNER, f.owner());
            }
            if (f.file() != null) {
                putLong(7, FILE, f.file());
            }
            putLong(8, SOURCE_LINE, f.sourceLine());
            out.endMessage();
        }

        private void putLong(int at, String name, long v) {
            out.startField(name, at);
            out.addLong(v);
            out.endField(name, at);
        }

        private void putInt(int at, String name, int v) {
            out.startField(name, at);
            out.addInteger(v);
            out.endField(name, at);
        }
    }

    /** One task's part: written under a hidden name, renamed when the task's rows end (as the quarantine's parts). */
    private static final class Part implements EventFeed.Part {
        private final String folder;
        private final Reading reading;
        private final int[] at;
        private final Object[] values;
        private final Memo memo = new Memo();
        private final TaskPart part;
        private ParquetWriter<Fact> writer;

        Part(String folder, Reading reading, int[] at) {
            this.folder = folder;
            this.reading = reading;
            this.at = at;
            this.values = new Object[at.length];
            this.part = TaskPart.open(folder, "search rows", "parquet");
        }

        @Override
        public void add(Object[] event) {
            for (int i = 0; i < at.length; i++) {
                values[i] = event[at[i]];
            }
            Fact f = of(values, reading, memo);
            try {
                if (writer == null) {
                    writer = new Writer(HadoopOutputFile.fromPath(part.hiddenPath(), HadoopFiles.configuration()))
                            .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                            // Hashes are unique per search: a dictionary would only cost a look-up per value.
                            .withDictionaryEncoding(false).withDictionaryEncoding(OWNER, true).withDictionaryEncoding(FILE, true)
                            .withDictionaryEncoding(LINE, true)
                            .build();
                }
                writer.write(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the search rows to " + folder + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            part.finish(writer);
        }
    }
}
