package org.queryaudit.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;

/**
 * How the descriptive tables per owner and month measure a search ({@code reference/search-measures.yaml}):
 * the look-back beyond which a search is counted as reaching past retention, the owner's
 * off-hours, and how many top requesters to list.
 *
 * @param lookbackDays  a time frame spanning more days than this is a long look-back
 * @param offHours      the off-hours window, in the owner's local hours
 * @param topRequesters requesters listed per owner and month
 */
public record SearchMeasures(int version, @JsonProperty("lookback_days") int lookbackDays,
                             @JsonProperty("off_hours") OffHours offHours,
                             @JsonProperty("top_requesters") int topRequesters) implements java.io.Serializable {
    public static final String RESOURCE = "queryaudit/reference/search-measures.yaml";

    /** From {@code from} o'clock up to {@code to} o'clock, across midnight when {@code from > to}. */
    public record OffHours(int from, int to) implements java.io.Serializable {
        public boolean contains(int hour) {
            return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
        }

        /** As a table states it: "22:00-05:59". */
        public String text() {
            return String.format("%02d:00-%02d:59", from, (to + 23) % 24);
        }
    }

    public static SearchMeasures shipped() {
        return of(Yaml.shipped(RESOURCE), RESOURCE);
    }

    /** The file as written: every field may be missing here, so that the message can say which. */
    record Layout(Integer version, Integer lookbackDays, OffHours offHours, Integer topRequesters) {
    }

    /** Bound and checked once; each message names the file and the field. */
    static SearchMeasures of(JsonNode root, String origin) {
        Layout l = Yaml.bind(root, Layout.class, origin);
        Object[] values = {l.version(), l.lookbackDays(), l.offHours(), l.topRequesters()};
        String[] fields = {"version", "lookback_days", "off_hours", "top_requesters"};
        for (int i = 0; i < fields.length; i++) {
            if (values[i] == null) {
                throw new ConfigException(origin + ": field '" + fields[i] + "' is missing");
            }
        }
        SearchMeasures m = new SearchMeasures(l.version(), l.lookbackDays(), l.offHours(), l.topRequesters());
        if (m.version() != 1) {
            throw new ConfigException(origin + ": field 'version' must be 1");
        }
        if (m.lookbackDays() <= 0) {
            throw new ConfigException(origin + ": field 'lookback_days' must be a positive number of days");
        }
        if (m.offHours() == null || m.offHours().from() < 0 || m.offHours().from() > 23 || m.offHours().to() < 0
                || m.offHours().to() > 23 || m.offHours().from() == m.offHours().to()) {
            throw new ConfigException(origin + ": field 'off_hours' needs 'from' and 'to', two different hours from 0 to 23");
        }
        if (m.topRequesters() <= 0) {
            throw new ConfigException(origin + ": field 'top_requesters' must be a positive number");
        }
        return m;
    }
}
