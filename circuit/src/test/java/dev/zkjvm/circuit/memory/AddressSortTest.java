package dev.zkjvm.circuit.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AddressSortTest {
    @Test
    void matchesAStableComparatorSort() {
        SplittableRandom random = new SplittableRandom(5);
        for (long bound : new long[] {1, 7, 1 << 16, 1L << 20, 1L << 48}) {
            int n = 50_000;
            long[] keys = random.longs(n, 0, bound).toArray();
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingLong(i -> keys[i])).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, AddressSort.order(keys, n), "bound " + bound);
        }
    }

    @Test
    void parallelPackedSortMatchesAStableComparatorSort() {
        // Above the parallel threshold; small keys take the packed path, 2^40 keys with 2^18 rows
        // (58 bits) too, 2^47 keys (65 bits with the row) the sequential one.
        SplittableRandom random = new SplittableRandom(11);
        for (long bound : new long[] {1, 3, 1 << 12, 50_000, 1L << 33, 1L << 40, 1L << 47}) {
            int n = 200_003;
            long[] keys = random.longs(n, 0, bound).toArray();
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingLong(i -> keys[i])).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, AddressSort.order(keys, n), "bound " + bound);
        }
    }

    @Test
    void sortsOnlyThePrefixAndRejectsNegativeKeys() {
        assertArrayEquals(new int[] {1, 0}, AddressSort.order(new long[] {5, 3, 1}, 2));
        assertArrayEquals(new int[0], AddressSort.order(new long[0], 0));
        assertThrows(IllegalArgumentException.class, () -> AddressSort.order(new long[] {1, -1}, 2));
    }
}
