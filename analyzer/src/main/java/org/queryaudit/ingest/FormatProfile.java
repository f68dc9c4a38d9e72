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
 * @param listOf    for a bare list of organisation names (no sharing columns): what the list is, or
 *                  null for a sharing export with its own columns
 * @param origin where the profile was read from, for error messages and the manifest
 */
public record FormatProfile(String id, int version, Kind kind, String sourceSystem, String title,
                            List<String> sources, Detection detect, RequesterFrom requester,
                            OwnerFrom owner, String defaultOwnerAgency, List<String> timestampFormats,
                            String timestampZone, Map<String, ColumnSpec> columns, List<String> searchKey, ListOf listOf,
                            String origin)
        implements Serializable {

    /** Whether the file holds query events or a sharing configuration. */
    public enum Kind { EVENTS, SHARING }

    /**
     * What a bare list of organisations is (issue 16): those the owner shares its data with, those it
     * receives data from, or a list whose direction the file does not say (read, never audited).
     */
    public enum ListOf { RECIPIENTS, SOURCES, UNKNOWN }

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
