package org.queryaudit.ingest;

import org.queryaudit.base.ConfigException;
import org.queryaudit.model.QuarantinedRow;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.queryaudit.reference.RedactionMarkers;

/**
 * Reads sharing-configuration exports on the driver: they list organisations, not queries,
 * so they are small (hundreds of rows). A file too large to be one is refused.
 */
public final class SharingReader {
    static final int MAX_ROWS = 200_000;

    private SharingReader() {
    }

    /** The shares of one file, and its rows that could not be read (for quarantine). */
    public record Result(List<Share> shares, List<QuarantinedRow> rejected, long read, List<String> warnings) {
    }

    /** A row that is not a share: where, why, and as written. */
    private static QuarantinedRow rejected(InputFile f, CsvRecordReader r, String why) {
        return new QuarantinedRow(f.displayPath(), r.line(), r.lineCount(), f.profile().sourceSystem(), f.formatId(), why, r.rawText());
    }

    public static Result read(InputFile f, Configuration hadoop, RedactionMarkers markers) {
        FileBinding b = FileBinding.of(f);
        List<Share> shares = new ArrayList<>();
        List<QuarantinedRow> rejected = new ArrayList<>();
        long read = 0;
        Path path = new Path(java.net.URI.create(f.uri()));
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            in.skipNBytes(f.dataOffset());
            CsvRecordReader r = new CsvRecordReader(in, f.delimiter(), f.dataLine(), f.header().size(), 1 << 20);
            while (r.next()) {
                if (++read > MAX_ROWS) {
                    throw new ConfigException(f.displayPath() + ": more than " + MAX_ROWS
                            + " rows: this is not a sharing configuration; give it with --input");
                }
                String org = r.problem() == CsvRecordReader.Problem.NONE ? cell(r, b, "organization") : null;
                if (r.problem() != CsvRecordReader.Problem.NONE || r.fields().size() < f.header().size()) {
                    rejected.add(rejected(f, r, "the row does not have the header's "
                            + f.header().size() + " cells (check quotes and separators)"));
                } else if (org == null || markers.isSentinel(org)) {
                    rejected.add(rejected(f, r, "organization ('"
                            + f.header().get(b.index().get("organization")) + "') is empty"));
                } else if (f.profile().listOf() != null) {
                    shares.add(listed(f, org, r.line()));
                } else {
                    shares.add(new Share(f.ownerAgency(), f.ownerState(), org, list(cell(r, b, "shared_with_me")),
                            list(cell(r, b, "i_am_sharing")), b.index().containsKey("i_am_sharing"), f.displayPath(), r.line()));
                }
            }
        } catch (IOException e) {
            throw new ConfigException(f.displayPath() + ": cannot be read: " + e.getMessage(), e);
        }
        List<String> warnings = f.profile().listOf() == FormatProfile.ListOf.UNKNOWN
                ? List.of(f.displayPath() + ": a list of " + shares.size() + " organisations that does not say whether "
                        + f.ownerAgency() + " shares its data with them or receives theirs; read, not audited. Give --format "
                        + "organization-list-recipients or organization-list-sources (inputs.csv's format column) to audit it")
                : List.of();
        return new Result(shares, rejected, read, warnings);
    }

    /**
     * One organisation of a bare list: a recipient of the owner's data (as a Flock export's "Networks
     * I'm Sharing" naming the owner's network), a source of data it receives, or neither when the
     * list does not say.
     */
    static Share listed(InputFile f, String org, long line) {
        return switch (f.profile().listOf()) {
            case RECIPIENTS -> new Share(f.ownerAgency(), f.ownerState(), org, List.of(), List.of(f.ownerAgency()), true,
                    f.displayPath(), line);
            case SOURCES -> new Share(f.ownerAgency(), f.ownerState(), org, List.of(org), List.of(), false, f.displayPath(), line);
            case UNKNOWN -> new Share(f.ownerAgency(), f.ownerState(), org, List.of(), List.of(), false, f.displayPath(), line);
        };
    }

    private static String cell(CsvRecordReader r, FileBinding b, String field) {
        Integer i = b.index().get(field);
        if (i == null || i >= r.fields().size()) {
            return null;
        }
        String v = r.fields().get(i).strip();
        return v.isEmpty() ? null : v;
    }

    /** Network names are comma-separated inside one cell. */
    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
