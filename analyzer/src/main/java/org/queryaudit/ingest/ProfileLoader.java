package org.queryaudit.ingest;

import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;
import org.queryaudit.model.QueryEvent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
    private static final Set<String> TOP_KEYS = Set.of("id", "version", "kind", "source_system", "title",
            "sources", "detect", "requester", "owner", "default_owner_agency", "timestamp_formats",
            "timestamp_zone", "columns", "search_key", "list_of");
    private static final Set<String> COLUMN_KEYS = Set.of("headers", "type", "required", "sensitive", "extract");

    private ProfileLoader() {
    }

    public static FormatProfile load(InputStream in, String origin) {
        JsonNode root = Yaml.read(in, origin);
        Fields f = new Fields(origin);
        f.onlyKeys(root, TOP_KEYS, "");
        String id = f.text(root, "id", true);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw f.error("id", "'" + id + "' must be lower-case letters, digits and dashes");
        }
        int version = root.path("version").asInt(1);
        FormatProfile.Kind kind = switch (f.text(root, "kind", false, "events")) {
            case "events" -> FormatProfile.Kind.EVENTS;
            case "sharing" -> FormatProfile.Kind.SHARING;
            default -> throw f.error("kind", "must be 'events' or 'sharing'");
        };
        String system = f.text(root, "source_system", true);
        if (!Set.of("NLETS", "DMV_PORTAL", "ALPR").contains(system)) {
            throw f.error("source_system", "'" + system + "' must be one of NLETS, DMV_PORTAL, ALPR");
        }
        JsonNode detectNode = root.path("detect");
        if (!detectNode.isObject()) {
            throw f.error("detect", "missing; give at least 'required: [header, ...]'");
        }
        f.onlyKeys(detectNode, Set.of("required", "filename", "priority"), "detect.");
        List<String> required = f.list(detectNode, "required", "detect.required", true);
        String filename = f.text(detectNode, "filename", false);
        if (filename != null) {
            f.regex(filename, "detect.filename");
        }
        Detection detect = new Detection(required, filename, detectNode.path("priority").asInt(0));

        FormatProfile.RequesterFrom requester = switch (f.text(root, "requester", false, "column")) {
            case "column" -> FormatProfile.RequesterFrom.COLUMN;
            case "owner" -> FormatProfile.RequesterFrom.OWNER;
            default -> throw f.error("requester", "must be 'column' (a column names the requester) or 'owner' (own users' searches)");
        };
        FormatProfile.OwnerFrom owner = switch (f.text(root, "owner", false, "file")) {
            case "file" -> FormatProfile.OwnerFrom.FILE;
            case "destination" -> FormatProfile.OwnerFrom.DESTINATION;
            default -> throw f.error("owner", "must be 'file' or 'destination'");
        };
        List<String> formats = root.has("timestamp_formats")
                ? f.list(root, "timestamp_formats", "timestamp_formats", true) : List.of();
        for (int i = 0; i < formats.size(); i++) {
            try {
                new DateTimeFormatterBuilder().appendPattern(formats.get(i)).toFormatter(Locale.US);
            } catch (IllegalArgumentException e) {
                throw f.error("timestamp_formats[" + i + "]", "'" + formats.get(i) + "' is not a java.time pattern: " + e.getMessage());
            }
        }
        String zone = f.text(root, "timestamp_zone", false, "UTC");
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw f.error("timestamp_zone", "'" + zone + "' is not a time zone id (e.g. UTC, America/Chicago)");
        }

        JsonNode cols = root.path("columns");
        if (!cols.isObject() || cols.isEmpty()) {
            throw f.error("columns", "missing; map at least one canonical column to its headers");
        }
        Set<String> allowed = kind == FormatProfile.Kind.EVENTS ? EVENT_FIELDS : SHARING_FIELDS;
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = cols.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            String where = "columns." + field;
            if (!allowed.contains(field)) {
                throw f.error(where, "'" + field + "' is not a canonical column; use one of " + new java.util.TreeSet<>(allowed));
            }
            JsonNode c = e.getValue();
            if (!c.isObject()) {
                throw f.error(where, "must be a mapping such as {headers: [Reason]}");
            }
            f.onlyKeys(c, COLUMN_KEYS, where + ".");
            List<String> headers = f.list(c, "headers", where + ".headers", true);
            ValueType type;
            try {
                type = ValueType.parse(f.text(c, "type", false, "text"));
            } catch (IllegalArgumentException ex) {
                throw f.error(where + ".type", ex.getMessage());
            }
            if ((type == ValueType.TIMESTAMP || type == ValueType.TIME_RANGE) && formats.isEmpty()) {
                throw f.error("timestamp_formats", "needed by " + where + " (type " + type.name().toLowerCase(Locale.ROOT) + ")");
            }
            String extract = f.text(c, "extract", false);
            if (extract != null) {
                Pattern p = f.regex(extract, where + ".extract");
                if (p.matcher("").groupCount() < 1) {
                    throw f.error(where + ".extract", "needs one capturing group: the value");
                }
            }
            columns.put(field, new ColumnSpec(field, headers, type, c.path("required").asBoolean(false),
                    c.path("sensitive").asBoolean(false), extract));
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
        List<String> searchKey = root.has("search_key") ? f.list(root, "search_key", "search_key", true) : List.of();
        for (String k : searchKey) {
            if (!QueryEvent.SEARCH_KEY_FIELDS.contains(k)) {
                throw f.error("search_key", "'" + k + "' cannot be part of a search key; use some of "
                        + new java.util.TreeSet<>(QueryEvent.SEARCH_KEY_FIELDS));
            }
        }
        FormatProfile.ListOf listOf = null;
        if (root.has("list_of")) {
            if (kind != FormatProfile.Kind.SHARING) {
                throw f.error("list_of", "only a sharing profile (kind: sharing) lists organisations");
            }
            listOf = switch (f.text(root, "list_of", true)) {
                case "recipients" -> FormatProfile.ListOf.RECIPIENTS;
                case "sources" -> FormatProfile.ListOf.SOURCES;
                case "unknown" -> FormatProfile.ListOf.UNKNOWN;
                default -> throw f.error("list_of", "must be 'recipients' (the owner shares with them), 'sources' (it receives"
                        + " from them) or 'unknown'");
            };
        }
        return new FormatProfile(id, version, kind, system, f.text(root, "title", false, id),
                root.has("sources") ? f.list(root, "sources", "sources", false) : List.of(), detect,
                requester, owner, f.text(root, "default_owner_agency", false), formats, zone, columns, searchKey, listOf, origin);
    }

    /** Field readers that name the file and the field in every error. */
    private record Fields(String origin) {
        ConfigException error(String field, String what) {
            return new ConfigException("profile " + origin + ": field '" + field + "': " + what);
        }

        void onlyKeys(JsonNode node, Set<String> keys, String prefix) {
            node.fieldNames().forEachRemaining(k -> {
                if (!keys.contains(k)) {
                    throw error(prefix + k, "unknown key; allowed: " + new java.util.TreeSet<>(keys));
                }
            });
        }

        String text(JsonNode node, String key, boolean required) {
            return text(node, key, required, null);
        }

        String text(JsonNode node, String key, boolean required, String dflt) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(key, "missing");
                }
                return dflt;
            }
            if (!v.isValueNode()) {
                throw error(key, "must be a single value");
            }
            return v.asText();
        }

        List<String> list(JsonNode node, String key, String where, boolean nonEmpty) {
            JsonNode v = node.get(key);
            List<String> out = new ArrayList<>();
            if (v != null && v.isArray()) {
                v.forEach(x -> out.add(x.asText()));
            } else if (v != null && v.isValueNode()) {
                out.add(v.asText());
            } else if (v != null && !v.isNull()) {
                throw error(where, "must be a list");
            }
            if (nonEmpty && out.isEmpty()) {
                throw error(where, "missing or empty");
            }
            return out;
        }

        Pattern regex(String regex, String where) {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw error(where, "not a valid regular expression: " + e.getDescription());
            }
        }
    }
}
