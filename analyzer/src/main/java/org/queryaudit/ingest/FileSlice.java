package org.queryaudit.ingest;

import java.io.Serializable;

/**
 * A byte range of one file that one task reads: records that start inside
 * {@code [start, end]} belong to it. The first slice of a file starts at its first data row.
 *
 * @param firstLine the physical line number at {@code start}
 * @param inQuotes  whether {@code start} is inside a quoted cell
 */
public record FileSlice(FileBinding binding, long start, long end, long firstLine, boolean inQuotes) implements Serializable {
    public static FileSlice whole(FileBinding binding) {
        InputFile f = binding.file();
        return new FileSlice(binding, f.dataOffset(), f.size(), f.dataLine(), false);
    }

    /** Whether this slice starts at the file's first data row (no record boundary to look for). */
    public boolean first() {
        return start == binding.file().dataOffset();
    }
}
