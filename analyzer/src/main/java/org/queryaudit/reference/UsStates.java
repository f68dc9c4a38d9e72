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
 * Two-letter state codes with the time zone that cuts an owner's calendar months, and what
 * else each code's letters read as in an agency's name where they are a word or an
 * abbreviation too ({@code queryaudit/reference/us-states.csv}).
 */
public final class UsStates implements Serializable {
    private static final String RESOURCE = "queryaudit/reference/us-states.csv";
    private static UsStates shipped;
    private final Map<String, String> zones;
    private final Map<String, String> names;
    private final Map<String, String> words;
    private final Map<String, String> writtenAlso;

    private UsStates(Map<String, String> zones, Map<String, String> names, Map<String, String> words,
                     Map<String, String> writtenAlso) {
        this.writtenAlso = Collections.unmodifiableMap(writtenAlso);
        this.zones = Collections.unmodifiableMap(zones);
        this.names = Collections.unmodifiableMap(names);
        this.words = Collections.unmodifiableMap(words);
    }

    public static synchronized UsStates shipped() {
        if (shipped == null) {
            Map<String, String> zones = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, String> words = new LinkedHashMap<>();
            Map<String, String> writtenAlso = new LinkedHashMap<>();
            try (Reader r = new InputStreamReader(UsStates.class.getClassLoader().getResourceAsStream(RESOURCE),
                    StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                    String code = rec.get("code");
                    ZoneId.of(rec.get("time_zone"));
                    zones.put(code, rec.get("time_zone"));
                    names.put(code, rec.get("name"));
                    for (String other : rec.get("written_also").split(";")) {
                        if (!other.isBlank()) {
                            writtenAlso.put(other.strip(), code);
                        }
                    }
                    if (!rec.get("code_is_word").isBlank()) {
                        words.put(code, rec.get("code_is_word"));
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
            shipped = new UsStates(zones, names, words, writtenAlso);
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

    /**
     * Whether the code's letters are also a word or another common abbreviation in agency names
     * ("CO" county, "IN", "OR", "LA" Los Angeles): such a code names a state only beside a place
     * of that state. The others (TX, PA, WI, ...) name their state wherever a state stands.
     */
    public boolean codeIsWord(String code) {
        return words.containsKey(code);
    }

    /** Other ways a state's name is written in agency names ("NYS": New York State), to the code. */
    public Map<String, String> writtenAlso() {
        return writtenAlso;
    }

    public Map<String, String> names() {
        return names;
    }
}
