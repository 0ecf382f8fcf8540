package dev.zkjvm.runtime.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PagedMemoryTest {
    @Test
    void unwrittenCellsReadZeroInFlatAndSparseDirectories() {
        for (long cells : new long[] {1000, 1L << 40}) {
            PagedMemory m = new PagedMemory(cells, 1);
            assertEquals(0, m.get(5));
            m.set(5, 42);
            m.set(cells - 1, -7);
            assertEquals(42, m.get(5));
            assertEquals(-7, m.get(cells - 1));
            assertEquals(0, m.get(cells - 2));
            assertEquals(0, m.get(6));
        }
    }

    @Test
    void multiLimbCells() {
        PagedMemory m = new PagedMemory(1L << 50, 4);
        long[] v = {1, 2, 3, 4};
        m.set(123_456_789L, v, 0);
        long[] out = new long[6];
        m.get(123_456_789L, out, 2);
        assertArrayEquals(new long[] {0, 0, 1, 2, 3, 4}, out);
        m.get(123_456_790L, out, 2);
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0}, out);
    }
}
