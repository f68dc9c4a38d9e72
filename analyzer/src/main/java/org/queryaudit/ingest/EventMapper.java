package org.queryaudit.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;

/**
 * Turns one record of one file into one row of {@link ParsedRows#SCHEMA}: an event, or a
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
    private final RedactionMarkers markers;
    private final TimestampReader times;
    private final Map<String, Pattern> extracts = new HashMap<>();
    private final Map<String, ZoneId> zones = new HashMap<>();
    private final Map<String, Integer> pos = new HashMap<>();
    private final MessageDigest sha;

    public EventMapper(FileBinding binding, UsStates states, RedactionMarkers markers) {
        this.binding = binding;
        this.file = binding.file();
        this.profile = file.profile();
        this.states = states;
        this.markers = markers;
        this.times = profile.timestampFormats().isEmpty() ? null
                : new TimestampReader(profile.timestampFormats(), profile.timestampZone());
        for (ColumnSpec c : profile.columns().values()) {
            if (c.extract() != null) {
                extracts.put(c.field(), Pattern.compile(c.extract(), Pattern.CASE_INSENSITIVE));
            }
        }
        for (int i = 0; i < N; i++) {
            pos.put(ParsedRows.SCHEMA.fields()[i].name(), i);
        }
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Row map(CsvRecordReader r) {
        return switch (r.problem()) {
            case BROKEN_QUOTE -> quarantine(r, "a quoted cell opened on this line is not closed where the row should end; "
                    + "this line is quarantined alone and reading goes on with the next line (check the quotes in the export)");
            case TOO_LONG -> quarantine(r, "the row is longer than the limit and was cut off (check for a missing line end)");
            case NONE -> mapFields(r);
        };
    }

    private Row mapFields(CsvRecordReader r) {
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
        List<String> redacted = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        for (Map.Entry<String, Integer> e : binding.index().entrySet()) {
            ColumnSpec spec = profile.columns().get(e.getKey());
            String header = file.header().get(e.getValue()).strip();
            String value = cells.get(e.getValue()).strip();
            if (value.isEmpty() || markers.isSentinel(value)) {
                if (spec.required()) {
                    issues.add(spec.field() + " ('" + header + "') is empty; the row cannot be placed without it");
                }
                continue;
            }
            try {
                switch (spec.type()) {
                    case TEXT -> {
                        if (markers.isRedacted(value)) {
                            redacted.add(spec.field());
                            put(v, spec.field(), value);
                        } else {
                            put(v, spec.field(), extract(spec.field(), value));
                        }
                    }
                    case COUNT -> put(v, spec.field(), count(value));
                    case TIMESTAMP -> put(v, spec.field(), times.read(value));
                    case TIME_RANGE -> {
                        Instant[] range = times.readRange(value);
                        put(v, QueryEvent.TIME_FRAME_START, range[0]);
                        put(v, QueryEvent.TIME_FRAME_END, range[1]);
                    }
                }
            } catch (IllegalArgumentException ex) {
                issues.add(spec.field() + " ('" + header + "'): " + ex.getMessage());
            }
        }
        if (!owner(v, issues) || !issues.isEmpty()) {
            return quarantine(r, String.join("; ", issues));
        }
        if (profile.requester() == FormatProfile.RequesterFrom.OWNER && get(v, QueryEvent.REQUESTER_NAME) == null) {
            put(v, QueryEvent.REQUESTER_NAME, get(v, QueryEvent.OWNER_AGENCY));
        }
        Instant at = (Instant) get(v, QueryEvent.OCCURRED_AT);
        ZonedDateTime local = at.atZone(zones.computeIfAbsent(states.zoneOf((String) get(v, QueryEvent.OWNER_STATE)), ZoneId::of));
        put(v, QueryEvent.MONTH, String.format(Locale.ROOT, "%04d-%02d", local.getYear(), local.getMonthValue()));
        put(v, QueryEvent.LOCAL_DATE, local.toLocalDate());
        put(v, QueryEvent.SOURCE_SYSTEM, profile.sourceSystem());
        put(v, QueryEvent.SOURCE_FORMAT, profile.id());
        put(v, QueryEvent.REDACTED_FIELDS, scalaList(redacted));
        Map<String, String> extra = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : binding.unmapped().entrySet()) {
            String value = cells.get(e.getKey()).strip();
            if (!value.isEmpty() && !markers.isSentinel(value)) {
                extra.put(e.getValue(), value);
            }
        }
        put(v, QueryEvent.EXTRA, scala.jdk.javaapi.CollectionConverters.asScala(extra));
        put(v, QueryEvent.SOURCE_FILE, file.displayPath());
        put(v, QueryEvent.SOURCE_LINE, r.line());
        put(v, QueryEvent.EVENT_ID, eventId(v));
        return RowFactory.create(v);
    }

    /** Sets the owner columns; false (with an issue) when a destination names no known owner. */
    private boolean owner(Object[] v, List<String> issues) {
        if (profile.owner() == FormatProfile.OwnerFrom.FILE) {
            put(v, QueryEvent.OWNER_AGENCY, file.ownerAgency());
            put(v, QueryEvent.OWNER_STATE, file.ownerState());
            return true;
        }
        String dest = (String) get(v, "destination");
        if (dest == null) {
            return false; // already reported as a required empty field
        }
        dest = dest.toUpperCase(Locale.ROOT);
        if (dest.length() == 2 && states.isState(dest)) {
            put(v, QueryEvent.OWNER_AGENCY, states.nameOf(dest) + " (Nlets " + dest + ")");
            put(v, QueryEvent.OWNER_STATE, dest);
        } else if (dest.equals("NL")) {
            // A multi-state broadcast: every member state's data is searched.
            put(v, QueryEvent.OWNER_AGENCY, "Nlets multi-state broadcast (NL)");
            put(v, QueryEvent.OWNER_STATE, "NL");
        } else if (ORI.matcher(dest).matches() && states.isState(dest.substring(0, 2))) {
            put(v, QueryEvent.OWNER_AGENCY, dest);
            put(v, QueryEvent.OWNER_STATE, dest.substring(0, 2));
        } else {
            issues.add("destination '" + dest + "' is neither a state code, NL, nor a 9-character ORI of a state");
            return false;
        }
        return true;
    }

    private boolean isHeaderAgain(List<String> cells) {
        // Cheap first: a repeated header repeats its first cell.
        String first = binding.headerKeys().get(0);
        if (!first.isEmpty() && !first.equals(HeaderKey.of(cells.get(0)))) {
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

    private String eventId(Object[] v) {
        sha.reset();
        String exportId = (String) get(v, QueryEvent.EXPORT_ID);
        // The same search appears in several owners' network audits: an id is per owner.
        add(get(v, QueryEvent.OWNER_AGENCY));
        if (exportId != null && !((scala.collection.Seq<?>) get(v, QueryEvent.REDACTED_FIELDS)).contains(QueryEvent.EXPORT_ID)) {
            add("id");
            add(exportId);
        } else {
            for (String c : new String[] {QueryEvent.REQUESTER_NAME, QueryEvent.REQUESTER_ORI, QueryEvent.REQUESTER_USER,
                QueryEvent.OCCURRED_AT, QueryEvent.QUERY_TYPE, QueryEvent.REASON, QueryEvent.CASE_NUMBER,
                QueryEvent.OFFENSE_TYPE, QueryEvent.TARGET, QueryEvent.NETWORKS_SEARCHED, QueryEvent.DEVICES_SEARCHED,
                QueryEvent.TIME_FRAME_START, QueryEvent.TIME_FRAME_END, QueryEvent.LEGAL_PROCESS}) {
                add(get(v, c));
            }
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 12);
    }

    /** Spark's row encoder takes Scala collections for array columns. */
    private static scala.collection.immutable.Seq<String> scalaList(List<String> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
    }

    private void add(Object o) {
        sha.update((o == null ? "\u0000" : o.toString()).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x1f);
    }

    private Row quarantine(CsvRecordReader r, String reason) {
        Object[] v = new Object[N];
        String raw = r.rawText();
        if (raw.length() > ParsedRows.MAX_RAW_CHARS) {
            raw = raw.substring(0, ParsedRows.MAX_RAW_CHARS) + " [cut: " + raw.length() + " characters in all]";
        }
        put(v, QueryEvent.SOURCE_FORMAT, profile.id());
        put(v, QueryEvent.SOURCE_SYSTEM, profile.sourceSystem());
        put(v, QueryEvent.SOURCE_FILE, file.displayPath());
        put(v, QueryEvent.SOURCE_LINE, r.line());
        put(v, QueryEvent.REDACTED_FIELDS, scalaList(List.of()));
        put(v, QueryEvent.EXTRA, scala.jdk.javaapi.CollectionConverters.asScala(Map.<String, String>of()));
        put(v, QueryEvent.EVENT_ID, "quarantine:" + file.index() + ":" + r.line());
        put(v, ParsedRows.QUARANTINE_REASON, reason);
        put(v, ParsedRows.RAW_TEXT, raw);
        return RowFactory.create(v);
    }

    private void put(Object[] v, String column, Object value) {
        Integer i = pos.get(column);
        if (i != null) {
            v[i] = value;
        } else if (column.equals("destination")) {
            destination = (String) value;
        }
    }

    private Object get(Object[] v, String column) {
        Integer i = pos.get(column);
        return i != null ? v[i] : column.equals("destination") ? destination : null;
    }

    /** The Nlets destination of the current row: it decides the owner and is not a column of its own. */
    private String destination;
}
