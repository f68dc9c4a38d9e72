package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How large files are cut so that every core reads, and many files are read whole. */
class SlicePlannerTest {
    static final long MB = 1L << 20;

    static long slices(long bytes, long total, int cores) {
        long size = SlicePlanner.sliceBytes(bytes, total, cores);
        return (bytes + size - 1) / size;
    }

    @Test
    void oneLargeFileIsCutIntoAMultipleOfTheCores() {
        assertEquals(4, slices(166 * MB, 166 * MB, 2), "not 64 + 64 + 38 MB: the last slice would leave a core idle");
        assertEquals(8, slices(1660 * MB, 1660 * MB, 2));
        assertEquals(32, slices(1660 * MB, 1660 * MB, 8), "slices of at most about 64 MB, a multiple of the 8 cores");
        assertEquals(2, slices(10 * MB, 10 * MB, 2), "a 10 MB file alone still uses both cores");
    }

    @Test
    void manyFilesAreReadWholeAndSmallFilesNeverCut() {
        assertEquals(1, slices(166 * MB, 100 * 166 * MB, 2), "100 files keep 2 cores busy without a pre-scan");
        assertEquals(1, slices(4 * MB, 4 * MB, 2));
        assertEquals(8, slices(1660 * MB, 1660 * MB + 10 * MB, 2), "one large file among small ones is still cut");
    }
}
