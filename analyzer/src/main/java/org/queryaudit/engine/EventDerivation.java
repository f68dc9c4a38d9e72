package org.queryaudit.engine;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.classify.AccessAgreements;
import org.queryaudit.classify.EventFacts;
import org.queryaudit.classify.Pathway;
import org.queryaudit.classify.SharingIndex;
import org.queryaudit.evaluate.RuleEvaluator;
import org.queryaudit.ingest.ParsedRows;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.model.AuditedEvent;
import org.queryaudit.model.ClassifyColumns;
import org.queryaudit.model.EventTables;
import org.queryaudit.model.Period;
import org.queryaudit.model.QuarantinedRow;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.model.ResolveColumns;
import org.queryaudit.model.TagColumns;
import org.queryaudit.model.ViolationColumns;
import org.queryaudit.reference.MessageKeys;
import org.queryaudit.resolve.Resolution;
import org.queryaudit.resolve.ResolveStage;
import org.queryaudit.tag.PurposeReading;
import org.queryaudit.tag.ReasonTagger;
import org.queryaudit.tag.Tagging;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What the pass does to one row, in plain Java: a parsed row that was read is resolved, tagged,
 * classified and evaluated in turn, and its sensitive values hashed; every stage reads the
 * row's values directly. No Spark here: a row can be derived, and tested, without a session.
 * {@link EventPass} runs this on the executors.
 */
public final class EventDerivation implements Serializable {
    /**
     * The pass's rows: the audited event, the keys of its rows in the tables beside the events
     * ({@link EventTables}), and what it is ({@link RowKind}).
     */
    public static final StructType SCHEMA = AuditedEvent.SCHEMA.add(EventTables.REQUESTER_KEY, DataTypes.LongType, false)
            .add(EventTables.REASON_KEY, DataTypes.LongType, false).add(RowKind.COLUMN, DataTypes.StringType, false);
    /** What the pass writes: the stored event ({@link EventTables#EVENTS}) and what it is. */
    public static final StructType STAGED = EventTables.EVENTS.add(RowKind.COLUMN, DataTypes.StringType, false);

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
    private static final int TAGS = SCHEMA.fieldIndex(TagColumns.TAGS);
    private static final int EVIDENCE = SCHEMA.fieldIndex(TagColumns.EVIDENCE);
    private static final int BENEFICIARIES = SCHEMA.fieldIndex(TagColumns.BENEFICIARIES);
    private static final int PURPOSE = SCHEMA.fieldIndex(TagColumns.PURPOSE);
    private static final int PURPOSE_EVIDENCE = SCHEMA.fieldIndex(TagColumns.PURPOSE_EVIDENCE);
    private static final int PATHWAY = SCHEMA.fieldIndex(ClassifyColumns.PATHWAY);
    private static final int DATA_CLASS = SCHEMA.fieldIndex(ClassifyColumns.DATA_CLASS);
    private static final int AGREEMENT = SCHEMA.fieldIndex(ClassifyColumns.AGREEMENT);
    private static final int OCCURRED_AT = SCHEMA.fieldIndex(QueryEvent.OCCURRED_AT);
    private static final int QUERY_TYPE = SCHEMA.fieldIndex(QueryEvent.QUERY_TYPE);
    private static final int VIOLATIONS = SCHEMA.fieldIndex(ViolationColumns.VIOLATIONS);
    private static final int KIND = SCHEMA.fieldIndex(RowKind.COLUMN);
    private static final int REQUESTER_KEY = SCHEMA.fieldIndex(EventTables.REQUESTER_KEY);
    private static final int REASON_KEY = SCHEMA.fieldIndex(EventTables.REASON_KEY);
    /** Resolutions and taggings remembered with their keys per task before the memory starts over. */
    private static final int REMEMBERED = 200_000;
    private static final int P_QUARANTINE = ParsedRows.SCHEMA.fieldIndex(ParsedRows.QUARANTINE_REASON);
    private static final int P_RAW = ParsedRows.SCHEMA.fieldIndex(ParsedRows.RAW_TEXT);

    private final ResolveStage resolve;
    private final ReasonTagger tagger;
    private final SharingIndex sharing;
    private final RuleEvaluator evaluator;
    private final SensitiveValues sensitive;
    private final Period period;
    private final MessageKeys keys;
    private final AccessAgreements agreements;
    /** The key of each resolution and tagging the stages handed out: they hand out the same one for the same input. */
    private transient Map<Object, Long> rowKeys;

    public EventDerivation(ResolveStage resolve, ReasonTagger tagger, SharingIndex sharing, RuleEvaluator evaluator,
                           SensitiveValues sensitive, Period period, MessageKeys keys, AccessAgreements agreements) {
        this.resolve = resolve;
        this.tagger = tagger;
        this.sharing = sharing;
        this.evaluator = evaluator;
        this.sensitive = sensitive;
        this.period = period;
        this.keys = keys;
        this.agreements = agreements;
    }

    /** Whether sensitive values are shown as written (--show-sensitive). */
    public boolean showsSensitive() {
        return sensitive.shown();
    }

    /** Whether a parsed row could not be read (its reason is set). */
    public static boolean isQuarantined(Object[] p) {
        return p[P_QUARANTINE] != null;
    }

    /** A parsed row that could not be read, as the quarantine keeps it. */
    public static QuarantinedRow quarantined(Object[] p) {
        return new QuarantinedRow((String) p[SOURCE_FILE], (Long) p[SOURCE_LINE], p[SOURCE_LINES] == null ? 1 : (Integer) p[SOURCE_LINES],
                (String) p[SOURCE_SYSTEM], (String) p[SOURCE_FORMAT], (String) p[P_QUARANTINE], (String) p[P_RAW]);
    }

    /** One parsed row that was read as the values of one row of {@link #SCHEMA} (Java values; lists for arrays). */
    public Object[] derive(Object[] p) {
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
        v[BENEFICIARIES] = why.reading().beneficiaries();
        v[PURPOSE] = why.reading().purpose();
        v[PURPOSE_EVIDENCE] = why.reading().evidence();
        v[REQUESTER_KEY] = key(who, RESOLVED, ResolveColumns.COLUMNS.size(), v);
        v[REASON_KEY] = key(why, TAGS, TagColumns.COLUMNS.size(), v);

        String dataClass = keys.dataClass((String) v[SOURCE_SYSTEM], (String) v[QUERY_TYPE]);
        v[DATA_CLASS] = dataClass;
        EventFacts facts = new EventFacts((String) v[OWNER_AGENCY], ownerState, (String) v[SOURCE_SYSTEM], date,
                (String) v[REQUESTER_NAME], (String) v[REQUESTER_ORI], who.level(), who.state(), who.component(),
                who.immigration(), why.tags(), (String) v[REASON], (String) v[LEGAL_PROCESS], null, who.basis(),
                who.stateBasis(), who.stateAlternative(), keys.ruleData(dataClass), (Instant) v[OCCURRED_AT],
                (String) v[REQUESTER_USER], null, why.reading());
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

    /** The key of a row of the tables beside the events: its values are the event's {@code width} columns from {@code from}. */
    private long key(Object memoized, int from, int width, Object[] v) {
        if (rowKeys == null) {
            rowKeys = new java.util.IdentityHashMap<>();
        }
        Long k = rowKeys.get(memoized);
        if (k == null) {
            if (rowKeys.size() >= REMEMBERED) {
                rowKeys.clear();
            }
            k = EventTables.key(java.util.Arrays.copyOfRange(v, from, from + width));
            rowKeys.put(memoized, k);
        }
        return k;
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
        v[BENEFICIARIES] = List.of();
        v[PURPOSE] = PurposeReading.NOT_STATED;
        v[VIOLATIONS] = List.of();
        // Never reported: the non-null columns only get placeholders.
        v[RESOLVED] = Resolution.UNKNOWN;
        v[IMMIGRATION] = false;
        v[BASIS] = "none";
        v[INACTIVE] = false;
        v[PATHWAY] = "none";
        v[DATA_CLASS] = "none";
        v[REQUESTER_KEY] = 0L;
        v[REASON_KEY] = 0L;
    }
}
