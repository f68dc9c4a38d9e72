package org.queryaudit.ingest;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source kind's mapping from an export's columns onto the canonical {@code QueryEvent}
 * columns. Profiles are data (YAML under {@code queryaudit/profiles/}, or a user's file), so
 * a new export layout is a new file, not new code.
 *
 * @param searchKey the canonical columns that together name one search across owners' exports
 *                  (issue 16): rows agreeing on all of them are one search; empty when every row is
 *                  its own search (a message log)
 * @param origin where the profile was read from, for error messages and the manifest
 */
public record FormatProfile(String id, int version, Kind kind, String sourceSystem, String title,
                            List<String> sources, Detection detect, RequesterFrom requester,
                            OwnerFrom owner, String defaultOwnerAgency, List<String> timestampFormats,
                            String timestampZone, Map<String, ColumnSpec> columns, List<String> searchKey, String origin)
        implements Serializable {

    /** Whether the file holds query events or a sharing configuration. */
    public enum Kind { EVENTS, SHARING }

    /** Who asked: a column of the row, or the owner agency itself (own-user audits). */
    public enum RequesterFrom { COLUMN, OWNER }

    /** Whose data: known per file (name, inputs list, flags), or the Nlets destination column. */
    public enum OwnerFrom { FILE, DESTINATION }

    public FormatProfile {
        sources = List.copyOf(sources);
        timestampFormats = List.copyOf(timestampFormats);
        searchKey = List.copyOf(searchKey);
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public String ownerAgencyFor(String state) {
        if (defaultOwnerAgency == null || state == null) {
            return null;
        }
        return defaultOwnerAgency.replace("{state}", state);
    }
}
