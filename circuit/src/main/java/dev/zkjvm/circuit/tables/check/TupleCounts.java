package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.field.Goldilocks;

/**
 * The net multiplicity (sent minus received, in the field) of every distinct tuple of one partition
 * of one bus: an open-addressing hash table in one {@code long[]}, each slot holding
 * {@code (hash, net, value_0 .. value_{w-1})} side by side, so that a lookup touches one or two
 * cache lines. Hash 0 marks an empty slot ({@link BusSource} never produces it). Sized by the caller
 * to at most half full.
 */
final class TupleCounts {
    private final int width;
    private final int stride;
    private final long[] slots;
    private final int mask;
    private int[] unmatched = new int[0];

    /** @param capacity the number of slots: a power of two, at least twice the records to add */
    TupleCounts(int width, int capacity) {
        this.width = width;
        this.stride = width + 2;
        this.slots = new long[capacity * stride];
        this.mask = capacity - 1;
    }

    /** Adds the record {@code (hash, signed multiplicity, values)} at {@code records[at ..]}. */
    void add(long[] records, int at) {
        long h = records[at];
        long[] s = slots;
        int i = (int) h & mask;
        while (true) {
            int o = i * stride;
            long sh = s[o];
            if (sh == 0) {
                System.arraycopy(records, at, s, o, stride);
                return;
            }
            if (sh == h && sameValues(o, records, at + 2)) {
                s[o + 1] = Goldilocks.add(s[o + 1], records[at + 1]);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private boolean sameValues(int o, long[] values, int from) {
        for (int k = 0; k < width; k++) {
            if (slots[o + 2 + k] != values[from + k]) {
                return false;
            }
        }
        return true;
    }

    /** Once every record is added: notes the slots whose multiplicities do not cancel (table still cached). */
    void findUnmatched() {
        int n = 0;
        int[] found = new int[4];
        for (int j = 0, o = 0; j <= mask; j++, o += stride) {
            if (slots[o] != 0 && slots[o + 1] != 0) {
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, 2 * n);
                }
                found[n++] = j;
            }
        }
        unmatched = java.util.Arrays.copyOf(found, n);
    }

    /** The slots whose tuples' multiplicities do not cancel, as of {@link #findUnmatched()}. */
    int[] unmatchedSlots() {
        return unmatched.clone();
    }

    /** The net multiplicity of slot j. */
    long netAt(int j) {
        return slots[j * stride + 1];
    }

    /** The tuple of slot j. */
    long[] tupleAt(int j) {
        long[] v = new long[width];
        System.arraycopy(slots, j * stride + 2, v, 0, width);
        return v;
    }

    /** The slot holding the tuple of row {@code r} of {@code src}, whose hash is {@code h}, or -1. */
    int find(BusSource src, int r, long h) {
        int i = (int) h & mask;
        while (slots[i * stride] != 0) {
            int o = i * stride;
            if (slots[o] == h) {
                boolean same = true;
                for (int k = 0; k < width && same; k++) {
                    same = slots[o + 2 + k] == src.tuple[k][r];
                }
                if (same) {
                    return i;
                }
            }
            i = (i + 1) & mask;
        }
        return -1;
    }
}
