package org.queryaudit.ingest;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Finds where the first record at or after a slice start begins: the position after the
 * first line end outside quotes, counting from the byte before the start (so a record that
 * starts exactly at the slice start is kept). Records that start before the slice start
 * belong to the previous slice, which reads them to their end.
 */
final class RecordBoundary {
    private RecordBoundary() {
    }

    /**
     * @param inQuotes whether {@code start} is inside a quoted cell (from the pre-scan)
     * @return {record start, physical line breaks between start and it}; the start is
     *         {@code end} or later when no record begins inside the slice
     */
    static long[] find(FSDataInputStream in, long start, boolean inQuotes, long end) throws IOException {
        in.seek(start - 1);
        int before = in.read();
        int at = in.read();
        // A line end just before the start, outside quotes (the byte before is no quote): a record starts here.
        if (!inQuotes && (before == '\n' || (before == '\r' && at != '\n'))) {
            return new long[] {start, 0};
        }
        in.seek(start);
        boolean quoted = inQuotes;
        long lines = 0;
        long pos = start;
        byte[] buf = new byte[1 << 16];
        boolean pendingCr = false;
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                return new long[] {Math.max(pos, end), lines};
            }
            for (int i = 0; i < n; i++, pos++) {
                byte b = buf[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (b != '\n') {
                        lines++;
                        if (!quoted) {
                            return new long[] {pos, lines};
                        }
                    }
                }
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n') {
                    lines++;
                    if (!quoted) {
                        return new long[] {pos + 1, lines};
                    }
                } else if (b == '\r') {
                    pendingCr = true;
                }
            }
        }
    }
}
