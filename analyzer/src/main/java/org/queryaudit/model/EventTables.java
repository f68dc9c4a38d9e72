package org.queryaudit.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.base.Sha256;

/**
 * How {@code events/} is stored (issue 24): each event keeps its own columns, and the columns
 * that are a function of something smaller than the event live in two tables beside it, joined
 * by a key. {@code requesters/} holds each distinct resolution ({@link ResolveColumns}), and
 * {@code reasons/} each distinct tagging ({@link TagColumns}). A month of millions of events
 * has a few thousand of each; the event carries two numbers instead of fourteen columns.
 *
 * <p>A key is the first 8 bytes of the SHA-256 of its row's own values, so the same values
 * have the same key in every task, run and month of a store, and a key never stands for two
 * different rows: the tables are checked for that when they are written.
 * {@link AuditedEvent#SCHEMA}, the wide view, is the events joined with both tables.
 */
public final class EventTables {
    public static final String REQUESTER_KEY = "requester_key";
    public static final String REASON_KEY = "reason_key";
    /** The folders beside {@code events/}. */
    public static final String REQUESTERS = "requesters";
    public static final String REASONS = "reasons";

    /** The stored event: the wide view's columns, with the two tables' columns replaced by their keys. */
    public static final StructType EVENTS;
    /** One row per distinct resolution of who asked. */
    public static final StructType REQUESTER_ROWS;
    /** One row per distinct tagging of why they asked. */
    public static final StructType REASON_ROWS;

    static {
        List<StructField> fields = new ArrayList<>(List.of(QueryEvent.SCHEMA.fields()));
        fields.add(DataTypes.createStructField(REQUESTER_KEY, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(REASON_KEY, DataTypes.LongType, false));
        fields.addAll(ClassifyColumns.COLUMNS);
        fields.addAll(ViolationColumns.COLUMNS);
        EVENTS = new StructType(fields.toArray(StructField[]::new));
        List<StructField> requesters = new ArrayList<>(List.of(DataTypes.createStructField(REQUESTER_KEY, DataTypes.LongType, false)));
        requesters.addAll(ResolveColumns.COLUMNS);
        REQUESTER_ROWS = new StructType(requesters.toArray(StructField[]::new));
        List<StructField> reasons = new ArrayList<>(List.of(DataTypes.createStructField(REASON_KEY, DataTypes.LongType, false)));
        reasons.addAll(TagColumns.COLUMNS);
        REASON_ROWS = new StructType(reasons.toArray(StructField[]::new));
    }

    private EventTables() {
    }

    /** The rows of the table in this folder ({@link #REQUESTERS} or {@link #REASONS}); the first column is the key. */
    public static StructType rowsOf(String table) {
        return switch (table) {
            case REQUESTERS -> REQUESTER_ROWS;
            case REASONS -> REASON_ROWS;
            default -> throw new IllegalArgumentException("no table " + table);
        };
    }

    /**
     * The key of a row of values (texts, booleans, lists of texts; nulls): each value is written
     * with its kind and length, so no two different rows read the same bytes.
     */
    public static long key(Object... values) {
        MessageDigest d = Sha256.newDigest();
        for (Object v : values) {
            put(d, v);
        }
        return ByteBuffer.wrap(d.digest()).getLong();
    }

    private static void put(MessageDigest d, Object v) {
        if (v == null) {
            d.update((byte) 'n');
        } else if (v instanceof Boolean b) {
            d.update((byte) (b ? 'T' : 'F'));
        } else if (v instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.update((byte) 's');
            d.update(ByteBuffer.allocate(4).putInt(b.length).array());
            d.update(b);
        } else if (v instanceof List<?> list) {
            d.update((byte) 'l');
            d.update(ByteBuffer.allocate(4).putInt(list.size()).array());
            list.forEach(x -> put(d, x));
        } else if (v instanceof scala.collection.Seq<?> seq) {
            put(d, scala.jdk.javaapi.CollectionConverters.asJava(seq));
        } else {
            throw new IllegalArgumentException("no key for a value of " + v.getClass().getName());
        }
    }
}
