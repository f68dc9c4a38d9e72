package org.queryaudit.tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;

/** The reason-tagging patterns, validated when loaded: an error names the file, pattern and field. */
public record TagRules(int version, List<String> categories, List<TagPattern> patterns, OtherStateRule otherState,
                       String origin) implements Serializable {
    static final String RESOURCE = "queryaudit/patterns/reason-tags.yaml";
    static final Set<String> FIELDS = Set.of("reason", "case_number", "offense_type");

    public static TagRules shipped() {
        InputStream in = TagRules.class.getClassLoader().getResourceAsStream(RESOURCE);
        return parse(Yaml.read(in, RESOURCE), RESOURCE);
    }


    static TagRules parse(JsonNode root, String origin) {
        List<String> categories = new ArrayList<>();
        root.path("categories").fieldNames().forEachRemaining(categories::add);
        if (categories.isEmpty()) {
            throw new ConfigException(origin + ": field 'categories' is missing");
        }
        List<TagPattern> patterns = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode p : root.path("patterns")) {
            String where = origin + ": patterns[" + i++ + "]";
            String id = text(p, "id", where);
            where = origin + ": pattern '" + id + "'";
            if (!ids.add(id)) {
                throw new ConfigException(where + ": field 'id': used twice");
            }
            String category = text(p, "category", where);
            if (!categories.contains(category)) {
                throw new ConfigException(where + ": field 'category': '" + category + "' is not one of " + categories);
            }
            List<String> fields = list(p, "fields");
            for (String f : fields) {
                if (!FIELDS.contains(f)) {
                    throw new ConfigException(where + ": field 'fields': '" + f + "' is not one of " + FIELDS);
                }
            }
            String regex = text(p, "regex", where);
            check(regex, where + ": field 'regex'");
            List<String> unless = list(p, "unless");
            for (String u : unless) {
                check(u, where + ": field 'unless'");
            }
            patterns.add(new TagPattern(id, category, fields.isEmpty() ? List.of("reason") : fields, list(p, "triggers"),
                    regex, unless, p.path("whole").asBoolean(false), p.path("source").asText("")));
        }
        JsonNode o = root.path("other_state_agency");
        OtherStateRule other = null;
        if (o.isObject()) {
            String where = origin + ": other_state_agency";
            for (String g : list(o, "guards")) {
                check(g, where + ": field 'guards'");
            }
            other = new OtherStateRule(text(o, "id", where), text(o, "category", where), list(o, "fields"),
                    o.path("window").asInt(25), list(o, "agency_words"), list(o, "guards"), list(o, "ambiguous_codes"),
                    o.path("source").asText(""));
        }
        return new TagRules(root.path("version").asInt(1), categories, patterns, other, origin);
    }

    private static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new ConfigException(where + ": field '" + key + "' is missing");
        }
        return v.asText();
    }

    private static List<String> list(JsonNode n, String key) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(key);
        if (v != null && v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else if (v != null && v.isValueNode()) {
            out.add(v.asText());
        }
        return out;
    }

    private static void check(String regex, String where) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(where + ": not a valid regular expression: " + e.getDescription());
        }
    }
}
