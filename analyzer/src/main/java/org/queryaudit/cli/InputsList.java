package org.queryaudit.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.queryaudit.base.ConfigException;
import org.queryaudit.ingest.InputRequest;

/**
 * An inputs list: {@code path,format,owner,owner_state}, one export a row, paths relative to
 * the list. A row whose format names the sharing profile is a sharing export.
 */
final class InputsList {
    private InputsList() {
    }

    static List<InputRequest> read(Path list) {
        if (!Files.isReadable(list)) {
            throw new ConfigException("--inputs " + list + ": no such file, or not readable");
        }
        Path base = list.toAbsolutePath().getParent();
        // Outputs name files as the user would: the list's folder as written, then the row's path.
        Path shownBase = list.getParent();
        List<InputRequest> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                    .setCommentMarker('#').get().parse(r);
            Set<String> header = Set.copyOf(parser.getHeaderNames());
            if (!header.contains("path")) {
                throw new ConfigException("--inputs " + list + ": line 1: the header needs a 'path' column "
                        + "(path,format,owner,owner_state); it is " + parser.getHeaderNames());
            }
            for (CSVRecord rec : parser) {
                String path = get(rec, header, "path");
                String where = list + " line " + rec.getParser().getCurrentLineNumber();
                if (path == null) {
                    throw new ConfigException("--inputs " + where + ": 'path' is empty");
                }
                String resolved = path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*") || Path.of(path).isAbsolute()
                        ? path : base.resolve(path).normalize().toString();
                String format = get(rec, header, "format");
                if (format != null && (format.endsWith(".yaml") || format.endsWith(".yml")) && !Path.of(format).isAbsolute()) {
                    format = base.resolve(format).normalize().toString();
                }
                String display = resolved.equals(path) ? path
                        : (shownBase == null ? Path.of(path) : shownBase.resolve(path)).normalize().toString();
                boolean sharing = "flock-shared-networks".equals(format) || "sharing".equals(get(rec, header, "kind"));
                out.add(new InputRequest(resolved, display, format, get(rec, header, "owner"), get(rec, header, "owner_state"),
                        "inputs list " + where, sharing));
            }
        } catch (IOException e) {
            throw new ConfigException("--inputs " + list + ": cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException("--inputs " + list + ": not a valid CSV list: " + e.getMessage(), e);
        }
        return out;
    }

    private static String get(CSVRecord rec, Set<String> header, String column) {
        if (!header.contains(column) || !rec.isSet(column)) {
            return null;
        }
        String v = rec.get(column).strip();
        return v.isEmpty() ? null : v;
    }
}
