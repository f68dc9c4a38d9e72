package org.queryaudit.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.DataPattern;
import org.queryaudit.reference.UsStates;

/**
 * The agency directory: data, not code ({@code queryaudit/directory/agencies.csv}), with a
 * user's own rows first. Validated when loaded; an error names the file, line and field.
 */
public final class AgencyDirectory implements Serializable {
    static final String RESOURCE = "queryaudit/directory/agencies.csv";
    private static final Set<String> KINDS = Set.of("ori", "line_code", "name", "name_pattern", "ori_pattern");
    private static final Set<String> LEVELS = Set.of("federal", "state", "local", "tribal", "private", "unknown");
    private final List<DirectoryRow> rows;
    private final String version;

    private AgencyDirectory(List<DirectoryRow> rows, String version) {
        this.rows = List.copyOf(rows);
        this.version = version;
    }

    public static AgencyDirectory shipped() {
        return load(null);
    }

    /** The shipped directory, with the user's rows (may be null) read first. */
    public static AgencyDirectory load(Path userFile) {
        List<DirectoryRow> rows = new ArrayList<>();
        if (userFile != null) {
            if (!Files.isReadable(userFile)) {
                throw new ConfigException("--directory " + userFile + ": no such file, or not readable");
            }
            try {
                rows.addAll(read(Files.newInputStream(userFile), userFile.toString()));
            } catch (IOException e) {
                throw new ConfigException("--directory " + userFile + ": cannot be read: " + e.getMessage(), e);
            }
        }
        InputStream in = AgencyDirectory.class.getClassLoader().getResourceAsStream(RESOURCE);
        rows.addAll(read(in, RESOURCE));
        return new AgencyDirectory(rows, Integer.toHexString(rows.hashCode()));
    }

    private static List<DirectoryRow> read(InputStream in, String origin) {
        List<DirectoryRow> out = new ArrayList<>();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(r);
            for (String col : List.of("kind", "key", "level")) {
                if (!parser.getHeaderNames().contains(col)) {
                    throw new ConfigException(origin + ": line 1: the header needs a '" + col + "' column "
                            + "(kind,key,level,department,component,immigration,name,source)");
                }
            }
            for (CSVRecord rec : parser) {
                String where = origin + ": line " + rec.getParser().getCurrentLineNumber();
                String kind = get(rec, "kind");
                String key = get(rec, "key");
                String level = get(rec, "level");
                if (!KINDS.contains(kind)) {
                    throw new ConfigException(where + ": field 'kind': '" + kind + "' is not one of " + KINDS);
                }
                if (key.isEmpty()) {
                    throw new ConfigException(where + ": field 'key' is empty");
                }
                if (!LEVELS.contains(level)) {
                    throw new ConfigException(where + ": field 'level': '" + level + "' is not one of " + LEVELS);
                }
                if (kind.endsWith("_pattern")) {
                    DataPattern.compile(expand(key), where + ": field 'key'");
                }
                String immigration = get(rec, "immigration");
                if (!immigration.isEmpty() && !immigration.equals("true") && !immigration.equals("false")) {
                    throw new ConfigException(where + ": field 'immigration': '" + immigration + "' must be true or false");
                }
                String normalizedKey = switch (kind) {
                    case "name" -> AgencyName.of(key).normalized();
                    case "ori", "line_code" -> key.toUpperCase(Locale.ROOT);
                    default -> key;
                };
                out.add(new DirectoryRow(kind, normalizedKey, level, blankToNull(get(rec, "department")),
                        blankToNull(get(rec, "component")), immigration.equals("true"), blankToNull(get(rec, "name")),
                        get(rec, "source"), where));
            }
        } catch (IOException e) {
            throw new ConfigException(origin + ": cannot be read: " + e.getMessage(), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ConfigException(origin + ": not a valid CSV: " + e.getMessage(), e);
        }
        return out;
    }

    private static String get(CSVRecord rec, String col) {
        return rec.isMapped(col) && rec.isSet(col) ? rec.get(col).strip() : "";
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Replaces {STATE} with an alternation of every state code and name, in lower case. */
    static String expand(String regex) {
        if (!regex.contains("{STATE}")) {
            return regex;
        }
        StringBuilder alt = new StringBuilder("(?:");
        UsStates states = UsStates.shipped();
        boolean first = true;
        for (var e : states.names().entrySet()) {
            for (String v : List.of(e.getKey().toLowerCase(Locale.ROOT), e.getValue().toLowerCase(Locale.ROOT).replace(".", ""))) {
                if (!first) {
                    alt.append('|');
                }
                alt.append(Pattern.quote(v));
                first = false;
            }
        }
        return regex.replace("{STATE}", alt.append(')').toString());
    }

    /** Every federal component a row can give a requester (ICE-ERO, CBP-USBP, FBI, ...). */
    public java.util.Set<String> components() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        rows.forEach(r -> {
            if (r.component() != null) {
                out.add(r.component());
            }
        });
        return out;
    }

    public List<DirectoryRow> rows() {
        return rows;
    }

    /**
     * The Nlets destinations that are federal agencies (issue 17): the federal ORIs and line codes
     * by name, then the federal ORI patterns in file order. A state's repository is never one.
     */
    public org.queryaudit.ingest.AgencyDestinations destinations() {
        java.util.Map<String, String> exact = new java.util.LinkedHashMap<>();
        List<org.queryaudit.ingest.AgencyDestinations.Named> patterns = new ArrayList<>();
        for (DirectoryRow r : rows) {
            if (!"federal".equals(r.level())) {
                continue;
            }
            String name = r.name() != null ? r.name() : r.component() != null ? r.component() : r.key();
            switch (r.kind()) {
                case "ori", "line_code" -> exact.putIfAbsent(r.key(), name);
                case "ori_pattern" -> patterns.add(new org.queryaudit.ingest.AgencyDestinations.Named(
                        Pattern.compile(expand(r.key())), name));
                default -> { }
            }
        }
        return new org.queryaudit.ingest.AgencyDestinations(exact, patterns);
    }

    public String version() {
        return version;
    }
}
