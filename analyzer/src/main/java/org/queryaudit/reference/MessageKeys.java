package org.queryaudit.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;

/**
 * What an event's data is (issue 17), from {@code queryaudit/nlets/message-keys.yaml}: an Nlets
 * message's key decides its class (driver, vehicle, criminal history, an immigration status
 * query to ICE, ...); an ALPR audit's rows are ALPR data and a DMV portal's are DMV records.
 * Rules apply by class: a pack's {@code dmv} rules to the classes the file marks {@code dmv}.
 */
public final class MessageKeys implements Serializable {
    public static final String RESOURCE = "queryaudit/nlets/message-keys.yaml";
    public static final String ALPR = "alpr";
    /** A DMV portal's records (driver or vehicle), and the rule packs' name for DMV data. */
    public static final String DMV = "dmv";
    public static final String UNKNOWN = "unknown";

    /** One class of data. */
    public record DataClass(boolean dmv, String what) implements Serializable {
    }

    /** One message key. */
    public record Key(String key, String queries, @JsonProperty("class") String dataClass, String source) implements Serializable {
    }

    /** The file as written. */
    record Layout(int version, Map<String, DataClass> classes, List<Key> keys) {
    }

    private final Map<String, DataClass> classes;
    private final Map<String, Key> keys;

    private MessageKeys(Map<String, DataClass> classes, Map<String, Key> keys) {
        this.classes = classes;
        this.keys = keys;
    }

    public static MessageKeys shipped() {
        return of(Yaml.shipped(RESOURCE), RESOURCE);
    }

    /** Bound and checked once; a message names the file, the key and the field. */
    static MessageKeys of(JsonNode root, String origin) {
        Layout layout = Yaml.bind(root, Layout.class, m -> new ConfigException(origin + ": " + m.inWords()
                + "; expected: version, classes {name: {dmv, what}}, keys [{key, queries, class, source}]"));
        if (layout.version() != 1 || layout.classes() == null || layout.keys() == null) {
            throw new ConfigException(origin + ": needs 'version: 1', 'classes' and 'keys'");
        }
        Map<String, DataClass> classes = new LinkedHashMap<>(layout.classes());
        for (String reserved : List.of(ALPR, DMV, UNKNOWN)) {
            if (classes.containsKey(reserved)) {
                throw new ConfigException(origin + ": class '" + reserved + "' is reserved (ALPR audits, DMV portals, keys not listed)");
            }
        }
        classes.put(ALPR, new DataClass(false, "ALPR data"));
        classes.put(DMV, new DataClass(true, "a DMV portal's driver and vehicle records"));
        classes.put(UNKNOWN, new DataClass(false, "a message key not in " + RESOURCE));
        Map<String, Key> keys = new HashMap<>();
        for (Key k : layout.keys()) {
            if (k.key() == null || k.key().isBlank()) {
                throw new ConfigException(origin + ": a key without 'key'");
            }
            String where = origin + ": key '" + k.key() + "'";
            if (k.dataClass() == null || !layout.classes().containsKey(k.dataClass())) {
                throw new ConfigException(where + ": field 'class' must be one of " + layout.classes().keySet());
            }
            if (k.source() == null || k.source().isBlank() || k.queries() == null || k.queries().isBlank()) {
                throw new ConfigException(where + ": fields 'queries' and 'source' are required");
            }
            if (keys.put(k.key().toUpperCase(Locale.ROOT), k) != null) {
                throw new ConfigException(where + ": listed twice");
            }
        }
        return new MessageKeys(Map.copyOf(classes), Map.copyOf(keys));
    }

    /** The class of one event's data: by its message key for Nlets, by its system otherwise. */
    public String dataClass(String sourceSystem, String queryType) {
        if ("ALPR".equals(sourceSystem)) {
            return ALPR;
        }
        if (!"NLETS".equals(sourceSystem)) {
            return DMV;
        }
        Key k = queryType == null ? null : keys.get(queryType.strip().toUpperCase(Locale.ROOT));
        return k == null ? UNKNOWN : k.dataClass();
    }

    /** The rule packs' data kind a class falls under ({@code alpr}, {@code dmv}), or the class itself. */
    public String ruleData(String dataClass) {
        if (ALPR.equals(dataClass)) {
            return ALPR;
        }
        DataClass c = classes.get(dataClass);
        return c != null && c.dmv() ? DMV : dataClass;
    }

    /** In words, for a finding or a table. */
    public String what(String dataClass) {
        DataClass c = classes.get(dataClass);
        return c == null ? dataClass : c.what();
    }

    public Map<String, DataClass> classes() {
        return classes;
    }
}
