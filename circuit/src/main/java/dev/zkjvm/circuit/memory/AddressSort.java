package dev.zkjvm.circuit.memory;

import dev.zkjvm.circuit.util.Parallel;

/**
 * Stable sort of trace rows by address, on primitives. The memory trace arrives in time order,
 * so a stable sort by address alone yields the (address, time) order the consistency argument
 * needs.
 *
 * <p>When the key's significant bits and the row index fit in one {@code long} together (the usual
 * case: cells of a few dozen bits, at most 2^31 rows), each row becomes {@code key << b | row} and a
 * least-significant-digit radix sort runs over the key digits only, on both cores: each worker
 * counts the digits of its own contiguous slice, the slices' bucket offsets are laid out in
 * (digit, worker) order, and each worker scatters its slice. That keeps every pass stable, and it
 * reads and writes contiguous {@code long}s instead of looking keys up through a permutation.
 * Otherwise a sequential radix sort of a row permutation, 16 bits per pass, does the job. Both
 * skip passes whose digit is the same in every row.
 */
public final class AddressSort {
    private static final int BITS = 16;
    private static final int RADIX = 1 << BITS;
    /** Digits of the packed sort: at most 2^11 buckets per pass keeps the scatter's targets in cache. */
    private static final int MAX_DIGIT_BITS = 11;
    /** Below this many rows the packed sort runs on the calling thread alone. */
    private static final int PARALLEL_ROWS = 1 << 16;

    private AddressSort() {
    }

    /**
     * The row order that sorts {@code keys[0..n)} ascending, ties kept in row order.
     * Keys must be non-negative.
     */
    public static int[] order(long[] keys, int n) {
        long all = 0;
        for (int i = 0; i < n; i++) {
            if (keys[i] < 0) {
                throw new IllegalArgumentException("key " + keys[i] + " at row " + i + " is negative");
            }
            all |= keys[i];
        }
        int keyBits = 64 - Long.numberOfLeadingZeros(all);
        int rowBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        if (keyBits + rowBits <= 63) {
            return packedOrder(keys, n, keyBits, rowBits);
        }
        return permutationOrder(keys, n, all);
    }

    private static int[] packedOrder(long[] keys, int n, int keyBits, int rowBits) {
        int workers = n < PARALLEL_ROWS ? 1 : Parallel.parallelism();
        int slice = (n + workers - 1) / Math.max(1, workers);
        long[] packed = new long[n];
        Parallel.forChunks(workers, workers, () -> null, (ignored, w) -> {
            for (int i = w * slice, end = Math.min(n, i + slice); i < end; i++) {
                packed[i] = keys[i] << rowBits | i;
            }
        });
        long[] src = packed;
        long[] dst = new long[n];
        int passes = (keyBits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
        int digitBits = passes == 0 ? 0 : (keyBits + passes - 1) / passes;
        int radix = 1 << digitBits;
        int[][] counts = new int[workers][radix];
        for (int pass = 0; pass < passes; pass++) {
            int shift = rowBits + pass * digitBits;
            long[] from = src;
            long[] to = dst;
            Parallel.forChunks(workers, workers, () -> null, (ignored, w) -> {
                int[] c = counts[w];
                java.util.Arrays.fill(c, 0);
                for (int i = w * slice, end = Math.min(n, i + slice); i < end; i++) {
                    c[(int) (from[i] >>> shift) & (radix - 1)]++;
                }
            });
            if (singleDigit(counts, n)) {
                continue; // every row has the same digit here: the pass would not move anything
            }
            // Offsets in (digit, worker) order: worker w's rows of digit d follow those of workers < w.
            int sum = 0;
            for (int d = 0; d < radix; d++) {
                for (int w = 0; w < workers; w++) {
                    int c = counts[w][d];
                    counts[w][d] = sum;
                    sum += c;
                }
            }
            Parallel.forChunks(workers, workers, () -> null, (ignored, w) -> {
                int[] next = counts[w];
                for (int i = w * slice, end = Math.min(n, i + slice); i < end; i++) {
                    long v = from[i];
                    to[next[(int) (v >>> shift) & (radix - 1)]++] = v;
                }
            });
            src = to;
            dst = from;
        }
        int[] order = new int[n];
        long mask = (1L << rowBits) - 1;
        long[] sorted = src;
        Parallel.forChunks(workers, workers, () -> null, (ignored, w) -> {
            for (int i = w * slice, end = Math.min(n, i + slice); i < end; i++) {
                order[i] = (int) (sorted[i] & mask);
            }
        });
        return order;
    }

    private static boolean singleDigit(int[][] counts, int n) {
        int radix = counts[0].length;
        for (int d = 0; d < radix; d++) {
            int total = 0;
            for (int[] c : counts) {
                total += c[d];
            }
            if (total != 0) {
                return total == n;
            }
        }
        return true;
    }

    /** The general case: a sequential radix sort of a row permutation, 16 bits per pass. */
    private static int[] permutationOrder(long[] keys, int n, long all) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
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
