package dev.zkjvm.circuit.memory;

/**
 * Stable sort of trace rows by address, on primitives. The memory trace arrives in time order,
 * so a stable sort by address alone yields the (address, time) order the consistency argument
 * needs. Least-significant-digit radix sort, 16 bits per pass, skipping passes whose digit is
 * the same in every row: three passes at most for 48-bit addresses, usually one or two.
 */
public final class AddressSort {
    private static final int BITS = 16;
    private static final int RADIX = 1 << BITS;

    private AddressSort() {
    }

    /**
     * The row order that sorts {@code keys[0..n)} ascending, ties kept in row order.
     * Keys must be non-negative.
     */
    public static int[] order(long[] keys, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long all = 0;
        for (int i = 0; i < n; i++) {
            if (keys[i] < 0) {
                throw new IllegalArgumentException("key " + keys[i] + " at row " + i + " is negative");
            }
            all |= keys[i];
        }
        int[] scratch = new int[n];
        int[] counts = new int[RADIX + 1];
        for (int shift = 0; shift < 64 && (all >>> shift) != 0; shift += BITS) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) ((keys[order[i]] >>> shift) & (RADIX - 1)) + 1]++;
            }
            if (counts[(int) ((keys[order[0]] >>> shift) & (RADIX - 1)) + 1] == n) {
                continue; // every row has the same digit here: the pass would not move anything
            }
            for (int d = 0; d < RADIX; d++) {
                counts[d + 1] += counts[d];
            }
            for (int i = 0; i < n; i++) {
                int row = order[i];
                scratch[counts[(int) ((keys[row] >>> shift) & (RADIX - 1))]++] = row;
            }
            int[] t = order;
            order = scratch;
            scratch = t;
        }
        return order;
    }
}
