package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.tables.Direction;

/**
 * The net multiplicity (sent minus received, in the field) of every distinct tuple of one shard of
 * one bus: an open-addressing hash table over primitive arrays whose keys are references to the
 * first row that carried the tuple, so tuples are never copied.
 */
final class TupleCounts {
    /** {@code source + 1} of the first row with the slot's tuple; 0 marks an empty slot. */
    private int[] source;
    private int[] row;
    private long[] hash;
    private long[] net;
    private int size;
    private int mask;

    TupleCounts(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, Math.min(1 << 28, 2 * expected))) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        source = new int[cap];
        row = new int[cap];
        hash = new long[cap];
        net = new long[cap];
        mask = cap - 1;
    }

    /** Adds row {@code r} of {@code sources[s]}, whose tuple hashes to {@code h}. */
    void add(BusSource[] sources, int s, int r, long h) {
        BusSource src = sources[s];
        long m = src.multiplicity[r];
        int i = (int) h & mask;
        while (true) {
            int at = source[i];
            if (at == 0) {
                source[i] = s + 1;
                row[i] = r;
                hash[i] = h;
                net[i] = src.direction == Direction.SEND ? m : Goldilocks.neg(m);
                if (++size > (mask + 1) >>> 1) {
                    grow();
                }
                return;
            }
            if (hash[i] == h && src.sameTuple(r, sources[at - 1], row[i])) {
                net[i] = src.direction == Direction.SEND ? Goldilocks.add(net[i], m) : Goldilocks.sub(net[i], m);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        int[] oldSource = source;
        int[] oldRow = row;
        long[] oldHash = hash;
        long[] oldNet = net;
        allocate(2 * (mask + 1));
        for (int j = 0; j < oldSource.length; j++) {
            if (oldSource[j] != 0) {
                int i = (int) oldHash[j] & mask;
                while (source[i] != 0) {
                    i = (i + 1) & mask;
                }
                source[i] = oldSource[j];
                row[i] = oldRow[j];
                hash[i] = oldHash[j];
                net[i] = oldNet[j];
            }
        }
    }

    /** The number of slots; slot j is in use when {@link #sourceAt(int)} is not negative. */
    int capacity() {
        return mask + 1;
    }

    /** The source index of the tuple in slot j, or -1 for an empty slot. */
    int sourceAt(int j) {
        return source[j] - 1;
    }

    int rowAt(int j) {
        return row[j];
    }

    long hashAt(int j) {
        return hash[j];
    }

    long netAt(int j) {
        return net[j];
    }

    /** The slot holding the tuple of row {@code r} of {@code sources[s]}, or -1. */
    int find(BusSource[] sources, int s, int r, long h) {
        int i = (int) h & mask;
        while (source[i] != 0) {
            if (hash[i] == h && sources[s].sameTuple(r, sources[source[i] - 1], row[i])) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }
}
