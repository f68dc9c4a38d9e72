package org.queryaudit.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Real US places and counties per state ({@code queryaudit/reference/gazetteer.csv}, built by
 * {@code scripts/gazetteer/build.sh} from Census county boundaries and GeoNames places). A
 * name read from an agency's name is believed to be a place only when this file holds it.
 */
public final class Gazetteer {
    private static final String RESOURCE = "queryaudit/reference/gazetteer.csv";
    private static Gazetteer shipped;
    private final Map<String, Set<String>> places;
    private final Map<String, Set<String>> counties;
    private final int longest;

    private Gazetteer(Map<String, Set<String>> places, Map<String, Set<String>> counties, int longest) {
        this.places = places;
        this.counties = counties;
        this.longest = longest;
    }

    public static synchronized Gazetteer shipped() {
        if (shipped == null) {
            Map<String, Set<String>> places = new HashMap<>();
            Map<String, Set<String>> counties = new HashMap<>();
            int longest = 1;
            try (Reader r = new InputStreamReader(Gazetteer.class.getClassLoader().getResourceAsStream(RESOURCE),
                    StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                        .get().parse(r)) {
                    String key = key(rec.get("name"));
                    Map<String, Set<String>> into = "county".equals(rec.get("kind")) ? counties : places;
                    into.computeIfAbsent(key, k -> new TreeSet<>()).add(rec.get("state"));
                    longest = Math.max(longest, key.split(" ").length);
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
            shipped = new Gazetteer(places, counties, longest);
        }
        return shipped;
    }

    /**
     * A name as compared: lower case, accents and punctuation removed, "Saint", "Mount" and
     * "Fort" as their short forms (agency names write "St Louis" and "Ft Myers").
     */
    public static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("'", "").replace(".", "");
        s = s.replaceAll("[^a-z0-9]+", " ").strip();
        return s.replaceAll("\\bsaint\\b", "st").replaceAll("\\bmount\\b", "mt").replaceAll("\\bfort\\b", "ft");
    }

    /** The states holding a place of this name (a {@link #key}), empty when none. */
    public Set<String> statesOfPlace(String key) {
        return places.getOrDefault(key, Set.of());
    }

    /** The states holding a county (parish, borough) of this name, empty when none. */
    public Set<String> statesOfCounty(String key) {
        return counties.getOrDefault(key, Set.of());
    }

    /** The most words any name in the file has. */
    public int longestName() {
        return longest;
    }
}
