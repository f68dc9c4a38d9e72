package org.queryaudit.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.queryaudit.HadoopFiles;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;

/** The rows of one slice, read lazily on an executor: a whole file is never held in memory. */
final class SliceRows implements Iterator<Object[]> {
    /** A single record longer than this is cut off (a 1 MB cell is fine). */
    static final int MAX_RECORD_BYTES = 16 << 20;

    private final FileSlice slice;
    private final EventMapper mapper;
    private final FSDataInputStream in;
    private final CsvRecordReader reader;
    private final long readerStart;
    private Object[] next;
    private boolean done;

    SliceRows(FileSlice slice, UsStates states, RedactionMarkers markers, PersonalData personal) {
        this.slice = slice;
        InputFile f = slice.binding().file();
        this.mapper = new EventMapper(slice.binding(), states, markers, personal);
        long start = slice.start();
        long line = slice.firstLine();
        try {
            Path path = new Path(java.net.URI.create(f.uri()));
            this.in = path.getFileSystem(HadoopFiles.configuration()).open(path);
            if (!slice.first()) {
                long[] boundary = RecordBoundary.find(in, slice.start(), slice.inQuotes(), slice.end());
                start = boundary[0];
                line += boundary[1];
            }
            in.seek(start);
        } catch (IOException e) {
            throw new UncheckedIOException(f.displayPath() + ": cannot be opened on the executor: " + e.getMessage(), e);
        }
        this.readerStart = start;
        this.reader = new CsvRecordReader(in, f.delimiter(), line, f.header().size(), MAX_RECORD_BYTES);
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
            if (readerStart < slice.end() && reader.next() && readerStart + reader.recordStart() < slice.end()) {
                next = mapper.map(reader);
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
