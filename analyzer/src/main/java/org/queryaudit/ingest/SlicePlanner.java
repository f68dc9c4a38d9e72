package org.queryaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.queryaudit.base.HadoopFiles;
import scala.Tuple2;

/**
 * Cuts large files into slices that different cores read. A slice start can fall inside a
 * quoted cell that holds a line break (Flock's Time Frame), so a parallel pre-scan counts the
 * quotes and line breaks of each chunk; their prefix sums tell each slice whether its start
 * is inside quotes and which physical line it is on. In RFC 4180 data a quote inside a cell
 * is doubled, so the parity of the quotes before a byte says whether it is quoted.
 */
public final class SlicePlanner {
    /** The smallest slice of a file that is split; the system property queryaudit.sliceBytes fixes the size (tests). */
    public static final long DEFAULT_SLICE_BYTES = 64L << 20;

    private SlicePlanner() {
    }

    /**
     * The slice size for a file of this many data bytes, among inputs of {@code total} bytes: a
     * slice is at least 64 MB, and about a quarter of a core's share of the whole run, so that
     * many files are read whole (100 files of 166 MB: no pre-scan, one task each) and one large
     * file is cut into a multiple of the cores, so that no core idles while another reads the
     * last slice (166 MB on 2 cores: 4 slices, not 64 + 64 + 38 MB; 1.66 GB: 8 slices).
     */
    static long sliceBytes(long bytes, long total, int cores) {
        Long fixed = Long.getLong("queryaudit.sliceBytes");
        if (fixed != null) {
            return fixed;
        }
        int k = Math.max(1, cores);
        long target = Math.max(DEFAULT_SLICE_BYTES, total / (4L * k));
        if (bytes <= MIN_SPLIT_BYTES || (bytes <= target && bytes < total)) {
            return Math.max(bytes, 1);
        }
        long n = (bytes + target - 1) / target;
        n = (n + k - 1) / k * k;
        return (bytes + n - 1) / n;
    }

    /** Files smaller than this are read whole: a task costs more than it saves. */
    static final long MIN_SPLIT_BYTES = 8L << 20;

    public static List<FileSlice> plan(JavaSparkContext jsc, List<FileBinding> files) {
        List<Chunk> chunks = new ArrayList<>();
        List<FileSlice> slices = new ArrayList<>();
        Map<String, Long> sizes = new HashMap<>();
        long total = 0;
        for (FileBinding b : files) {
            total += b.file().size() - b.file().dataOffset();
        }
        for (FileBinding b : files) {
            InputFile f = b.file();
            long size = sliceBytes(f.size() - f.dataOffset(), total, jsc.defaultParallelism());
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
        try (FSDataInputStream in = p.getFileSystem(HadoopFiles.configuration()).open(p)) {
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
