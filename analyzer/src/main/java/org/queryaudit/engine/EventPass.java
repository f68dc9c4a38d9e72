package org.queryaudit.engine;

import org.queryaudit.model.AuditedEvent;

import org.queryaudit.model.ResolveColumns;

import org.queryaudit.model.Period;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;
import org.queryaudit.classify.AccessAgreements;
import org.queryaudit.ingest.AgencyDestinations;
import org.queryaudit.ingest.QuarantineWriter;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.model.QuarantinedRow;
import org.queryaudit.reference.MessageKeys;
import org.queryaudit.classify.EventFacts;
import org.queryaudit.classify.Pathway;
import org.queryaudit.classify.SharingIndex;
import org.queryaudit.model.ViolationColumns;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.evaluate.RuleEvaluator;
import org.queryaudit.ingest.EventIngest;
import org.queryaudit.ingest.PersonalData;
import org.queryaudit.ingest.FileSlice;
import org.queryaudit.ingest.InputFile;
import org.queryaudit.ingest.ParsedRows;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;
import org.queryaudit.resolve.Resolution;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.tag.ReasonTagger;
import org.queryaudit.tag.Tagging;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one pass over the inputs: each row is parsed, then resolved, tagged, classified and
 * evaluated in turn, on the executors, and its sensitive values hashed; every stage reads
 * the row's values directly. The rows are written once, partitioned by {@link RowKind}:
 * the events of the run's period (all of their columns) and events outside it (only what
 * counting needs); rows that could not be read go to the quarantine in their own schema
 * ({@link QuarantinedRow}), written by the same tasks. Rows are never joined, shuffled
 * or converted between stages, which is what makes a month of a state take seconds.
 */
public final class EventPass implements Serializable {
    public static final StructType SCHEMA = AuditedEvent.SCHEMA.add(RowKind.COLUMN, DataTypes.StringType, false);

    private static final int PARSED = QueryEvent.SCHEMA.size();
    private static final int WIDTH = SCHEMA.size();
    private static final int EVENT_ID = SCHEMA.fieldIndex(QueryEvent.EVENT_ID);
    private static final int SOURCE_SYSTEM = SCHEMA.fieldIndex(QueryEvent.SOURCE_SYSTEM);
    private static final int SOURCE_FORMAT = SCHEMA.fieldIndex(QueryEvent.SOURCE_FORMAT);
    private static final int OWNER_AGENCY = SCHEMA.fieldIndex(QueryEvent.OWNER_AGENCY);
    private static final int OWNER_STATE = SCHEMA.fieldIndex(QueryEvent.OWNER_STATE);
    private static final int REQUESTER_NAME = SCHEMA.fieldIndex(QueryEvent.REQUESTER_NAME);
    private static final int REQUESTER_ORI = SCHEMA.fieldIndex(QueryEvent.REQUESTER_ORI);
    private static final int REQUESTER_USER = SCHEMA.fieldIndex(QueryEvent.REQUESTER_USER);
    private static final int MONTH = SCHEMA.fieldIndex(QueryEvent.MONTH);
    private static final int LOCAL_DATE = SCHEMA.fieldIndex(QueryEvent.LOCAL_DATE);
    private static final int REASON = SCHEMA.fieldIndex(QueryEvent.REASON);
    private static final int CASE_NUMBER = SCHEMA.fieldIndex(QueryEvent.CASE_NUMBER);
    private static final int OFFENSE_TYPE = SCHEMA.fieldIndex(QueryEvent.OFFENSE_TYPE);
    private static final int LEGAL_PROCESS = SCHEMA.fieldIndex(QueryEvent.LEGAL_PROCESS);
    private static final int TARGET = SCHEMA.fieldIndex(QueryEvent.TARGET);
    private static final int REDACTED = SCHEMA.fieldIndex(QueryEvent.REDACTED_FIELDS);
    private static final int EXTRA = SCHEMA.fieldIndex(QueryEvent.EXTRA);
    private static final int SOURCE_FILE = SCHEMA.fieldIndex(QueryEvent.SOURCE_FILE);
    private static final int SOURCE_LINE = SCHEMA.fieldIndex(QueryEvent.SOURCE_LINE);
    private static final int SOURCE_LINES = SCHEMA.fieldIndex(QueryEvent.SOURCE_LINES);
    private static final int RESOLVED = SCHEMA.fieldIndex(ResolveColumns.LEVEL);
    private static final int IMMIGRATION = SCHEMA.fieldIndex(ResolveColumns.IMMIGRATION);
    private static final int BASIS = SCHEMA.fieldIndex(ResolveColumns.BASIS);
    private static final int INACTIVE = SCHEMA.fieldIndex(ResolveColumns.INACTIVE);
    private static final int TAGS = SCHEMA.fieldIndex(org.queryaudit.model.TagColumns.TAGS);
    private static final int EVIDENCE = SCHEMA.fieldIndex(org.queryaudit.model.TagColumns.EVIDENCE);
    private static final int PATHWAY = SCHEMA.fieldIndex(org.queryaudit.model.ClassifyColumns.PATHWAY);
    private static final int DATA_CLASS = SCHEMA.fieldIndex(org.queryaudit.model.ClassifyColumns.DATA_CLASS);
    private static final int AGREEMENT = SCHEMA.fieldIndex(org.queryaudit.model.ClassifyColumns.AGREEMENT);
    private static final int OCCURRED_AT = SCHEMA.fieldIndex(QueryEvent.OCCURRED_AT);
    private static final int QUERY_TYPE = SCHEMA.fieldIndex(QueryEvent.QUERY_TYPE);
    private static final int VIOLATIONS = SCHEMA.fieldIndex(ViolationColumns.VIOLATIONS);
    private static final int KIND = SCHEMA.fieldIndex(RowKind.COLUMN);
    private static final int P_QUARANTINE = ParsedRows.SCHEMA.fieldIndex(ParsedRows.QUARANTINE_REASON);
    private static final int P_RAW = ParsedRows.SCHEMA.fieldIndex(ParsedRows.RAW_TEXT);

    private final UsStates states;
    private final RedactionMarkers markers;
    private final ResolveStage resolve;
    private final ReasonTagger tagger;
    private final SharingIndex sharing;
    private final RuleEvaluator evaluator;
    private final SensitiveValues sensitive;
    private final Period period;
    private final PersonalData personal;
    private final MessageKeys keys;
    private final AccessAgreements agreements;
    private final AgencyDestinations destinations;

    public EventPass(UsStates states, RedactionMarkers markers, ResolveStage resolve, ReasonTagger tagger, SharingIndex sharing,
                     RuleEvaluator evaluator, SensitiveValues sensitive, Period period, MessageKeys keys,
                     AccessAgreements agreements, AgencyDestinations destinations) {
        this.keys = keys;
        this.agreements = agreements;
        this.destinations = destinations;
        this.states = states;
        this.markers = markers;
        this.resolve = resolve;
        this.tagger = tagger;
        this.sharing = sharing;
        this.evaluator = evaluator;
        this.sensitive = sensitive;
        this.period = period;
        this.personal = sensitive.shown() ? null : PersonalData.shipped();
    }

    /**
     * Every row of the slices that was read, derived on the executors, as rows of {@link #SCHEMA};
     * the rows that could not be read go to {@code quarantine}, in a schema of their own.
     */
    public Dataset<Row> rows(SparkSession spark, List<FileSlice> slices, QuarantineWriter quarantine) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        EventPass pass = this;
        JavaRDD<InternalRow> rows = jsc.parallelize(slices, Math.max(1, slices.size()))
                .mapPartitions(it -> pass.derive(EventIngest.rows(it, pass.states, pass.markers, pass.personal,
                        pass.destinations), quarantine.open()));
        // Rows are made in Spark's own representation: converting a Row per event cost a fifth of the pass.
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(), SCHEMA, false);
    }

    /** The slices of these inputs (a Spark job when a file is large enough to split). */
    public static List<FileSlice> slices(SparkSession spark, List<InputFile> inputs) {
        return EventIngest.slices(JavaSparkContext.fromSparkContext(spark.sparkContext()), inputs);
    }

    /** The task's rows that were read; the others are handed to the quarantine part, which is finished at the end. */
    private Iterator<InternalRow> derive(Iterator<Object[]> parsed, QuarantineWriter.Part quarantine) {
        SparkValues values = new SparkValues();
        return new Iterator<>() {
            private InternalRow next;

            @Override
            public boolean hasNext() {
                while (next == null && parsed.hasNext()) {
                    Object[] p = parsed.next();
                    if (p[P_QUARANTINE] != null) {
                        quarantine.add(quarantined(p));
                    } else {
                        next = values.row(derive(p));
                    }
                }
                if (next == null) {
                    quarantine.close();
                }
                return next != null;
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                InternalRow r = next;
                next = null;
                return r;
            }
        };
    }

    /** A parsed row that could not be read, as the quarantine keeps it. */
    static QuarantinedRow quarantined(Object[] p) {
        return new QuarantinedRow((String) p[SOURCE_FILE], (Long) p[SOURCE_LINE], p[SOURCE_LINES] == null ? 1 : (Integer) p[SOURCE_LINES],
                (String) p[SOURCE_SYSTEM], (String) p[SOURCE_FORMAT], (String) p[P_QUARANTINE], (String) p[P_RAW]);
    }

    /** One parsed row that was read as the values of one row of {@link #SCHEMA} (Java values; lists for arrays). */
    Object[] derive(Object[] p) {
        Object[] v = new Object[WIDTH];
        LocalDate date = (LocalDate) p[LOCAL_DATE];
        if (!period.contains((String) p[MONTH], date)) {
            // Counted and checked for duplicates, never reported: only what that needs is kept.
            copyProvenance(p, v);
            v[OWNER_AGENCY] = p[OWNER_AGENCY];
            v[OWNER_STATE] = p[OWNER_STATE];
            v[MONTH] = p[MONTH];
            v[EXTRA] = Map.of();
            v[KIND] = RowKind.OUTSIDE;
            return v;
        }
        System.arraycopy(p, 0, v, 0, PARSED);
        scala.collection.Seq<String> redactedSeq = (scala.collection.Seq<String>) p[REDACTED];
        List<String> redacted = redactedSeq.isEmpty() ? List.of() : CollectionConverters.asJava(redactedSeq);
        String ownerState = (String) v[OWNER_STATE];

        Resolution who = resolve.resolve((String) v[REQUESTER_NAME], (String) v[REQUESTER_ORI]);
        System.arraycopy(ResolveStage.values(who), 0, v, RESOLVED, ResolveColumns.COLUMNS.size());

        Tagging why = tagger.tag((String) v[REASON], (String) v[CASE_NUMBER], (String) v[OFFENSE_TYPE], ownerState, redacted);
        v[TAGS] = why.tags();
        v[EVIDENCE] = why.evidence();

        String dataClass = keys.dataClass((String) v[SOURCE_SYSTEM], (String) v[QUERY_TYPE]);
        v[DATA_CLASS] = dataClass;
        EventFacts facts = new EventFacts((String) v[OWNER_AGENCY], ownerState, (String) v[SOURCE_SYSTEM], date,
                (String) v[REQUESTER_NAME], (String) v[REQUESTER_ORI], who.level(), who.state(), who.component(),
                who.immigration(), why.tags(), (String) v[REASON], (String) v[LEGAL_PROCESS], null, who.basis(),
                who.stateBasis(), who.stateAlternative(), keys.ruleData(dataClass), (Instant) v[OCCURRED_AT],
                (String) v[REQUESTER_USER], null);
        // A federal query of a state's DMV records: the agreements decide the door where they are known.
        AccessAgreements.Access access = Pathway.access(facts, agreements);
        facts = access != null ? facts.withAccess(access) : facts.withPathway(Pathway.of(facts, sharing));
        v[PATHWAY] = facts.pathway();
        v[AGREEMENT] = access == null || access.agreement() == null ? null : access.agreement().id();

        v[VIOLATIONS] = evaluator.evaluate(facts);

        v[TARGET] = sensitive.protect((String) v[TARGET], redacted.contains(QueryEvent.TARGET));
        v[REQUESTER_USER] = sensitive.protect((String) v[REQUESTER_USER], redacted.contains(QueryEvent.REQUESTER_USER));
        v[KIND] = RowKind.EVENT;
        return v;
    }

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
            DataType t = SCHEMA.fields()[i].dataType();
            KINDS[i] = t instanceof StringType ? TEXT : t instanceof TimestampType ? INSTANT : t instanceof DateType ? DATE
                    : t instanceof MapType ? TEXT_MAP : t instanceof ArrayType a ? (a.elementType() instanceof StructType ? FINDINGS : TEXT_LIST)
                    : VALUE;
        }
    }

    /** Text columns whose values repeat across rows (names of owners, files, months, doors, resolutions). */
    private static final boolean[] REPEATING = new boolean[WIDTH];

    static {
        for (int i : new int[] {SOURCE_SYSTEM, SOURCE_FORMAT, OWNER_AGENCY, OWNER_STATE, MONTH, SOURCE_FILE, RESOLVED,
            SCHEMA.fieldIndex(ResolveColumns.STATE), SCHEMA.fieldIndex(ResolveColumns.DEPARTMENT),
            SCHEMA.fieldIndex(ResolveColumns.COMPONENT), BASIS, PATHWAY, DATA_CLASS, AGREEMENT, KIND,
            SCHEMA.fieldIndex(ResolveColumns.STATE_BASIS), SCHEMA.fieldIndex(ResolveColumns.STATE_ALTERNATIVE)}) {
            REPEATING[i] = true;
        }
    }

    /**
     * Converts one task's rows to Spark's internal rows, remembering the converted form of values
     * that repeat: text of the repeating columns, and the tag, evidence and redaction lists (the tagger
     * hands out the same list for the same reason). Bounded; one per task.
     */
    static final class SparkValues {
        private static final int REMEMBERED = 50_000;
        private final Map<String, UTF8String> text = new HashMap<>();
        private final Map<Object, GenericArrayData> lists = new java.util.IdentityHashMap<>();

        InternalRow row(Object[] v) {
            Object[] out = new Object[WIDTH];
            for (int i = 0; i < WIDTH; i++) {
                Object x = v[i];
                if (x == null) {
                    continue;
                }
                if (REPEATING[i]) {
                    if (text.size() >= REMEMBERED) {
                        text.clear();
                    }
                    out[i] = text.computeIfAbsent((String) x, UTF8String::fromString);
                } else if (i == TAGS || i == EVIDENCE || i == REDACTED) {
                    if (lists.size() >= REMEMBERED) {
                        lists.clear();
                    }
                    out[i] = lists.computeIfAbsent(x, EventPass::internalList);
                } else {
                    out[i] = internal(KINDS[i], x);
                }
            }
            return new GenericInternalRow(out);
        }
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
                        utf8(f.explanation())});
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

    private static void copyProvenance(Object[] p, Object[] v) {
        v[EVENT_ID] = p[EVENT_ID];
        v[SOURCE_SYSTEM] = p[SOURCE_SYSTEM];
        v[SOURCE_FORMAT] = p[SOURCE_FORMAT];
        v[SOURCE_FILE] = p[SOURCE_FILE];
        v[SOURCE_LINE] = p[SOURCE_LINE];
        v[SOURCE_LINES] = p[SOURCE_LINES];
        v[REDACTED] = List.of();
        v[TAGS] = List.of();
        v[EVIDENCE] = List.of();
        v[VIOLATIONS] = List.of();
        // Never reported: the non-null columns only get placeholders.
        v[RESOLVED] = Resolution.UNKNOWN;
        v[IMMIGRATION] = false;
        v[BASIS] = "none";
        v[INACTIVE] = false;
        v[PATHWAY] = "none";
        v[DATA_CLASS] = "none";
    }
}
