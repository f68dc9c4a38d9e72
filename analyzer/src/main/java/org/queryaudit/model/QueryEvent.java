package org.queryaudit.model;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The canonical event (DESIGN.md): one query against one owner's data, with the provenance
 * of the row it came from. Later stages add derived columns; they never overwrite these.
 */
public final class QueryEvent {
    public static final String EVENT_ID = "event_id";
    public static final String EXPORT_ID = "export_id";
    /**
     * Which search the row is part of (issue 16): one search by one requester appears as one
     * row in each owner's export it reached, and again in a re-release. Rows agreeing on their
     * format's search key (requester, second, networks searched, time frame) share it; else the
     * export's own search id; else the row is a search of its own (the event id).
     */
    public static final String SEARCH_ID = "search_id";
    public static final String SOURCE_SYSTEM = "source_system";
    public static final String SOURCE_FORMAT = "source_format";
    public static final String OWNER_AGENCY = "owner_agency";
    public static final String OWNER_STATE = "owner_state";
    /** The owner state of a federal agency's data (an IAQ to ICE's LESC): no state's rules apply. */
    public static final String FEDERAL_OWNER = "US";
    /** The owner state of an Nlets multi-state broadcast, checked against every member state's rules. */
    public static final String BROADCAST_OWNER = "NL";

    /** The owner named for a state's records reached through Nlets: "California (Nlets CA)". */
    public static String nletsRepository(String stateName, String code) {
        return stateName + " (Nlets " + code + ")";
    }
    public static final String REQUESTER_NAME = "requester_name";
    public static final String REQUESTER_ORI = "requester_ori";
    public static final String REQUESTER_USER = "requester_user";
    public static final String OCCURRED_AT = "occurred_at";
    /** The owner's local calendar month, yyyy-MM (derived at ingest: months are per owner zone). */
    public static final String MONTH = "month";
    public static final String LOCAL_DATE = "local_date";
    public static final String QUERY_TYPE = "query_type";
    public static final String REASON = "reason";
    public static final String CASE_NUMBER = "case_number";
    public static final String OFFENSE_TYPE = "offense_type";
    public static final String LEGAL_PROCESS = "legal_process";
    public static final String NETWORKS_SEARCHED = "networks_searched";
    public static final String DEVICES_SEARCHED = "devices_searched";
    public static final String RESULT_COUNT = "result_count";
    public static final String TIME_FRAME_START = "time_frame_start";
    public static final String TIME_FRAME_END = "time_frame_end";
    public static final String TARGET = "target";
    /** Canonical columns whose cell held a redaction marker (kept as written, never tagged). */
    public static final String REDACTED_FIELDS = "redacted_fields";
    /** Columns of the export that no canonical column takes, by header: the data as produced. */
    public static final String EXTRA = "extra";
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_LINE = "source_line";
    /**
     * The physical lines of the input this row accounts for: its own (a quoted cell may hold
     * line breaks) and any blank lines just before it. Summed per file, they are checked against
     * a separate count of the file's lines (issue 15).
     */
    public static final String SOURCE_LINES = "source_lines";

    public static final StructType SCHEMA = new StructType(new StructField[] {
        text(EVENT_ID), text(EXPORT_ID), text(SEARCH_ID), text(SOURCE_SYSTEM), text(SOURCE_FORMAT), text(OWNER_AGENCY),
        text(OWNER_STATE), text(REQUESTER_NAME), text(REQUESTER_ORI), text(REQUESTER_USER),
        DataTypes.createStructField(OCCURRED_AT, DataTypes.TimestampType, true), text(MONTH),
        DataTypes.createStructField(LOCAL_DATE, DataTypes.DateType, true), text(QUERY_TYPE), text(REASON),
        text(CASE_NUMBER), text(OFFENSE_TYPE), text(LEGAL_PROCESS), count(NETWORKS_SEARCHED),
        count(DEVICES_SEARCHED), count(RESULT_COUNT),
        DataTypes.createStructField(TIME_FRAME_START, DataTypes.TimestampType, true),
        DataTypes.createStructField(TIME_FRAME_END, DataTypes.TimestampType, true), text(TARGET),
        DataTypes.createStructField(REDACTED_FIELDS, DataTypes.createArrayType(DataTypes.StringType, false), false),
        DataTypes.createStructField(EXTRA, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), false),
        text(SOURCE_FILE), DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, false),
        DataTypes.createStructField(SOURCE_LINES, DataTypes.IntegerType, true),
    });

    /** The columns a format's search key may name: who asked, when, and what a redaction never hides. */
    public static final java.util.Set<String> SEARCH_KEY_FIELDS = java.util.Set.of(REQUESTER_NAME, REQUESTER_ORI, OCCURRED_AT,
            QUERY_TYPE, NETWORKS_SEARCHED, DEVICES_SEARCHED, TIME_FRAME_START, TIME_FRAME_END);

    private QueryEvent() {
    }

    private static StructField text(String name) {
        return DataTypes.createStructField(name, DataTypes.StringType, true);
    }

    private static StructField count(String name) {
        return DataTypes.createStructField(name, DataTypes.LongType, true);
    }
}
