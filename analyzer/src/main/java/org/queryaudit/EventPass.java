package org.queryaudit;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.classify.EventFacts;
import org.queryaudit.classify.Pathway;
import org.queryaudit.classify.SharingIndex;
import org.queryaudit.evaluate.EvaluateStage;
import org.queryaudit.evaluate.Finding;
import org.queryaudit.evaluate.RuleEvaluator;
import org.queryaudit.ingest.EventIngest;
import org.queryaudit.ingest.FileSlice;
import org.queryaudit.ingest.InputFile;
import org.queryaudit.ingest.ParsedRows;
import org.queryaudit.ingest.QueryEvent;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;
import org.queryaudit.report.EventStore;
import org.queryaudit.report.SensitiveValues;
import org.queryaudit.resolve.Resolution;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.tag.ReasonTagger;
import org.queryaudit.tag.Tagging;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one pass over the inputs: each row is parsed, then resolved, tagged, classified and
 * evaluated in turn, on the executors, and its sensitive values hashed; every stage reads
 * the row's values directly. The rows are written once, partitioned by {@link #ROW_KIND}:
 * the events of the run's period (all of their columns), events outside it and quarantined
 * rows (only what counting and the quarantine report need). Rows are never joined, shuffled
 * or converted between stages, which is what makes a month of a state take seconds.
 */
public final class EventPass implements Serializable {
    public static final String ROW_KIND = "row_kind";
    public static final String EVENT = "event";
    public static final String OUTSIDE = "outside";
    public static final String QUARANTINED = "quarantined";
    /** Keys of {@code extra} that carry a quarantined row's reason and text as written. */
    public static final String QUARANTINE_REASON = "quarantine_reason";
    public static final String RAW_TEXT = "raw_text";
    public static final StructType SCHEMA = EventStore.SCHEMA.add(ROW_KIND, DataTypes.StringType, false);

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
    private static final int RESOLVED = SCHEMA.fieldIndex(ResolveStage.LEVEL);
    private static final int IMMIGRATION = SCHEMA.fieldIndex(ResolveStage.IMMIGRATION);
    private static final int BASIS = SCHEMA.fieldIndex(ResolveStage.BASIS);
    private static final int INACTIVE = SCHEMA.fieldIndex(ResolveStage.INACTIVE);
    private static final int TAGS = SCHEMA.fieldIndex(org.queryaudit.tag.TagStage.TAGS);
    private static final int EVIDENCE = SCHEMA.fieldIndex(org.queryaudit.tag.TagStage.EVIDENCE);
    private static final int PATHWAY = SCHEMA.fieldIndex(org.queryaudit.classify.ClassifyStage.PATHWAY);
    private static final int VIOLATIONS = SCHEMA.fieldIndex(EvaluateStage.VIOLATIONS);
    private static final int KIND = SCHEMA.fieldIndex(ROW_KIND);
    private static final int P_QUARANTINE = ParsedRows.SCHEMA.fieldIndex(ParsedRows.QUARANTINE_REASON);
    private static final int P_RAW = ParsedRows.SCHEMA.fieldIndex(ParsedRows.RAW_TEXT);
    private static final scala.collection.immutable.Seq<String> NO_TEXT = CollectionConverters.asScala(List.<String>of()).toSeq();
    private static final scala.collection.immutable.Seq<Row> NO_FINDINGS = CollectionConverters.asScala(List.<Row>of()).toSeq();
    private static final scala.collection.Map<String, String> NO_EXTRA = CollectionConverters.asScala(Map.<String, String>of());

    private final UsStates states;
    private final RedactionMarkers markers;
    private final ResolveStage resolve;
    private final ReasonTagger tagger;
    private final SharingIndex sharing;
    private final RuleEvaluator evaluator;
    private final SensitiveValues sensitive;
    private final Period period;

    public EventPass(UsStates states, RedactionMarkers markers, ResolveStage resolve, ReasonTagger tagger, SharingIndex sharing,
                     RuleEvaluator evaluator, SensitiveValues sensitive, Period period) {
        this.states = states;
        this.markers = markers;
        this.resolve = resolve;
        this.tagger = tagger;
        this.sharing = sharing;
        this.evaluator = evaluator;
        this.sensitive = sensitive;
        this.period = period;
    }

    /** Every row of the slices, derived on the executors, as rows of {@link #SCHEMA}. */
    public Dataset<Row> rows(SparkSession spark, List<FileSlice> slices) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        EventPass pass = this;
        JavaRDD<Row> rows = jsc.parallelize(slices, Math.max(1, slices.size()))
                .mapPartitions(it -> pass.derive(EventIngest.rows(it, pass.states, pass.markers)));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** The slices of these inputs (a Spark job when a file is large enough to split). */
    public static List<FileSlice> slices(SparkSession spark, List<InputFile> inputs) {
        return EventIngest.slices(JavaSparkContext.fromSparkContext(spark.sparkContext()), inputs);
    }

    private Iterator<Row> derive(Iterator<Object[]> parsed) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return parsed.hasNext();
            }

            @Override
            public Row next() {
                return derive(parsed.next());
            }
        };
    }

    /** One parsed row as one row of {@link #SCHEMA}. */
    Row derive(Object[] p) {
        Object[] v = new Object[WIDTH];
        if (p[P_QUARANTINE] != null) {
            copyProvenance(p, v);
            Map<String, String> extra = new HashMap<>();
            extra.put(QUARANTINE_REASON, (String) p[P_QUARANTINE]);
            extra.put(RAW_TEXT, (String) p[P_RAW]);
            v[EXTRA] = CollectionConverters.asScala(extra);
            v[KIND] = QUARANTINED;
            return RowFactory.create(v);
        }
        LocalDate date = (LocalDate) p[LOCAL_DATE];
        if (!period.contains((String) p[MONTH], date)) {
            // Counted and checked for duplicates, never reported: only what that needs is kept.
            copyProvenance(p, v);
            v[OWNER_AGENCY] = p[OWNER_AGENCY];
            v[OWNER_STATE] = p[OWNER_STATE];
            v[MONTH] = p[MONTH];
            v[EXTRA] = NO_EXTRA;
            v[KIND] = OUTSIDE;
            return RowFactory.create(v);
        }
        System.arraycopy(p, 0, v, 0, PARSED);
        scala.collection.Seq<String> redactedSeq = (scala.collection.Seq<String>) p[REDACTED];
        List<String> redacted = redactedSeq.isEmpty() ? List.of() : CollectionConverters.asJava(redactedSeq);
        String ownerState = (String) v[OWNER_STATE];

        Resolution who = resolve.resolve((String) v[REQUESTER_NAME], (String) v[REQUESTER_ORI]);
        System.arraycopy(ResolveStage.values(who), 0, v, RESOLVED, ResolveStage.COLUMNS.size());

        Tagging why = tagger.tag((String) v[REASON], (String) v[CASE_NUMBER], (String) v[OFFENSE_TYPE], ownerState, redacted);
        v[TAGS] = why.tags().isEmpty() ? NO_TEXT : CollectionConverters.asScala(why.tags()).toSeq();
        v[EVIDENCE] = why.evidence().isEmpty() ? NO_TEXT : CollectionConverters.asScala(why.evidence()).toSeq();

        EventFacts facts = new EventFacts((String) v[OWNER_AGENCY], ownerState, (String) v[SOURCE_SYSTEM], date,
                (String) v[REQUESTER_NAME], (String) v[REQUESTER_ORI], who.level(), who.state(), who.component(),
                who.immigration(), why.tags(), (String) v[REASON], (String) v[LEGAL_PROCESS], null);
        String door = Pathway.of(facts, sharing);
        v[PATHWAY] = door;

        List<Finding> broken = evaluator.evaluate(facts.withPathway(door));
        if (broken.isEmpty()) {
            v[VIOLATIONS] = NO_FINDINGS;
        } else {
            List<Row> findings = new ArrayList<>(broken.size());
            broken.forEach(f -> findings.add(EvaluateStage.row(f)));
            v[VIOLATIONS] = CollectionConverters.asScala(findings).toSeq();
        }

        v[TARGET] = sensitive.protect((String) v[TARGET], redacted.contains(QueryEvent.TARGET));
        v[REQUESTER_USER] = sensitive.protect((String) v[REQUESTER_USER], redacted.contains(QueryEvent.REQUESTER_USER));
        v[KIND] = EVENT;
        return RowFactory.create(v);
    }

    private static void copyProvenance(Object[] p, Object[] v) {
        v[EVENT_ID] = p[EVENT_ID];
        v[SOURCE_SYSTEM] = p[SOURCE_SYSTEM];
        v[SOURCE_FORMAT] = p[SOURCE_FORMAT];
        v[SOURCE_FILE] = p[SOURCE_FILE];
        v[SOURCE_LINE] = p[SOURCE_LINE];
        v[REDACTED] = NO_TEXT;
        v[TAGS] = NO_TEXT;
        v[EVIDENCE] = NO_TEXT;
        v[VIOLATIONS] = NO_FINDINGS;
        // Never reported: the non-null columns only get placeholders.
        v[RESOLVED] = Resolution.UNKNOWN;
        v[IMMIGRATION] = false;
        v[BASIS] = "none";
        v[INACTIVE] = false;
        v[PATHWAY] = "none";
    }
}
