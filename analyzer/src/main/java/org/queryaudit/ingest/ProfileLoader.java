package org.queryaudit.ingest;

import org.queryaudit.base.ConfigException;
import org.queryaudit.base.DataPattern;
import org.queryaudit.base.Yaml;
import org.queryaudit.model.QueryEvent;

import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates one format profile; every error names the file and the field. */
public final class ProfileLoader {
    /** Canonical columns an events profile may fill. */
    public static final Set<String> EVENT_FIELDS = Set.of(
            "export_id", "requester_user", "requester_name", "requester_ori", "destination",
            "networks_searched", "devices_searched", "time_frame", "time_frame_start", "time_frame_end",
            "target", "reason", "case_number", "offense_type", "occurred_at", "query_type",
            "legal_process", "result_count");
    /** Columns a sharing-configuration profile may fill. */
    public static final Set<String> SHARING_FIELDS = Set.of("organization", "shared_with_me", "i_am_sharing");

    /** The file as written. */
    record Layout(String id, Integer version, String kind, String sourceSystem, String title, List<String> sources,
                  DetectLayout detect, String requester, String owner, String defaultOwnerAgency, List<String> timestampFormats,
                  String timestampZone, LinkedHashMap<String, ColumnLayout> columns, List<String> searchKey, String listOf) {
    }

    record DetectLayout(List<String> required, String filename, Integer priority) {
    }

    record ColumnLayout(List<String> headers, String type, Boolean required, Boolean sensitive, String extract) {
    }

    private ProfileLoader() {
    }

    public static FormatProfile load(InputStream in, String origin) {
        Fields f = new Fields(origin);
        Layout root = Yaml.bind(Yaml.read(in, origin), Layout.class, m -> f.error(m.path(), switch (m.problem()) {
            case UNKNOWN_FIELD -> "unknown key; allowed: " + m.allowed();
            case NOT_A_MAPPING -> m.path().equals("detect") ? "missing; give at least 'required: [header, ...]'"
                    : m.parent().equals("columns") ? "must be a mapping such as {headers: [Reason]}" : "must be a mapping";
            default -> "must be " + m.mustBe();
        }));
        String id = f.text(root.id(), "id", true, null);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw f.error("id", "'" + id + "' must be lower-case letters, digits and dashes");
        }
        int version = root.version() == null ? 1 : root.version();
        FormatProfile.Kind kind = switch (f.text(root.kind(), "kind", false, "events")) {
            case "events" -> FormatProfile.Kind.EVENTS;
            case "sharing" -> FormatProfile.Kind.SHARING;
            default -> throw f.error("kind", "must be 'events' or 'sharing'");
        };
        String system = f.text(root.sourceSystem(), "source_system", true, null);
        if (!Set.of("NLETS", "DMV_PORTAL", "ALPR").contains(system)) {
            throw f.error("source_system", "'" + system + "' must be one of NLETS, DMV_PORTAL, ALPR");
        }
        DetectLayout detectLayout = root.detect();
        if (detectLayout == null) {
            throw f.error("detect", "missing; give at least 'required: [header, ...]'");
        }
        List<String> required = f.list(detectLayout.required(), "detect.required", true);
        String filename = f.text(detectLayout.filename(), "detect.filename", false, null);
        if (filename != null) {
            f.regex(filename, "detect.filename");
        }
        Detection detect = new Detection(required, filename, detectLayout.priority() == null ? 0 : detectLayout.priority());

        FormatProfile.RequesterFrom requester = switch (f.text(root.requester(), "requester", false, "column")) {
            case "column" -> FormatProfile.RequesterFrom.COLUMN;
            case "owner" -> FormatProfile.RequesterFrom.OWNER;
            default -> throw f.error("requester", "must be 'column' (a column names the requester) or 'owner' (own users' searches)");
        };
        FormatProfile.OwnerFrom owner = switch (f.text(root.owner(), "owner", false, "file")) {
            case "file" -> FormatProfile.OwnerFrom.FILE;
            case "destination" -> FormatProfile.OwnerFrom.DESTINATION;
            default -> throw f.error("owner", "must be 'file' or 'destination'");
        };
        List<String> formats = root.timestampFormats() == null ? List.of() : f.list(root.timestampFormats(), "timestamp_formats", true);
        for (int i = 0; i < formats.size(); i++) {
            try {
                new DateTimeFormatterBuilder().appendPattern(formats.get(i)).toFormatter(Locale.US);
            } catch (IllegalArgumentException e) {
                throw f.error("timestamp_formats[" + i + "]", "'" + formats.get(i) + "' is not a java.time pattern: " + e.getMessage());
            }
        }
        String zone = f.text(root.timestampZone(), "timestamp_zone", false, "UTC");
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw f.error("timestamp_zone", "'" + zone + "' is not a time zone id (e.g. UTC, America/Chicago)");
        }

        Map<String, ColumnLayout> cols = root.columns();
        if (cols == null || cols.isEmpty()) {
            throw f.error("columns", "missing; map at least one canonical column to its headers");
        }
        Set<String> allowed = kind == FormatProfile.Kind.EVENTS ? EVENT_FIELDS : SHARING_FIELDS;
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnLayout> e : cols.entrySet()) {
            String field = e.getKey();
            String where = "columns." + field;
            if (!allowed.contains(field)) {
                throw f.error(where, "'" + field + "' is not a canonical column; use one of " + new java.util.TreeSet<>(allowed));
            }
            ColumnLayout c = e.getValue();
            if (c == null) {
                throw f.error(where, "must be a mapping such as {headers: [Reason]}");
            }
            List<String> headers = f.list(c.headers(), where + ".headers", true);
            ValueType type;
            try {
                type = ValueType.parse(f.text(c.type(), where + ".type", false, "text"));
            } catch (IllegalArgumentException ex) {
                throw f.error(where + ".type", ex.getMessage());
            }
            if ((type == ValueType.TIMESTAMP || type == ValueType.TIME_RANGE) && formats.isEmpty()) {
                throw f.error("timestamp_formats", "needed by " + where + " (type " + type.name().toLowerCase(Locale.ROOT) + ")");
            }
            String extract = f.text(c.extract(), where + ".extract", false, null);
            if (extract != null) {
                Pattern p = f.regex(extract, where + ".extract");
                if (p.matcher("").groupCount() < 1) {
                    throw f.error(where + ".extract", "needs one capturing group: the value");
                }
            }
            columns.put(field, new ColumnSpec(field, headers, type, Boolean.TRUE.equals(c.required()),
                    Boolean.TRUE.equals(c.sensitive()), extract));
        }
        if (kind == FormatProfile.Kind.EVENTS) {
            if (!columns.containsKey("occurred_at")) {
                throw f.error("columns.occurred_at", "missing; every event needs the time of the query");
            }
            if (requester == FormatProfile.RequesterFrom.COLUMN && !columns.containsKey("requester_name")
                    && !columns.containsKey("requester_ori")) {
                throw f.error("columns", "requester is 'column' but neither requester_name nor requester_ori is mapped");
            }
            if (owner == FormatProfile.OwnerFrom.DESTINATION && !columns.containsKey("destination")) {
                throw f.error("columns.destination", "missing; owner is 'destination'");
            }
        } else if (!columns.containsKey("organization")) {
            throw f.error("columns.organization", "missing; a sharing export lists organisations");
        }
        List<String> searchKey = root.searchKey() == null ? List.of() : f.list(root.searchKey(), "search_key", true);
        for (String k : searchKey) {
            if (!QueryEvent.SEARCH_KEY_FIELDS.contains(k)) {
                throw f.error("search_key", "'" + k + "' cannot be part of a search key; use some of "
                        + new java.util.TreeSet<>(QueryEvent.SEARCH_KEY_FIELDS));
            }
        }
        FormatProfile.ListOf listOf = null;
        if (root.listOf() != null) {
            if (kind != FormatProfile.Kind.SHARING) {
                throw f.error("list_of", "only a sharing profile (kind: sharing) lists organisations");
            }
            listOf = switch (f.text(root.listOf(), "list_of", true, null)) {
                case "recipients" -> FormatProfile.ListOf.RECIPIENTS;
                case "sources" -> FormatProfile.ListOf.SOURCES;
                case "unknown" -> FormatProfile.ListOf.UNKNOWN;
                default -> throw f.error("list_of", "must be 'recipients' (the owner shares with them), 'sources' (it receives"
                        + " from them) or 'unknown'");
            };
        }
        return new FormatProfile(id, version, kind, system, f.text(root.title(), "title", false, id),
                root.sources() == null ? List.of() : root.sources(), detect, requester, owner,
                f.text(root.defaultOwnerAgency(), "default_owner_agency", false, null), formats, zone, columns, searchKey, listOf, origin);
    }

    /** Checks of bound values that name the file and the field in every error. */
    private record Fields(String origin) {
        ConfigException error(String field, String what) {
            return new ConfigException("profile " + origin + ": field '" + field + "': " + what);
        }

        String text(String v, String field, boolean required, String dflt) {
            if (v == null) {
                if (required) {
                    throw error(field, "missing");
                }
                return dflt;
            }
            return v;
        }

        List<String> list(List<String> v, String field, boolean nonEmpty) {
            if (nonEmpty && (v == null || v.isEmpty())) {
                throw error(field, "missing or empty");
            }
            return v == null ? List.of() : v;
        }

        Pattern regex(String regex, String where) {
            return DataPattern.compile(regex, "profile " + origin + ": field '" + where + "'");
        }
    }
}
