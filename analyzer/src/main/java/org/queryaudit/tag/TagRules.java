package org.queryaudit.tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.DataPattern;
import org.queryaudit.base.Yaml;

/** The reason-tagging patterns, validated when loaded: an error names the file, pattern and field. */
public record TagRules(int version, List<String> categories, List<TagPattern> patterns, OtherStateRule otherState,
                       String origin) implements Serializable {
    static final String RESOURCE = "queryaudit/patterns/reason-tags.yaml";
    static final Set<String> FIELDS = Set.of("reason", "case_number", "offense_type");

    /** The file as written. */
    record Layout(Integer version, java.util.LinkedHashMap<String, String> categories, List<PatternLayout> patterns,
                  OtherLayout otherStateAgency) {
    }

    record PatternLayout(String id, String category, List<String> fields, List<String> triggers, String regex, List<String> unless,
                         Boolean whole, String source) {
    }

    record OtherLayout(String id, String category, List<String> fields, Integer window, List<String> agencyWords,
                       List<String> guards, List<String> ambiguousCodes, String source) {
    }

    public static TagRules shipped() {
        return parse(Yaml.shipped(RESOURCE), RESOURCE);
    }

    static TagRules parse(JsonNode root, String origin) {
        Layout layout = Yaml.bind(root, Layout.class, origin);
        List<String> categories = layout.categories() == null ? List.of() : List.copyOf(layout.categories().keySet());
        if (categories.isEmpty()) {
            throw new ConfigException(origin + ": field 'categories' is missing");
        }
        List<TagPattern> patterns = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<PatternLayout> listed = layout.patterns() == null ? List.of() : layout.patterns();
        for (int i = 0; i < listed.size(); i++) {
            PatternLayout p = listed.get(i);
            String id = text(p.id(), "id", origin + ": patterns[" + i + "]");
            String where = origin + ": pattern '" + id + "'";
            if (!ids.add(id)) {
                throw new ConfigException(where + ": field 'id': used twice");
            }
            String category = text(p.category(), "category", where);
            if (!categories.contains(category)) {
                throw new ConfigException(where + ": field 'category': '" + category + "' is not one of " + categories);
            }
            List<String> fields = list(p.fields());
            for (String f : fields) {
                if (!FIELDS.contains(f)) {
                    throw new ConfigException(where + ": field 'fields': '" + f + "' is not one of " + new java.util.TreeSet<>(FIELDS));
                }
            }
            String regex = text(p.regex(), "regex", where);
            DataPattern.compile(regex, where + ": field 'regex'");
            List<String> unless = list(p.unless());
            for (String u : unless) {
                DataPattern.compile(u, where + ": field 'unless'");
            }
            patterns.add(new TagPattern(id, category, fields.isEmpty() ? List.of("reason") : fields, list(p.triggers()),
                    regex, unless, Boolean.TRUE.equals(p.whole()), p.source() == null ? "" : p.source()));
        }
        OtherLayout o = layout.otherStateAgency();
        OtherStateRule other = null;
        if (o != null) {
            String where = origin + ": other_state_agency";
            for (String g : list(o.guards())) {
                DataPattern.compile(g, where + ": field 'guards'");
            }
            other = new OtherStateRule(text(o.id(), "id", where), text(o.category(), "category", where), list(o.fields()),
                    o.window() == null ? 25 : o.window(), list(o.agencyWords()), list(o.guards()), list(o.ambiguousCodes()),
                    o.source() == null ? "" : o.source());
        }
        return new TagRules(layout.version() == null ? 1 : layout.version(), categories, patterns, other, origin);
    }

    private static String text(String v, String key, String where) {
        if (v == null || v.isBlank()) {
            throw new ConfigException(where + ": field '" + key + "' is missing");
        }
        return v;
    }

    private static List<String> list(List<String> v) {
        return v == null ? List.of() : v;
    }
}
