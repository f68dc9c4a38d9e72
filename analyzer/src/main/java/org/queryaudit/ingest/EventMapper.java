package org.queryaudit.ingest;

import org.queryaudit.model.QueryEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;

/**
 * Turns one record of one file into the values of one row of {@link ParsedRows#SCHEMA}: an event, or a
 * quarantined row that says which field was wrong and what to do. One per task; not
 * thread-safe.
 */
public final class EventMapper {
    private static final int N = ParsedRows.SCHEMA.size();
    private static final Pattern ORI = Pattern.compile("[A-Z]{2}[A-Z0-9]{7}");
    private static final java.util.Set<String> COUNT_PLACEHOLDERS = java.util.Set.of("n/a", "na", "none", "-", "--", "null");

    private final FileBinding binding;
    private final InputFile file;
    private final FormatProfile profile;
    private final UsStates states;
    private final AgencyDestinations agencies;
    /** The state whose calendar cuts the current row's month: the owner's, or for a broadcast or an agency the sender's. */
    private String calendarState;
    private final RedactionMarkers markers;
    private final PersonalData personal;
    private final TimestampReader times;
    private final Map<String, Pattern> extracts = new HashMap<>();
    private final Map<String, ZoneId> zones = new HashMap<>();
    private final RowIdentity identity;
    private final QuarantineText quarantineText;
    /** The binding's columns as arrays: the spec, the header cell, and where the value goes. */
    private final ColumnSpec[] slotSpec;
    private final int[] slotCell;
    private final int[] slotTarget;
    private static final int DESTINATION = -2;
    private static final java.util.Map<String, Integer> POS = new HashMap<>();

    static {
        for (int i = 0; i < N; i++) {
            POS.put(ParsedRows.SCHEMA.fields()[i].name(), i);
        }
    }

    private static int at(String column) {
        return POS.getOrDefault(column, -1);
    }

    private static final int I_EVENT_ID = at(QueryEvent.EVENT_ID);
    private static final int I_SEARCH_ID = at(QueryEvent.SEARCH_ID);
    private static final int I_OWNER_AGENCY = at(QueryEvent.OWNER_AGENCY);
    private static final int I_OWNER_STATE = at(QueryEvent.OWNER_STATE);
    private static final int I_REQUESTER_ORI = at(QueryEvent.REQUESTER_ORI);
    private static final int I_REQUESTER_NAME = at(QueryEvent.REQUESTER_NAME);
    private static final int I_OCCURRED_AT = at(QueryEvent.OCCURRED_AT);
    private static final int I_MONTH = at(QueryEvent.MONTH);
    private static final int I_LOCAL_DATE = at(QueryEvent.LOCAL_DATE);
    private static final int I_SOURCE_SYSTEM = at(QueryEvent.SOURCE_SYSTEM);
    private static final int I_SOURCE_FORMAT = at(QueryEvent.SOURCE_FORMAT);
    private static final int I_REDACTED = at(QueryEvent.REDACTED_FIELDS);
    private static final int I_EXTRA = at(QueryEvent.EXTRA);
    private static final int I_SOURCE_FILE = at(QueryEvent.SOURCE_FILE);
    private static final int I_SOURCE_LINE = at(QueryEvent.SOURCE_LINE);
    private static final int I_TF_START = at(QueryEvent.TIME_FRAME_START);
    private static final int I_TF_END = at(QueryEvent.TIME_FRAME_END);
    private static final int I_REASON_Q = at(ParsedRows.QUARANTINE_REASON);
    private static final int I_RAW = at(ParsedRows.RAW_TEXT);
    /** Free-text columns that may hold personal data. */
    private static final int[] FREE_TEXT = {at(QueryEvent.REASON), at(QueryEvent.CASE_NUMBER), at(QueryEvent.OFFENSE_TYPE)};
    /**
     * @param personal the personal-data masker for free text and quarantined rows, or null when
     *                 the user asked to see sensitive values (--show-sensitive)
     */
    public EventMapper(FileBinding binding, UsStates states, RedactionMarkers markers, PersonalData personal,
                       AgencyDestinations agencies) {
        this.personal = personal;
        this.agencies = agencies;
        this.binding = binding;
        this.file = binding.file();
        this.profile = file.profile();
        this.states = states;
        this.markers = markers;
        this.identity = new RowIdentity(profile.searchKey());
        this.quarantineText = new QuarantineText(binding, markers, personal);
        this.times = profile.timestampFormats().isEmpty() ? null
                : new TimestampReader(profile.timestampFormats(), profile.timestampZone());
        for (ColumnSpec c : profile.columns().values()) {
            if (c.extract() != null) {
                extracts.put(c.field(), Pattern.compile(c.extract(), Pattern.CASE_INSENSITIVE));
            }
        }
        int n = binding.index().size();
        slotSpec = new ColumnSpec[n];
        slotCell = new int[n];
        slotTarget = new int[n];
        int k = 0;
        for (Map.Entry<String, Integer> e : binding.index().entrySet()) {
            slotSpec[k] = profile.columns().get(e.getKey());
            slotCell[k] = e.getValue();
            slotTarget[k] = e.getKey().equals("destination") ? DESTINATION : at(e.getKey());
            k++;
        }
    }

    public Object[] map(CsvRecordReader r) {
        return switch (r.problem()) {
            case BROKEN_QUOTE -> quarantine(r, "a quoted cell opened on this line is not closed where the row should end; "
                    + "this line is quarantined alone and reading goes on with the next line (check the quotes in the export)");
            case TOO_LONG -> quarantine(r, "the row is longer than the limit and was cut off (check for a missing line end)");
            case NONE -> mapFields(r);
        };
    }

    private Object[] mapFields(CsvRecordReader r) {
        List<String> cells = r.fields();
        int expected = file.header().size();
        if (cells.size() < expected) {
            return quarantine(r, "the row has " + cells.size() + " cells where the header has " + expected
                    + ": cells are missing or shifted (check for a cut row or a missing separator)");
        }
        if (cells.size() > expected) {
            for (int i = expected; i < cells.size(); i++) {
                if (!cells.get(i).isBlank()) {
                    return quarantine(r, "the row has " + cells.size() + " cells where the header has " + expected
                            + ": an extra separator or shifted cells (quote cells that hold the separator)");
                }
            }
        }
        if (isHeaderAgain(cells)) {
            return quarantine(r, "the header row appears again inside the file (stacked exports): not a query");
        }
        Object[] v = new Object[N];
        destination = null;
        List<String> redacted = null;
        List<String> issues = new ArrayList<>(0);
        for (int k = 0; k < slotSpec.length; k++) {
            ColumnSpec spec = slotSpec[k];
            String value = cells.get(slotCell[k]).strip();
            if (value.isEmpty() || markers.isSentinel(value)) {
                if (spec.required()) {
                    issues.add(spec.field() + " ('" + file.header().get(slotCell[k]).strip() + "') is empty; the row cannot be placed without it");
                }
                continue;
            }
            int target = slotTarget[k];
            try {
                switch (spec.type()) {
                    case TEXT -> {
                        if (markers.isRedacted(value)) {
                            if (redacted == null) {
                                redacted = new ArrayList<>(2);
                            }
                            redacted.add(spec.field());
                            set(v, target, value);
                        } else {
                            set(v, target, spec.extract() == null ? value : extract(spec.field(), value));
                        }
                    }
                    case COUNT -> set(v, target, count(value));
                    case TIMESTAMP -> set(v, target, times.read(value));
                    case TIME_RANGE -> {
                        Instant[] range = times.readRange(value);
                        v[I_TF_START] = range[0];
                        v[I_TF_END] = range[1];
                    }
                }
            } catch (IllegalArgumentException ex) {
                issues.add(spec.field() + " ('" + file.header().get(slotCell[k]).strip() + "'): " + ex.getMessage());
            }
        }
        if (!owner(v, issues) || !issues.isEmpty()) {
            return quarantine(r, String.join("; ", issues));
        }
        if (profile.requester() == FormatProfile.RequesterFrom.OWNER && v[I_REQUESTER_NAME] == null) {
            v[I_REQUESTER_NAME] = v[I_OWNER_AGENCY];
        }
        Instant at = (Instant) v[I_OCCURRED_AT];
        ZonedDateTime local = at.atZone(zones.computeIfAbsent(states.zoneOf(calendarState), ZoneId::of));
        v[I_MONTH] = month(local.getYear(), local.getMonthValue());
        v[I_LOCAL_DATE] = local.toLocalDate();
        v[I_SOURCE_SYSTEM] = profile.sourceSystem();
        v[I_SOURCE_FORMAT] = profile.id();
        // The same few combinations repeat: one list each, so later stages can remember them by identity.
        v[I_REDACTED] = redacted == null ? NO_TEXTS : redactedLists.computeIfAbsent(redacted, EventMapper::scalaList);
        Map<String, String> extra = null;
        for (Map.Entry<Integer, String> e : binding.unmapped().entrySet()) {
            String value = cells.get(e.getKey()).strip();
            if (!value.isEmpty() && !markers.isSentinel(value)) {
                if (extra == null) {
                    extra = new LinkedHashMap<>();
                }
                extra.put(e.getValue(), personal == null ? value : personal.mask(value));
            }
        }
        v[I_EXTRA] = extra == null ? NO_EXTRA : scala.jdk.javaapi.CollectionConverters.asScala(extra);
        v[I_SOURCE_FILE] = file.displayPath();
        v[I_SOURCE_LINE] = r.line();
        v[I_EVENT_ID] = identity.eventId(v);
        v[I_SEARCH_ID] = identity.searchId(v);
        if (personal != null) {
            // After the id: an event's id is the same whether or not its free text is shown.
            for (int i : FREE_TEXT) {
                v[i] = personal.mask((String) v[i]);
            }
        }
        return v;
    }

    /**
     * Sets the owner columns; false (with an issue) when a destination names no known owner. A
     * destination that is a federal agency (ICE's LESC for an IAQ) is never a state's data: its
     * owner state is {@link QueryEvent#FEDERAL_OWNER}. A multi-state broadcast ({@code NL}) reaches
     * every member state; the evaluator checks it against each. Both have their months cut in
     * the sender's state's zone (the ORI's first two letters), else UTC.
     */
    private boolean owner(Object[] v, List<String> issues) {
        if (profile.owner() == FormatProfile.OwnerFrom.FILE) {
            v[I_OWNER_AGENCY] = file.ownerAgency();
            v[I_OWNER_STATE] = file.ownerState();
            calendarState = file.ownerState();
            return true;
        }
        String dest = destination;
        if (dest == null) {
            return false; // already reported as a required empty field
        }
        dest = dest.toUpperCase(Locale.ROOT);
        String sender = v[I_REQUESTER_ORI] instanceof String ori && ori.length() >= 2 ? ori.substring(0, 2).toUpperCase(Locale.ROOT) : null;
        String agency;
        if (dest.length() == 2 && states.isState(dest)) {
            v[I_OWNER_AGENCY] = QueryEvent.nletsRepository(states.nameOf(dest), dest);
            v[I_OWNER_STATE] = dest;
            calendarState = dest;
        } else if (dest.equals(QueryEvent.BROADCAST_OWNER)) {
            v[I_OWNER_AGENCY] = "Nlets multi-state broadcast (NL)";
            v[I_OWNER_STATE] = QueryEvent.BROADCAST_OWNER;
            calendarState = sender;
        } else if ((agency = agencies.agency(dest)) != null) {
            v[I_OWNER_AGENCY] = agency;
            v[I_OWNER_STATE] = QueryEvent.FEDERAL_OWNER;
            calendarState = ORI.matcher(dest).matches() && states.isState(dest.substring(0, 2)) ? dest.substring(0, 2) : sender;
        } else if (ORI.matcher(dest).matches() && states.isState(dest.substring(0, 2))) {
            v[I_OWNER_AGENCY] = dest;
            v[I_OWNER_STATE] = dest.substring(0, 2);
            calendarState = dest.substring(0, 2);
        } else {
            issues.add("destination '" + dest + "' is neither a state code, NL, a federal agency in the directory, nor a"
                    + " 9-character ORI of a state; add the agency to the directory (--directory) if it is one");
            return false;
        }
        return true;
    }

    private boolean isHeaderAgain(List<String> cells) {
        // Cheap first: a repeated header repeats its first cell.
        String first = binding.headerKeys().get(0);
        if (!first.isEmpty() && !HeaderKey.matches(first, cells.get(0))) {
            return false;
        }
        int same = 0;
        for (int i = 0; i < binding.headerKeys().size(); i++) {
            if (!binding.headerKeys().get(i).isEmpty() && binding.headerKeys().get(i).equals(HeaderKey.of(cells.get(i)))) {
                same++;
            }
        }
        return same > 0 && same * 2 > binding.headerKeys().size();
    }

    private String extract(String field, String value) {
        Pattern p = extracts.get(field);
        if (p == null) {
            return value;
        }
        Matcher m = p.matcher(value);
        return m.find() && m.group(1) != null && !m.group(1).isBlank() ? m.group(1).strip() : value;
    }

    private static Long count(String value) {
        char c0 = value.charAt(0);
        if (c0 >= '0' && c0 <= '9' && value.length() < 10) {
            boolean plain = true;
            for (int i = 1; i < value.length() && plain; i++) {
                plain = value.charAt(i) >= '0' && value.charAt(i) <= '9';
            }
            if (plain) {
                return Long.parseLong(value);
            }
        }
        if (COUNT_PLACEHOLDERS.contains(value.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String digits = value.replace(",", "").replace("_", "");
        try {
            long n = Long.parseLong(digits);
            if (n < 0) {
                throw new IllegalArgumentException("'" + value + "' is a negative count");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number (shifted cells?)");
        }
    }

    private static final scala.collection.immutable.Seq<String> NO_TEXTS = scalaList(List.of());
    private static final scala.collection.Map<String, String> NO_EXTRA =
            scala.jdk.javaapi.CollectionConverters.asScala(Map.<String, String>of());

    /** Spark's row encoder takes Scala collections for array columns. */
    private static scala.collection.immutable.Seq<String> scalaList(List<String> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
    }

    private final Map<List<String>, scala.collection.immutable.Seq<String>> redactedLists = new HashMap<>();
    /** A row that could not be read: where it is, why, and its text as it may be shown; no event values. */
    private Object[] quarantine(CsvRecordReader r, String reason) {
        Object[] v = new Object[N];
        v[I_SOURCE_FORMAT] = profile.id();
        v[I_SOURCE_SYSTEM] = profile.sourceSystem();
        v[I_SOURCE_FILE] = file.displayPath();
        v[I_SOURCE_LINE] = r.line();
        v[I_REASON_Q] = reason;
        v[I_RAW] = quarantineText.of(r);
        return v;
    }

    private void set(Object[] v, int target, Object value) {
        if (target >= 0) {
            v[target] = value;
        } else if (target == DESTINATION) {
            destination = (String) value;
        }
    }

    private static final String[] MONTHS = new String[12 * 200];

    /** "yyyy-MM" for 1990-2189, made once. */
    private static String month(int year, int month) {
        int i = (year - 1990) * 12 + month - 1;
        if (i < 0 || i >= MONTHS.length) {
            return String.format(Locale.ROOT, "%04d-%02d", year, month);
        }
        String m = MONTHS[i];
        if (m == null) {
            m = String.format(Locale.ROOT, "%04d-%02d", year, month);
            MONTHS[i] = m;
        }
        return m;
    }

    /** The Nlets destination of the current row: it decides the owner and is not a column of its own. */
    private String destination;
}
