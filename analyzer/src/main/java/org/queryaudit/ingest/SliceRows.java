package org.queryaudit.ingest;

import org.queryaudit.model.QueryEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.queryaudit.base.HadoopFiles;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;

/** The rows of one slice, read lazily on an executor: a whole file is never held in memory. */
final class SliceRows implements Iterator<Object[]> {
    /** A single record longer than this is cut off (a 1 MB cell is fine). */
    static final int MAX_RECORD_BYTES = 16 << 20;
    private static final int SOURCE_LINES = ParsedRows.SCHEMA.fieldIndex(QueryEvent.SOURCE_LINES);

    private final FileSlice slice;
    private final EventMapper mapper;
    private final FSDataInputStream in;
    private final CsvRecordReader reader;
    private final long readerStart;
    private Object[] next;
    private boolean done;
    /** Records starting before this offset are the previous slice's (-1: none to skip). */
    private long keepFrom = -1;
    /** How far before a slice its reader starts, to fall into step with the previous slice's records. */
    static final long OVERLAP = 1L << 20;
    /** ... but no more than one slice back, and at least this (tests cut 4 KB slices). */
    static final long MIN_OVERLAP = 64L << 10;

    SliceRows(FileSlice slice, UsStates states, RedactionMarkers markers, PersonalData personal, AgencyDestinations agencies) {
        this.slice = slice;
        InputFile f = slice.binding().file();
        this.mapper = new EventMapper(slice.binding(), states, markers, personal, agencies);
        long start = slice.start();
        long line = slice.firstLine();
        try {
            Path path = new Path(java.net.URI.create(f.uri()));
            this.in = path.getFileSystem(HadoopFiles.configuration()).open(path);
            if (!slice.first()) {
                long back = Math.min(OVERLAP, Math.max(MIN_OVERLAP, slice.end() - slice.start()));
                long from = lineStartBefore(in, Math.max(f.dataOffset(), slice.start() - back), slice.start(), f.dataOffset());
                if (from >= 0) {
                    // Read from a line start well before the slice and keep the records that start
                    // inside it: the reader's own record boundaries (a broken quote costs one line)
                    // have fallen into step with the previous slice's by then, whatever the quotes.
                    line -= lineBreaks(in, from, slice.start());
                    start = from;
                    keepFrom = slice.start();
                } else {
                    // No line break in the window before the slice: the quote parity of the pre-scan decides.
                    long[] boundary = RecordBoundary.find(in, slice.start(), slice.inQuotes(), slice.end());
                    start = boundary[0];
                    line += boundary[1];
                }
            }
            in.seek(start);
        } catch (IOException e) {
            throw new UncheckedIOException(f.displayPath() + ": cannot be opened on the executor: " + e.getMessage(), e);
        }
        this.readerStart = start;
        this.reader = new CsvRecordReader(in, f.delimiter(), line, f.header().size(), MAX_RECORD_BYTES);
    }

    /**
     * The first line start at or after {@code from} and before {@code limit} ({@code from} itself
     * when it is the data's first byte), or -1 when no line break lies in between.
     */
    static long lineStartBefore(FSDataInputStream in, long from, long limit, long dataOffset) throws IOException {
        if (from <= dataOffset) {
            return dataOffset;
        }
        in.seek(from);
        long pos = from;
        int b;
        while (pos < limit && (b = in.read()) >= 0) {
            pos++;
            if (b == '\n') {
                return pos;
            }
            if (b == '\r') {
                if (in.read() == '\n') {
                    pos++;
                }
                return pos;
            }
        }
        return -1;
    }

    /** Physical line breaks in {@code [from, to)}, counted as the pre-scan counts them (LF, or CR not followed by LF). */
    static long lineBreaks(FSDataInputStream in, long from, long to) throws IOException {
        in.seek(from);
        return SlicePlanner.count(in, to - from)[1];
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            advance();
        }
        return next != null;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object[] r = next;
        next = null;
        return r;
    }

    private void advance() {
        try {
            long blanks = reader.blankLines();
            boolean more = readerStart < slice.end() && reader.next();
            // Records that start before the slice belong to the previous slice, which reads them to their end.
            while (more && readerStart + reader.recordStart() < keepFrom) {
                blanks = reader.blankLines();
                more = reader.next();
            }
            keepFrom = -1;
            if (more && readerStart + reader.recordStart() < slice.end()) {
                next = mapper.map(reader);
                // The blank lines skipped since the previous record are this row's to account for.
                next[SOURCE_LINES] = (int) (reader.blankLines() - blanks) + reader.lineCount();
            } else {
                done = true;
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(slice.binding().file().displayPath() + ": read failed near line "
                    + reader.line() + ": " + e.getMessage(), e);
        }
    }
}
