package org.queryaudit.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads RFC 4180 records from bytes, one at a time, with the physical line each record
 * starts on. Commons CSV cannot start at a byte offset inside a file or report byte
 * positions, which splitting a large file across cores needs, so this small reader exists.
 *
 * <p>Line ends may be LF, CRLF or a lone CR. Quoted cells may hold line breaks (Flock's
 * two-line "Time Frame"). A quoted cell that is never closed properly would swallow the rest
 * of the file; instead, when a record that spans several lines does not have the expected
 * number of cells, only its first line is returned (as {@link Problem#BROKEN_QUOTE}) and
 * reading resumes on the next line. Records are decoded as UTF-8, cell by cell falling back
 * to Windows-1252.
 */
public final class CsvRecordReader implements Closeable {
    /** What is wrong with the current record's layout, if anything. */
    public enum Problem { NONE, BROKEN_QUOTE, TOO_LONG }

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final InputStream in;
    private final byte delimiter;
    private final int expectedFields;
    private final int maxRecordBytes;
    private final byte[] buf = new byte[1 << 16];
    private int bufPos;
    private int bufLen;
    private byte[] pushback = new byte[0];
    private int pushPos;
    private long consumed;

    private final ByteBuilder raw = new ByteBuilder();
    private final ByteBuilder cell = new ByteBuilder();
    private final CellText text = new CellText();
    private final List<String> fields = new ArrayList<>();
    private long nextLine;
    private long line;
    private int lineCount;
    private long startOffset;
    private int rawEnd;
    private Problem problem;

    /**
     * @param in             the bytes, positioned at a record start
     * @param delimiter      the cell separator (',' ';' or tab)
     * @param firstLine      the physical line number of the first record
     * @param expectedFields the header's cell count, used to spot broken quotes
     * @param maxRecordBytes a record longer than this is cut off and reported as too long
     */
    public CsvRecordReader(InputStream in, byte delimiter, long firstLine, int expectedFields, int maxRecordBytes) {
        this.in = in;
        this.delimiter = delimiter;
        this.nextLine = firstLine;
        this.expectedFields = expectedFields;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Advances to the next non-blank record; false at the end of the input. */
    public boolean next() throws IOException {
        while (true) {
            if (!readRecord()) {
                return false;
            }
            if (!(fields.size() == 1 && fields.get(0).isEmpty() && problem == Problem.NONE)) {
                return true;
            }
            blankLines++;
        }
    }

    private long blankLines;

    private boolean readRecord() throws IOException {
        raw.clear();
        cell.clear();
        fields.clear();
        problem = Problem.NONE;
        line = nextLine;
        lineCount = 1;
        startOffset = position();
        rawEnd = -1;
        int state = FIELD_START;
        boolean any = false;
        while (true) {
            if ((state == UNQUOTED || state == QUOTED) && pushPos >= pushback.length && bufPos < bufLen) {
                // Inside a cell, copy the run of ordinary bytes at once: byte by byte was a fifth of the pass.
                int run = ordinaryRun(state == QUOTED);
                if (run > 0) {
                    raw.append(buf, bufPos, run);
                    cell.append(buf, bufPos, run);
                    bufPos += run;
                    consumed += run;
                    if (raw.length > maxRecordBytes) {
                        return state == QUOTED && lineCount > 1 ? brokenQuote() : tooLong();
                    }
                    continue;
                }
            }
            int b = read();
            if (b < 0) {
                if (!any) {
                    return false;
                }
                rawEnd = raw.length;
                if (state == QUOTED) {
                    return brokenQuote();
                }
                endCell();
                nextLine = line + lineCount;
                return true;
            }
            any = true;
            raw.append((byte) b);
            if (raw.length > maxRecordBytes) {
                return state == QUOTED && lineCount > 1 ? brokenQuote() : tooLong();
            }
            switch (state) {
                case FIELD_START, UNQUOTED -> {
                    if (b == delimiter) {
                        endCell();
                        state = FIELD_START;
                    } else if (b == '\n' || b == '\r') {
                        return endRecord(b);
                    } else if (b == '"' && state == FIELD_START) {
                        state = QUOTED;
                    } else {
                        cell.append((byte) b);
                        state = UNQUOTED;
                    }
                }
                case QUOTED -> {
                    if (b == '"') {
                        state = QUOTE_IN_QUOTED;
                    } else {
                        cell.append((byte) b);
                        if (b == '\n') {
                            lineCount++;
                        } else if (b == '\r') {
                            if (peek() == '\n') {
                                int lf = read();
                                raw.append((byte) lf);
                                cell.append((byte) lf);
                            }
                            lineCount++;
                        }
                    }
                }
                default -> { // QUOTE_IN_QUOTED
                    if (b == '"') {
                        cell.append((byte) '"');
                        state = QUOTED;
                    } else if (b == delimiter) {
                        endCell();
                        state = FIELD_START;
                    } else if (b == '\n' || b == '\r') {
                        return endRecord(b);
                    } else {
                        // "abc"def: keep the stray character rather than fail the record.
                        cell.append((byte) b);
                        state = UNQUOTED;
                    }
                }
            }
        }
    }

    /**
     * How many bytes from the buffer's position hold nothing the state machine acts on: no
     * line end, and no separator (outside quotes) or quote (inside quotes).
     */
    private int ordinaryRun(boolean quoted) {
        byte stop = quoted ? (byte) '"' : delimiter;
        int i = bufPos;
        while (i < bufLen) {
            byte c = buf[i];
            if (c == stop || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        return i - bufPos;
    }

    /** A line end outside quotes: the record ends (or, if it spans lines and does not fit, its first line). */
    private boolean endRecord(int b) throws IOException {
        rawEnd = raw.length - 1;
        if (b == '\r') {
            swallowLf();
        }
        endCell();
        if (lineCount > 1 && !layoutFits()) {
            return brokenQuote();
        }
        nextLine = line + lineCount;
        return true;
    }

    /** Whether the cells fit the header: as many, or more with only empty ones past the end. */
    private boolean layoutFits() {
        if (expectedFields <= 0 || fields.size() == expectedFields) {
            return true;
        }
        if (fields.size() < expectedFields) {
            return false;
        }
        for (int i = expectedFields; i < fields.size(); i++) {
            if (!fields.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Returns the record's first physical line alone and re-reads the rest. */
    private boolean brokenQuote() {
        int firstEnd = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw.bytes[i] == '\n' || raw.bytes[i] == '\r') {
                firstEnd = i;
                break;
            }
        }
        if (firstEnd >= 0) {
            int restFrom = firstEnd + 1;
            if (raw.bytes[firstEnd] == '\r' && restFrom < raw.length && raw.bytes[restFrom] == '\n') {
                restFrom++;
            }
            unread(raw.bytes, restFrom, raw.length - restFrom);
            raw.length = firstEnd;
        }
        rawEnd = raw.length;
        fields.clear();
        problem = Problem.BROKEN_QUOTE;
        lineCount = 1;
        nextLine = line + 1;
        return true;
    }

    /** Keeps the first maxRecordBytes of an over-long record and skips to the end of its line. */
    private boolean tooLong() throws IOException {
        rawEnd = raw.length;
        int b;
        while ((b = read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                swallowLf();
                break;
            }
        }
        fields.clear();
        problem = Problem.TOO_LONG;
        nextLine = line + lineCount;
        return true;
    }

    private void endCell() {
        fields.add(text.decode(cell.bytes, 0, cell.length));
        cell.clear();
    }

    private void swallowLf() throws IOException {
        if (peek() == '\n') {
            read();
        }
    }

    private int read() throws IOException {
        if (pushPos < pushback.length) {
            consumed++;
            return pushback[pushPos++] & 0xff;
        }
        if (bufPos == bufLen) {
            bufLen = in.read(buf, 0, buf.length);
            bufPos = 0;
            if (bufLen <= 0) {
                bufLen = 0;
                return -1;
            }
        }
        consumed++;
        return buf[bufPos++] & 0xff;
    }

    private int peek() throws IOException {
        if (pushPos < pushback.length) {
            return pushback[pushPos] & 0xff;
        }
        if (bufPos == bufLen) {
            bufLen = in.read(buf, 0, buf.length);
            bufPos = 0;
            if (bufLen <= 0) {
                bufLen = 0;
                return -1;
            }
        }
        return buf[bufPos] & 0xff;
    }

    private void unread(byte[] bytes, int off, int len) {
        byte[] rest = Arrays.copyOfRange(pushback, pushPos, pushback.length);
        byte[] merged = new byte[len + rest.length];
        System.arraycopy(bytes, off, merged, 0, len);
        System.arraycopy(rest, 0, merged, len, rest.length);
        pushback = merged;
        pushPos = 0;
        consumed -= len;
    }

    /** Bytes consumed since the reader started, i.e. the offset of what is read next. */
    public long position() {
        return consumed;
    }

    /** Offset (from the reader's start) of the current record's first byte. */
    public long recordStart() {
        return startOffset;
    }

    /** Physical line number the current record starts on. */
    public long line() {
        return line;
    }

    /** Physical lines the current record spans. */
    public int lineCount() {
        return lineCount;
    }

    /** The current record's cells; empty when {@link #problem()} is not NONE. */
    public List<String> fields() {
        return fields;
    }

    public Problem problem() {
        return problem;
    }

    /** The current record as written, without its line end. */
    public String rawText() {
        return text.decode(raw.bytes, 0, rawEnd < 0 ? raw.length : rawEnd);
    }

    /** Blank lines skipped so far (they hold no row). */
    public long blankLines() {
        return blankLines;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A growable byte array, reused across records. */
    private static final class ByteBuilder {
        byte[] bytes = new byte[1024];
        int length;

        void append(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[length++] = b;
        }

        void append(byte[] from, int off, int len) {
            if (length + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + len));
            }
            System.arraycopy(from, off, bytes, length, len);
            length += len;
        }

        void clear() {
            length = 0;
        }
    }
}
