package org.queryaudit.ingest;

import org.queryaudit.base.ConfigException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The format profiles known to a run: the shipped ones plus any the user gives. */
public final class ProfileCatalog {
    private static final String BASE = "queryaudit/profiles/";
    private final Map<String, FormatProfile> profiles;

    private ProfileCatalog(Map<String, FormatProfile> profiles) {
        this.profiles = profiles;
    }

    public static ProfileCatalog builtIn() {
        Map<String, FormatProfile> map = new LinkedHashMap<>();
        for (String name : resourceLines(BASE + "index.txt")) {
            FormatProfile p = ProfileLoader.load(resource(BASE + name), "queryaudit/profiles/" + name);
            map.put(p.id(), p);
        }
        return new ProfileCatalog(map);
    }

    /** Loads a user's profile file; it is added to the catalogue (replacing a shipped one of the same id). */
    public FormatProfile addFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigException("profile " + file + ": file not found or not readable");
        }
        try {
            FormatProfile p = ProfileLoader.load(Files.newInputStream(file), file.toString());
            profiles.put(p.id(), p);
            return p;
        } catch (IOException e) {
            throw new ConfigException("profile " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public FormatProfile byId(String id) {
        FormatProfile p = profiles.get(id);
        if (p == null) {
            throw new ConfigException("format '" + id + "' is not known; use auto, a YAML profile file, or one of " + profiles.keySet());
        }
        return p;
    }

    public Collection<FormatProfile> all() {
        return profiles.values();
    }

    /**
     * Picks the profile for a file from its header and name. Among profiles whose required
     * headers are all present, one whose file-name pattern matches wins, then the one with
     * more of its columns present, then the higher priority.
     */
    public FormatProfile detect(List<String> header, String fileName, FormatProfile.Kind kind) {
        List<String> keys = header.stream().map(HeaderKey::of).toList();
        List<Candidate> candidates = new ArrayList<>();
        FormatProfile closest = null;
        List<String> closestMissing = null;
        int closestPresent = -1;
        for (FormatProfile p : profiles.values()) {
            if (kind != null && p.kind() != kind) {
                continue;
            }
            List<String> missing = p.detect().required().stream()
                    .filter(h -> !keys.contains(HeaderKey.of(h))).toList();
            if (missing.isEmpty()) {
                boolean nameMatch = p.detect().filename() != null
                        && Pattern.compile(p.detect().filename()).matcher(fileName).find();
                long present = p.columns().values().stream()
                        .filter(c -> c.headers().stream().anyMatch(h -> keys.contains(HeaderKey.of(h)))).count();
                candidates.add(new Candidate(p, nameMatch, present));
            } else {
                // Closest: the profile with most of its required columns present, then fewest missing.
                int present = p.detect().required().size() - missing.size();
                if (present > closestPresent || present == closestPresent && missing.size() < closestMissing.size()) {
                    closest = p;
                    closestMissing = missing;
                    closestPresent = present;
                }
            }
        }
        if (candidates.isEmpty()) {
            String near = closest == null ? "" : "; the closest profile is '" + closest.id() + "', which needs the missing column(s) "
                    + closestMissing;
            throw new ConfigException(fileName + ": line 1: the header " + header + " matches no format profile" + near
                    + ". Give --format NAME or a profile YAML (README, 'Your own export').");
        }
        candidates.sort((a, b) -> {
            if (a.nameMatch != b.nameMatch) {
                return a.nameMatch ? -1 : 1;
            }
            if (a.present != b.present) {
                return Long.compare(b.present, a.present);
            }
            return Integer.compare(b.profile.detect().priority(), a.profile.detect().priority());
        });
        if (candidates.size() > 1) {
            Candidate a = candidates.get(0);
            Candidate b = candidates.get(1);
            if (a.nameMatch == b.nameMatch && a.present == b.present
                    && a.profile.detect().priority() == b.profile.detect().priority()) {
                throw new ConfigException(fileName + ": the header matches both '" + a.profile.id() + "' and '"
                        + b.profile.id() + "' equally; give --format to choose");
            }
        }
        return candidates.get(0).profile;
    }

    private record Candidate(FormatProfile profile, boolean nameMatch, long present) {
    }

    static InputStream resource(String name) {
        InputStream in = ProfileCatalog.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name + " (a broken build?)");
        }
        return in;
    }

    static List<String> resourceLines(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
