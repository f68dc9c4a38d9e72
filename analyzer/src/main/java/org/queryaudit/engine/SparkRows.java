package org.queryaudit.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.QueryEvent;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Converts one task's derived rows to Spark's internal rows of what the pass writes
 * ({@link EventDerivation#STAGED}: the resolution and tags are left to the tables beside the
 * events), remembering the converted form of values that repeat: text of the repeating columns,
 * and the redaction lists (the mapper hands out the same list for the same cells). Bounded; one
 * per task. Converting a {@code Row} per event instead cost a fifth of the pass.
 */
final class SparkRows {
    private static final int WIDTH = EventDerivation.STAGED.size();
    /** For each written column, where the derived row holds it. */
    private static final int[] FROM = new int[WIDTH];
    /** The list column whose values the mapper hands out again for repeated input. */
    private static final int REDACTED = EventDerivation.STAGED.fieldIndex(QueryEvent.REDACTED_FIELDS);
    /** Column kinds, for the conversion to Spark's representation. */
    private static final int TEXT = 0;
    private static final int INSTANT = 1;
    private static final int DATE = 2;
    private static final int VALUE = 3;
    private static final int TEXT_LIST = 4;
    private static final int TEXT_MAP = 5;
    private static final int FINDINGS = 6;
    private static final int[] KINDS = new int[WIDTH];

    static {
        for (int i = 0; i < WIDTH; i++) {
            FROM[i] = EventDerivation.SCHEMA.fieldIndex(EventDerivation.STAGED.fields()[i].name());
            DataType t = EventDerivation.STAGED.fields()[i].dataType();
            KINDS[i] = t instanceof StringType ? TEXT : t instanceof TimestampType ? INSTANT : t instanceof DateType ? DATE
                    : t instanceof MapType ? TEXT_MAP : t instanceof ArrayType a ? (a.elementType() instanceof StructType ? FINDINGS : TEXT_LIST)
                    : VALUE;
        }
    }

    /** Text columns whose values repeat across rows (names of owners, files, months, doors). */
    private static final boolean[] REPEATING = new boolean[WIDTH];

    static {
        for (String column : List.of(QueryEvent.SOURCE_SYSTEM, QueryEvent.SOURCE_FORMAT, QueryEvent.OWNER_AGENCY,
                QueryEvent.OWNER_STATE, QueryEvent.MONTH, QueryEvent.SOURCE_FILE, ClassifyColumns.PATHWAY, ClassifyColumns.DATA_CLASS,
                ClassifyColumns.AGREEMENT, RowKind.COLUMN)) {
            REPEATING[EventDerivation.STAGED.fieldIndex(column)] = true;
        }
    }

    private static final int REMEMBERED = 50_000;
    private final Map<String, UTF8String> text = new HashMap<>();
    private final Map<Object, GenericArrayData> lists = new java.util.IdentityHashMap<>();

    /** One derived row (Java values) as Spark's internal row. */
    InternalRow row(Object[] v) {
        Object[] out = new Object[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            Object x = v[FROM[i]];
            if (x == null) {
                continue;
            }
            if (REPEATING[i]) {
                if (text.size() >= REMEMBERED) {
                    text.clear();
                }
                out[i] = text.computeIfAbsent((String) x, UTF8String::fromString);
            } else if (i == REDACTED) {
                if (lists.size() >= REMEMBERED) {
                    lists.clear();
                }
                out[i] = lists.computeIfAbsent(x, SparkRows::internalList);
            } else {
                out[i] = internal(KINDS[i], x);
            }
        }
        return new GenericInternalRow(out);
    }

    private static GenericArrayData internalList(Object x) {
        return texts(x instanceof scala.collection.Seq<?> seq ? CollectionConverters.asJava(seq) : (List<?>) x);
    }

    /** One non-null value in Spark's representation: UTF-8 text, microseconds, epoch days, array and map data. */
    private static Object internal(int kind, Object x) {
        return switch (kind) {
            case TEXT -> UTF8String.fromString((String) x);
            case INSTANT -> {
                Instant t = (Instant) x;
                yield Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
            }
            case DATE -> (int) ((LocalDate) x).toEpochDay();
            case TEXT_LIST -> internalList(x);
            case TEXT_MAP -> {
                Map<?, ?> m = x instanceof scala.collection.Map<?, ?> sm ? CollectionConverters.asJava(sm) : (Map<?, ?>) x;
                if (m.isEmpty()) {
                    yield NO_ENTRIES;
                }
                Object[] keys = new Object[m.size()];
                Object[] values = new Object[keys.length];
                int k = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    keys[k] = utf8((String) e.getKey());
                    values[k++] = utf8((String) e.getValue());
                }
                yield new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
            }
            case FINDINGS -> {
                List<?> findings = (List<?>) x;
                Object[] rows = new Object[findings.size()];
                for (int k = 0; k < rows.length; k++) {
                    Finding f = (Finding) findings.get(k);
                    rows[k] = new GenericInternalRow(new Object[] {utf8(f.ruleId()), utf8(f.citation()), utf8(f.severity()),
                        utf8(f.confidence()), utf8(f.status()), utf8(f.purposeBasis()), utf8(f.legalProcess()), utf8(f.notice()),
                        utf8(f.explanation()), utf8(f.ownerAgency()), utf8(f.ownerState()), utf8(f.via())});
                }
                yield new GenericArrayData(rows);
            }
            default -> x;
        };
    }

    private static GenericArrayData texts(List<?> list) {
        if (list.isEmpty()) {
            return EMPTY;
        }
        Object[] out = new Object[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = utf8((String) list.get(i));
        }
        return new GenericArrayData(out);
    }

    private static final GenericArrayData EMPTY = new GenericArrayData(new Object[0]);
    private static final ArrayBasedMapData NO_ENTRIES = new ArrayBasedMapData(EMPTY, EMPTY);

    private static UTF8String utf8(String s) {
        return s == null ? null : UTF8String.fromString(s);
    }
}
