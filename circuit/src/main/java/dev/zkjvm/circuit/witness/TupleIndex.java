package dev.zkjvm.circuit.witness;

import java.util.Arrays;

/**
 * An open-addressing index from the tuple stored on a row of some columns to the first row that
 * holds it. Works on primitive arrays only.
 */
public final class TupleIndex {
    private final long[][] keys;
    private final int[] slots;
    private final int mask;

    /**
     * Indexes rows {@code 0..rows-1} of {@code keyColumns} (all of the same width as later queries).
     */
    public TupleIndex(long[][] keyColumns, int rows) {
        this.keys = keyColumns;
        int cap = Integer.highestOneBit(Math.max(4, rows * 2 - 1)) << 1;
        this.slots = new int[cap];
        this.mask = cap - 1;
        Arrays.fill(slots, -1);
        for (int r = 0; r < rows; r++) {
            int h = hash(keyColumns, r) & mask;
            while (true) {
                int s = slots[h];
                if (s < 0) {
                    slots[h] = r;
                    break;
                }
                if (sameTuple(keyColumns, s, keyColumns, r)) {
                    break; // keep the first row
                }
                h = (h + 1) & mask;
            }
        }
    }

    private static int hash(long[][] cols, int row) {
        long h = 0x9E3779B97F4A7C15L;
        for (long[] c : cols) {
            h = (h ^ c[row]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return (int) (h ^ (h >>> 32));
    }

    private static boolean sameTuple(long[][] a, int ra, long[][] b, int rb) {
        for (int j = 0; j < a.length; j++) {
            if (a[j][ra] != b[j][rb]) {
                return false;
            }
        }
        return true;
    }

    /** The first indexed row holding the tuple of {@code queryColumns} at {@code row}, or -1. */
    public int find(long[][] queryColumns, int row) {
        int h = hash(queryColumns, row) & mask;
        while (true) {
            int s = slots[h];
            if (s < 0) {
                return -1;
            }
            if (sameTuple(keys, s, queryColumns, row)) {
                return s;
            }
            h = (h + 1) & mask;
        }
    }
}
