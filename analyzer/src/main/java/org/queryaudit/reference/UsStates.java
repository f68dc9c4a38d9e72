package org.queryaudit.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Two-letter state codes with the time zone that cuts an owner's calendar months
 * ({@code queryaudit/reference/us-states.csv}).
 */
public final class UsStates implements Serializable {
    private static final String RESOURCE = "queryaudit/reference/us-states.csv";
    private static UsStates shipped;
    private final Map<String, String> zones;
    private final Map<String, String> names;

    private UsStates(Map<String, String> zones, Map<String, String> names) {
        this.zones = Collections.unmodifiableMap(zones);
        this.names = Collections.unmodifiableMap(names);
    }

    public static synchronized UsStates shipped() {
        if (shipped == null) {
            Map<String, String> zones = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            try (Reader r = new InputStreamReader(UsStates.class.getClassLoader().getResourceAsStream(RESOURCE),
                    StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                    String code = rec.get("code");
                    ZoneId.of(rec.get("time_zone"));
                    zones.put(code, rec.get("time_zone"));
                    names.put(code, rec.get("name"));
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
            shipped = new UsStates(zones, names);
        }
        return shipped;
    }

    public boolean isState(String code) {
        return code != null && zones.containsKey(code);
    }

    /** The zone of the state's calendar, UTC for anything else. */
    public String zoneOf(String code) {
        return code == null ? "UTC" : zones.getOrDefault(code, "UTC");
    }

    public String nameOf(String code) {
        return names.get(code);
    }

    public Map<String, String> names() {
        return names;
    }
}
