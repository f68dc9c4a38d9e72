package org.queryaudit.report;

/**
 * One input's rows checked against a count made apart from them: the file's physical lines,
 * counted while it is hashed, must all be accounted for by the header, the rows read (each
 * row's {@code source_lines}: its own lines and the blank lines before it) and any empty
 * lines at the very end. A difference means rows were lost or counted twice between the
 * reader and the stored rows.
 *
 * @param physical      the file's physical lines (see {@link InputHashes.Census})
 * @param header        lines before the first data row (the header, and any title lines above it)
 * @param trailingBlank empty lines at the end of the file
 * @param accounted     the sum of the stored rows' {@code source_lines}
 */
public record LineCheck(long physical, long header, long trailingBlank, long accounted) {
    public static LineCheck of(InputHashes.Census census, long dataLine, long accounted) {
        return new LineCheck(census.lines(), Math.min(census.lines(), Math.max(0, dataLine - 1)), census.trailingBlank(), accounted);
    }

    /** The lines the rows should account for. */
    public long expected() {
        return Math.max(0, physical - header - trailingBlank);
    }

    public boolean ok() {
        return expected() == accounted;
    }

    /** The warning for a mismatch, naming the file and what to do. */
    public String warning(String file) {
        long diff = expected() - accounted;
        return file + ": the file has " + physical + " physical lines (" + header + " before the data, " + trailingBlank
                + " empty at the end), but the rows read account for " + accounted + ": " + Math.abs(diff) + " line(s) "
                + (diff > 0 ? "not read into any row" : "counted twice")
                + ". The counts of this file cannot be trusted; please report it with the file to the queryaudit maintainers";
    }
}
