package org.queryaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Cuts large files into slices that different cores read. A slice start can fall inside a
 * quoted cell that holds a line break (Flock's Time Frame), so a parallel pre-scan counts the
 * quotes and line breaks of each chunk; their prefix sums tell each slice whether its start
 * is inside quotes and which physical line it is on. In RFC 4180 data a quote inside a cell
 * is doubled, so the parity of the quotes before a byte says whether it is quoted.
 */
public final class SlicePlanner {
    /** Files larger than this are split; the system property queryaudit.sliceBytes overrides it (tests). */
    public static final long DEFAULT_SLICE_BYTES = 64L << 20;

    private SlicePlanner() {
    }

    static long sliceBytes() {
        return Long.getLong("queryaudit.sliceBytes", DEFAULT_SLICE_BYTES);
    }

    public static List<FileSlice> plan(JavaSparkContext jsc, List<FileBinding> files) {
        long size = sliceBytes();
        List<Chunk> chunks = new ArrayList<>();
        List<FileSlice> slices = new ArrayList<>();
        for (FileBinding b : files) {
            InputFile f = b.file();
            if (f.size() - f.dataOffset() <= size) {
                slices.add(FileSlice.whole(b));
                continue;
            }
            for (long s = f.dataOffset(); s < f.size(); s += size) {
                chunks.add(new Chunk(f.uri(), s, Math.min(f.size(), s + size)));
            }
        }
        if (chunks.isEmpty()) {
            return slices;
        }
        List<Tuple2<Chunk, long[]>> counted = jsc.parallelize(chunks, chunks.size())
                .map(c -> new Tuple2<>(c, count(c))).collect();
        for (FileBinding b : files) {
            InputFile f = b.file();
            if (f.size() - f.dataOffset() <= size) {
                continue;
            }
            long quotes = 0;
            long lines = 0;
            for (Tuple2<Chunk, long[]> t : counted) {
                Chunk c = t._1();
                if (!c.uri().equals(f.uri())) {
                    continue;
                }
                slices.add(new FileSlice(b, c.start(), c.end(), f.dataLine() + lines, (quotes & 1) == 1));
                quotes += t._2()[0];
                lines += t._2()[1];
            }
        }
        return slices;
    }

    /** A byte range of a file for the pre-scan. */
    record Chunk(String uri, long start, long end) implements java.io.Serializable {
    }

    /** Quotes and line breaks (LF, or CR not followed by LF) in [start, end). */
    static long[] count(Chunk c) {
        Path p = new Path(java.net.URI.create(c.uri()));
        try (FSDataInputStream in = p.getFileSystem(new Configuration()).open(p)) {
            in.seek(c.start());
            return count(in, c.end() - c.start());
        } catch (IOException e) {
            throw new UncheckedIOException("pre-scan of " + c.uri() + " failed: " + e.getMessage(), e);
        }
    }

    static long[] count(InputStream in, long length) throws IOException {
        byte[] buf = new byte[1 << 16];
        long quotes = 0;
        long lines = 0;
        long left = length;
        boolean pendingCr = false;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (pendingCr) {
                    if (b != '\n') {
                        lines++;
                    }
                    pendingCr = false;
                }
                if (b == '"') {
                    quotes++;
                } else if (b == '\n') {
                    lines++;
                } else if (b == '\r') {
                    pendingCr = true;
                }
            }
            left -= n;
        }
        if (pendingCr) {
            int next = in.read();
            if (next != '\n') {
                lines++;
            }
        }
        return new long[] {quotes, lines};
    }
}
