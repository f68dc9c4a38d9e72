package org.queryaudit.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.queryaudit.evaluate.Finding;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes the pass's derived rows (Java values) straight to Parquet's record consumer, in the
 * files Spark's own writer makes of the same schema (issue 24, decision (c)): the Parquet
 * schema is Spark's conversion of it (three-level lists and maps, timestamps as INT96, Spark's
 * default), and the footer carries the Spark schema as Spark's writer leaves it, so Spark,
 * DuckDB and pandas read the files unchanged. What it skips is Spark's internal rows, the
 * projection of every row to an unsafe row, and Spark's per-value copies: 13 % of the pass by
 * the profile in BENCHMARKS.md.
 */
final class StagedWrite extends WriteSupport<Object[]> {
    /** The footer key Spark's reader takes the Spark schema from (ParquetReadSupport.SPARK_METADATA_KEY). */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    private static final String SPARK_VERSION_KEY = "org.apache.spark.version";
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    /** The Julian day of 1970-01-01, where INT96 timestamps count their days from. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final int REMEMBERED = 50_000;

    private final StructType schema;
    private final MessageType parquet;
    private final int[] from;
    private final boolean[] repeating;
    private final Map<String, Binary> texts = new HashMap<>();
    /** Per column, the last text remembered and its bytes: the mapper hands out the same text again and again. */
    private final String[] lastText;
    private final Binary[] lastBytes;
    /** Per column, its kind of value ({@link #kindOf}), so that a row's values are not classified each time. */
    private final int[] kinds;
    private final byte[] timestamp = new byte[12];
    private final ByteBuffer timestampBuffer = ByteBuffer.wrap(timestamp).order(ByteOrder.LITTLE_ENDIAN);
    private RecordConsumer out;

    /**
     * @param schema    the file's columns (the partition columns left out)
     * @param from      for each of them, where the derived row holds it
     * @param repeating for each of them, whether its texts repeat from row to row (their bytes are remembered)
     */
    StagedWrite(StructType schema, int[] from, boolean[] repeating) {
        this.schema = schema;
        this.parquet = parquetSchema(schema);
        this.from = from.clone();
        this.repeating = repeating.clone();
        this.lastText = new String[from.length];
        this.lastBytes = new Binary[from.length];
        this.kinds = new int[from.length];
        for (int i = 0; i < from.length; i++) {
            kinds[i] = kindOf(schema.fields()[i].dataType());
        }
    }

    private static final int TEXT = 0;
    private static final int LONG = 1;
    private static final int INT = 2;
    private static final int TIMESTAMP = 3;
    private static final int OTHER = 4;

    private static int kindOf(DataType t) {
        return t instanceof StringType ? TEXT : t instanceof LongType ? LONG : t instanceof IntegerType ? INT
                : t instanceof TimestampType ? TIMESTAMP : OTHER;
    }

    /** Spark's Parquet schema of {@code schema}, with Spark's default settings (no legacy lists, INT96 timestamps). */
    static MessageType parquetSchema(StructType schema) {
        return new SparkToParquetSchemaConverter(new SQLConf()).convert(schema);
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration conf) {
        return new WriteContext(parquet, Map.of(SPARK_SCHEMA_KEY, schema.json(), SPARK_VERSION_KEY, org.apache.spark.package$.MODULE$.SPARK_VERSION_SHORT()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        out = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        out.startMessage();
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            Object v = row[from[i]];
            if (v == null) {
                continue;
            }
            out.startField(fields[i].name(), i);
            if (repeating[i]) {
                if (v != lastText[i]) {
                    lastText[i] = (String) v;
                    lastBytes[i] = remembered((String) v);
                }
                out.addBinary(lastBytes[i]);
            } else {
                switch (kinds[i]) {
                    case TEXT -> out.addBinary(text((String) v));
                    case LONG -> out.addLong(((Number) v).longValue());
                    case INT -> out.addInteger(((Number) v).intValue());
                    case TIMESTAMP -> out.addBinary(int96((Instant) v));
                    default -> value(fields[i].dataType(), v, parquet.getType(i));
                }
            }
            out.endField(fields[i].name(), i);
        }
        out.endMessage();
    }

    /** UTF-8 bytes as Binary.fromString encodes them, held by an array: the byte buffer it wraps them in cost 4 % of the pass. */
    private static Binary text(String s) {
        return Binary.fromConstantByteArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Binary remembered(String s) {
        Binary b = texts.get(s);
        if (b == null) {
            if (texts.size() >= REMEMBERED) {
                texts.clear();
            }
            b = text(s);
            texts.put(s, b);
        }
        return b;
    }

    /** One non-null value of Spark type {@code t}, inside its field; {@code p} is the field's Parquet type. */
    private void value(DataType t, Object v, Type p) {
        if (t instanceof StringType) {
            out.addBinary(text((String) v));
        } else if (t instanceof LongType) {
            out.addLong(((Number) v).longValue());
        } else if (t instanceof IntegerType) {
            out.addInteger(((Number) v).intValue());
        } else if (t instanceof BooleanType) {
            out.addBoolean((Boolean) v);
        } else if (t instanceof DoubleType) {
            out.addDouble(((Number) v).doubleValue());
        } else if (t instanceof DateType) {
            out.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay()));
        } else if (t instanceof TimestampType) {
            out.addBinary(int96((Instant) v));
        } else if (t instanceof ArrayType a) {
            list(a.elementType(), elements(v), p.asGroupType());
        } else if (t instanceof MapType m) {
            map(m, entries(v), p.asGroupType());
        } else if (t instanceof StructType s) {
            struct(s, fieldsOf(v), p.asGroupType());
        } else {
            throw new IllegalStateException("the staged rows hold a column of type " + t.simpleString()
                    + ", which the pass's writer does not write: add it to StagedWrite");
        }
    }

    /** Spark's INT96 timestamp: nanoseconds of the day, then the Julian day, little-endian (ParquetWriteSupport). */
    private Binary int96(Instant t) {
        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
        long julianMicros = micros + JULIAN_DAY_OF_EPOCH * MICROS_PER_DAY;
        long day = Math.floorDiv(julianMicros, MICROS_PER_DAY);
        long nanos = Math.floorMod(julianMicros, MICROS_PER_DAY) * 1000L;
        timestampBuffer.putLong(0, nanos).putInt(8, (int) day);
        // Reused: the plain writer, a dictionary and the statistics each copy a reused value before the next overwrites it.
        return Binary.fromReusedByteArray(timestamp);
    }

    /** A three-level list, as Spark writes it: an empty list is an empty group. */
    private void list(DataType element, List<?> values, GroupType p) {
        out.startGroup();
        if (!values.isEmpty()) {
            GroupType repeated = p.getType(0).asGroupType();
            String repeatedName = repeated.getName();
            String elementName = repeated.getType(0).getName();
            out.startField(repeatedName, 0);
            for (Object e : values) {
                out.startGroup();
                if (e != null) {
                    out.startField(elementName, 0);
                    value(element, e, repeated.getType(0));
                    out.endField(elementName, 0);
                }
                out.endGroup();
            }
            out.endField(repeatedName, 0);
        }
        out.endGroup();
    }

    private void map(MapType m, Map<?, ?> entries, GroupType p) {
        out.startGroup();
        if (!entries.isEmpty()) {
            GroupType repeated = p.getType(0).asGroupType();
            String repeatedName = repeated.getName();
            out.startField(repeatedName, 0);
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                out.startGroup();
                out.startField(repeated.getType(0).getName(), 0);
                value(m.keyType(), e.getKey(), repeated.getType(0));
                out.endField(repeated.getType(0).getName(), 0);
                if (e.getValue() != null) {
                    out.startField(repeated.getType(1).getName(), 1);
                    value(m.valueType(), e.getValue(), repeated.getType(1));
                    out.endField(repeated.getType(1).getName(), 1);
                }
                out.endGroup();
            }
            out.endField(repeatedName, 0);
        }
        out.endGroup();
    }

    private void struct(StructType s, Object[] values, GroupType p) {
        out.startGroup();
        StructField[] fields = s.fields();
        for (int i = 0; i < fields.length; i++) {
            if (values[i] != null) {
                out.startField(fields[i].name(), i);
                value(fields[i].dataType(), values[i], p.getType(i));
                out.endField(fields[i].name(), i);
            }
        }
        out.endGroup();
    }

    private static List<?> elements(Object v) {
        return v instanceof scala.collection.Seq<?> seq ? CollectionConverters.asJava(seq) : (List<?>) v;
    }

    private static Map<?, ?> entries(Object v) {
        return v instanceof scala.collection.Map<?, ?> m ? CollectionConverters.asJava(m) : (Map<?, ?>) v;
    }

    /** A struct's values in its fields' order: a finding ({@link org.queryaudit.model.ViolationColumns#FINDING}'s order), or the values themselves. */
    private static Object[] fieldsOf(Object v) {
        if (v instanceof Finding f) {
            return new Object[] {f.ruleId(), f.citation(), f.severity(), f.confidence(), f.status(), f.purposeBasis(), f.legalProcess(),
                f.notice(), f.explanation(), f.ownerAgency(), f.ownerState(), f.via()};
        }
        return (Object[]) v;
    }
}
