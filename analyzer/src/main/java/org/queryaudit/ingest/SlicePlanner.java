package org.queryaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The slice size for a file of this many data bytes: at most 64 MB, and for a file above
     * 8 MB a size that cuts it into a multiple of the cores, so that no core idles while one
     * reads the last slice (a 166 MB file on 2 cores: 4 slices, not 64 + 64 + 38 MB).
     */
    static long sliceBytes(long bytes, int cores) {
        Long fixed = Long.getLong("queryaudit.sliceBytes");
        if (fixed != null) {
            return fixed;
        }
        if (bytes <= MIN_SPLIT_BYTES) {
            return DEFAULT_SLICE_BYTES;
        }
        long n = (bytes + DEFAULT_SLICE_BYTES - 1) / DEFAULT_SLICE_BYTES;
        int k = Math.max(1, cores);
        n = (n + k - 1) / k * k;
        return (bytes + n - 1) / n;
    }

    /** Files smaller than this are read whole: a task costs more than it saves. */
    static final long MIN_SPLIT_BYTES = 8L << 20;

    public static List<FileSlice> plan(JavaSparkContext jsc, List<FileBinding> files) {
        List<Chunk> chunks = new ArrayList<>();
        List<FileSlice> slices = new ArrayList<>();
        Map<String, Long> sizes = new HashMap<>();
        for (FileBinding b : files) {
            InputFile f = b.file();
            long size = sliceBytes(f.size() - f.dataOffset(), jsc.defaultParallelism());
            sizes.put(f.uri(), size);
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
            if (f.size() - f.dataOffset() <= sizes.get(f.uri())) {
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
