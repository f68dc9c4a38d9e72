package org.queryaudit.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.DataPattern;
import org.queryaudit.base.Yaml;

/**
 * Values that mean "withheld" ({@code queryaudit/reference/redaction-markers.yaml}), and the
 * vendor's no-value sentinel. A redacted cell is kept and marked, never tagged as text.
 */
public final class RedactionMarkers implements Serializable {
    private static final String RESOURCE = "queryaudit/reference/redaction-markers.yaml";
    private final Set<String> exact;
    private final List<String> regexes;
    private final Set<String> sentinels;
    private final int version;
    private final List<String> prefixes;
    private final int maxExact;
    private final String exactFirst;
    /** First characters of the prefixes and the longest sentinel: most cells are ruled out by one look. */
    private final String prefixFirst;
    private final int maxSentinel;
    private transient List<Pattern> patterns;

    private RedactionMarkers(int version, Set<String> exact, List<String> regexes, Set<String> sentinels, List<String> prefixes) {
        this.version = version;
        this.prefixes = List.copyOf(prefixes);
        this.maxExact = exact.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder first = new StringBuilder();
        exact.forEach(e -> first.append(e.charAt(0)));
        this.exactFirst = first.toString();
        this.exact = exact;
        StringBuilder prefixFirst = new StringBuilder();
        prefixes.forEach(p -> prefixFirst.append(p.isEmpty() ? "" : Character.toLowerCase(p.charAt(0))));
        // An empty prefix lets every value through to the patterns.
        this.prefixFirst = prefixes.stream().anyMatch(String::isEmpty) ? null : prefixFirst.toString();
        this.maxSentinel = sentinels.stream().mapToInt(String::length).max().orElse(0);
        this.regexes = regexes;
        this.sentinels = sentinels;
    }

    /** The file as written. */
    record Layout(Integer version, List<String> exact, List<Marker> patterns, List<String> sentinels, List<String> patternPrefixes) {
    }

    /** A pattern of a withheld value. */
    record Marker(String id, String regex) {
    }

    public static RedactionMarkers shipped() {
        return of(Yaml.shipped(RESOURCE), RESOURCE);
    }

    /** Bound and checked once; a message names the file, the pattern and the field. */
    static RedactionMarkers of(JsonNode root, String origin) {
        Layout layout = Yaml.bind(root, Layout.class, origin);
        Set<String> exact = new HashSet<>();
        for (String e : orEmpty(layout.exact())) {
            if (e == null || e.isBlank()) {
                throw new ConfigException(origin + ": field 'exact': a blank marker would take every empty cell for withheld");
            }
            exact.add(e.toLowerCase(Locale.ROOT));
        }
        List<String> regexes = new ArrayList<>();
        List<Marker> markers = orEmpty(layout.patterns());
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            String where = origin + ": " + (m.id() == null ? "patterns[" + i + "]" : "pattern '" + m.id() + "'");
            if (m.regex() == null || m.regex().isBlank()) {
                throw new ConfigException(where + ": field 'regex' is missing");
            }
            DataPattern.compile(m.regex(), where + ": field 'regex'");
            regexes.add(m.regex());
        }
        if (!regexes.isEmpty() && orEmpty(layout.patternPrefixes()).isEmpty()) {
            // The patterns run only on values that begin with a listed prefix.
            throw new ConfigException(origin + ": field 'pattern_prefixes' is missing: without it no pattern is ever tried");
        }
        RedactionMarkers m = new RedactionMarkers(layout.version() == null ? 1 : layout.version(), exact, regexes,
                new HashSet<>(orEmpty(layout.sentinels())), orEmpty(layout.patternPrefixes()));
        m.compiled();
        return m;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private List<Pattern> compiled() {
        if (patterns == null) {
            List<Pattern> list = new ArrayList<>();
            for (String r : regexes) {
                list.add(Pattern.compile(r, Pattern.CASE_INSENSITIVE));
            }
            patterns = list;
        }
        return patterns;
    }

    /** Whether a trimmed, non-empty value is a redaction marker. */
    public boolean isRedacted(String value) {
        // Markers and exemption citations are short; the patterns only match known prefixes.
        if (value.length() > 80) {
            return false;
        }
        if (value.length() <= maxExact && exactFirst.indexOf(Character.toLowerCase(value.charAt(0))) >= 0
                && exact.contains(value.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (prefixFirst != null && prefixFirst.indexOf(Character.toLowerCase(value.charAt(0))) < 0) {
            return false;
        }
        boolean prefixed = false;
        for (String p : prefixes) {
            if (value.regionMatches(true, 0, p, 0, p.length())) {
                prefixed = true;
                break;
            }
        }
        if (!prefixed) {
            return false;
        }
        for (Pattern p : compiled()) {
            if (p.matcher(value).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a trimmed value is the vendor's "no value" sentinel. */
    public boolean isSentinel(String value) {
        return value.length() <= maxSentinel && sentinels.contains(value);
    }

    public int version() {
        return version;
    }
}
