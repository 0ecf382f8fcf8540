package dev.zkjvm.circuit.machine.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThinningTest {
    @Test
    void smallTracesKeepEveryRecord() {
        double[] y = {1, 2, 3};
        assertArrayEquals(new int[] {0, 1, 2}, Thinning.records(y, new boolean[3], 10, 3, new int[0]).rows());
    }

    /**
     * A loop of period 10 over ten cells: taking every 10th record would show one cell only; boxes
     * keep every cell and both kinds of access, under the cap, plus the kept rows.
     */
    @Test
    void thinningKeepsEveryCellOfALoopAndTheKeptRows() {
        int n = 200_000;
        double[] y = new double[n];
        boolean[] write = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = 100 * (i % 10) + 50;
            write[i] = i % 10 == 3;
        }
        int[] keep = {77_777, 199_999};
        int[] picked = Thinning.records(y, write, 1000, 10_000, keep).rows();
        assertTrue(picked.length <= 10_000 + keep.length, "picked " + picked.length);
        Set<Double> cells = new HashSet<>();
        boolean anyWrite = false;
        for (int i : picked) {
            cells.add(y[i]);
            anyWrite |= write[i];
        }
        assertEquals(10, cells.size());
        assertTrue(anyWrite);
        assertTrue(Arrays.binarySearch(picked, 77_777) >= 0 && Arrays.binarySearch(picked, 199_999) >= 0);
        for (int k = 1; k < picked.length; k++) {
            assertTrue(picked[k - 1] < picked[k], "not ascending");
        }
        assertArrayEquals(picked, Thinning.records(y, write, 1000, 10_000, keep).rows(), "not deterministic");
    }

    @Test
    void coarserLevelsWhenTheCapIsTight() {
        int n = 100_000;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i * 7919L) % 1000;
        }
        Thinning.Picked picked = Thinning.records(y, new boolean[n], 1000, 5_000, new int[0]);
        assertTrue(picked.rows().length <= 5_000 && picked.rows().length >= picked.buckets(),
                "picked " + picked.rows().length);
        assertTrue(picked.levels() < Thinning.MOST_LEVELS, "levels " + picked.levels());
    }

    @Test
    void depthKeepsEachBucketsPeakAndTrough() {
        int steps = 100_000;
        long[] depth = new long[steps];
        depth[12_345] = 40;
        depth[54_321] = -1;
        int[] picked = Thinning.steps(depth, steps, 1000, new int[] {99_998});
        assertTrue(picked.length <= 1001, "picked " + picked.length);
        assertTrue(Arrays.binarySearch(picked, 12_345) >= 0, "peak lost");
        assertTrue(Arrays.binarySearch(picked, 54_321) >= 0, "trough lost");
        assertTrue(Arrays.binarySearch(picked, 99_998) >= 0, "kept step lost");
        assertArrayEquals(new int[] {0, 1, 2}, Thinning.steps(new long[3], 3, 1000, new int[0]));
    }
}
