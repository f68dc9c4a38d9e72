package org.queryaudit.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data files a run reads (profiles, the agency directory, tagging patterns, rule packs and
 * legal process, message keys, agreements, the 287(g) list, the gazetteer and the other
 * reference files), each with its SHA-256, for the manifest: a finding can be traced to the
 * exact data that made it. Shipped files are named by their path in the build; a user's own
 * directory file by its path.
 */
public final class DataFiles {
    private static final List<String> SHIPPED = List.of(
            "queryaudit/directory/agencies.csv",
            "queryaudit/patterns/reason-tags.yaml",
            "queryaudit/rules/legal-process.yaml",
            "queryaudit/nlets/message-keys.yaml",
            "queryaudit/agreements/agreements.yaml",
            "queryaudit/reference/287g-participating-2025-05-16.csv",
            "queryaudit/reference/export-limits.yaml",
            "queryaudit/reference/gazetteer.csv",
            "queryaudit/reference/personal-data.yaml",
            "queryaudit/reference/redaction-markers.yaml",
            "queryaudit/reference/search-measures.yaml",
            "queryaudit/reference/us-states.csv");
    private static final List<String> INDEXED = List.of("queryaudit/profiles/", "queryaudit/rules/");

    private DataFiles() {
    }

    /** Path to SHA-256, shipped files first (in a fixed order), then the user's directory file if one was given. */
    public static Map<String, String> digests(Path userDirectory) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(SHIPPED);
        for (String folder : INDEXED) {
            for (String name : index(folder + "index.txt")) {
                all.add(folder + name);
            }
        }
        for (String resource : all) {
            InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException(resource + ": missing from the build; rebuild queryaudit");
            }
            out.put(resource, sha256(in, resource));
        }
        if (userDirectory != null) {
            try {
                out.put(userDirectory.toString(), sha256(Files.newInputStream(userDirectory), userDirectory.toString()));
            } catch (IOException e) {
                throw new IllegalStateException(userDirectory + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<String> index(String resource) {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                DataFiles.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(resource + ": cannot be read; rebuild queryaudit", e);
        }
        return names;
    }

    static String sha256(InputStream in, String origin) {
        try {
            return org.queryaudit.base.Sha256.hex(in);
        } catch (IOException e) {
            throw new IllegalStateException(origin + ": cannot be hashed: " + e.getMessage(), e);
        }
    }
}
