package org.queryaudit.ingest;

import org.queryaudit.base.ConfigException;
import org.queryaudit.base.DataPattern;
import org.queryaudit.base.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data written in free text (A-numbers, SSNs, dates of birth, phone numbers, e-mail
 * addresses; {@code queryaudit/reference/personal-data.yaml}), masked with its kind kept:
 * "locate A# 212-345-678" becomes "locate [A-number]". Text that holds no '@', no birth word
 * and fewer than seven digits cannot hold any of them and is returned as it is, unscanned.
 */
public final class PersonalData implements Serializable {
    static final String RESOURCE = "queryaudit/reference/personal-data.yaml";
    private final List<String[]> patterns;
    private transient List<Compiled> compiled;

    private record Compiled(Pattern regex, String replacement) {
    }

    private PersonalData(List<String[]> patterns) {
        this.patterns = patterns;
    }

    /** The file as written. */
    record Layout(Integer version, List<Entry> patterns) {
    }

    /** One kind of personal value: its name in brackets, and how to find it. */
    record Entry(String id, String kind, String regex) {
    }

    public static PersonalData shipped() {
        return parse(Yaml.shipped(RESOURCE), RESOURCE);
    }

    static PersonalData parse(JsonNode root, String origin) {
        Layout layout = Yaml.bind(root, Layout.class, origin);
        if (layout.patterns() == null || layout.patterns().isEmpty()) {
            throw new ConfigException(origin + ": field 'patterns' is missing or empty");
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < layout.patterns().size(); i++) {
            Entry p = layout.patterns().get(i);
            String[] v = {p.id(), p.kind(), p.regex()};
            for (int k = 0; k < v.length; k++) {
                if (v[k] == null || v[k].isBlank()) {
                    throw new ConfigException(origin + ": patterns[" + i + "]: field '" + List.of("id", "kind", "regex").get(k) + "' is missing");
                }
            }
            DataPattern.compile(p.regex(), origin + ": pattern '" + p.id() + "': field 'regex'");
            out.add(v);
        }
        return new PersonalData(List.copyOf(out));
    }

    /** The text with every personal value replaced by its kind in brackets; null stays null. */
    public String mask(String text) {
        if (text == null || !mayHold(text)) {
            return text;
        }
        if (compiled == null) {
            List<Compiled> c = new ArrayList<>();
            for (String[] p : patterns) {
                c.add(new Compiled(Pattern.compile(p[2]), Matcher.quoteReplacement("[" + p[1] + "]")));
            }
            compiled = c;
        }
        String s = text;
        for (Compiled c : compiled) {
            s = c.regex.matcher(s).replaceAll(c.replacement);
        }
        return s;
    }

    /** Cheap: only text with an '@', a birth word or seven digits can hold what the patterns find. */
    private static boolean mayHold(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c >= '0' && c <= '9' && ++digits >= 7) {
                return true;
            }
        }
        if (digits < 4) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("dob") || lower.contains("d.o.b") || lower.contains("birth") || lower.contains("born");
    }
}
