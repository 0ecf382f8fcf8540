package dev.zkjvm.runtime.core;

import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * The cells touched since the journal was last emptied, each with the value it held before its
 * first access: what a segment of a run needs as its {@code before} values, found without keeping
 * the values of every cell ever touched. An open-addressing set of the noted cells
 * makes the membership check per access one probe in the common case.
 */
final class CellJournal {
    private static final long EMPTY = -1;

    private final int limbs;
    private long[] cells = new long[64];
    private long[] before;
    private int size;
    /** Open addressing: each slot holds a noted cell, or {@link #EMPTY}. */
    private long[] slots = new long[128];

    /** Null, or the only cells an access may touch, ascending. */
    private final long[] allowed;
    private final LongFunction<? extends RuntimeException> outside;

    /**
     * @param allowed null, or the only cells an access may touch, ascending
     * @param outside makes the exception for an access to a cell not in {@code allowed}
     */
    CellJournal(int limbs, long[] allowed, LongFunction<? extends RuntimeException> outside) {
        this.limbs = limbs;
        this.allowed = allowed;
        this.outside = outside;
        this.before = new long[64 * limbs];
        Arrays.fill(slots, EMPTY);
    }

    /** Number of cells noted. */
    int size() {
        return size;
    }

    /**
     * Notes {@code cell} with its value in {@code memory} now, unless it is noted already.
     *
     * @throws RuntimeException made by {@code outside} if the cell is not an allowed one
     */
    void touch(long cell, PagedMemory memory) {
        int mask = slots.length - 1;
        int s = slot(cell, mask);
        while (slots[s] != EMPTY) {
            if (slots[s] == cell) {
                return;
            }
            s = (s + 1) & mask;
        }
        if (allowed != null && Arrays.binarySearch(allowed, cell) < 0) {
            throw outside.apply(cell);
        }
        if (size == cells.length) {
            cells = Arrays.copyOf(cells, size * 2);
            before = Arrays.copyOf(before, size * 2 * limbs);
        }
        cells[size] = cell;
        memory.get(cell, before, size * limbs);
        slots[s] = cell;
        size++;
        if (2 * size > slots.length) {
            rehash(slots.length * 2);
        }
    }

    /** Forgets the cells noted from insertion {@code newSize} on (those of a step that failed). */
    void truncate(int newSize) {
        if (newSize < size) {
            size = newSize;
            rehash(slots.length);
        }
    }

    /** Forgets every cell. */
    void clear() {
        size = 0;
        Arrays.fill(slots, EMPTY);
    }

    /**
     * The cells noted, ascending, with their values before the first access and in {@code memory} now.
     */
    CellChanges changes(PagedMemory memory) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(cells[a], cells[b]));
        long[] sorted = new long[size];
        long[][] was = new long[size][];
        long[][] now = new long[size][];
        for (int k = 0; k < size; k++) {
            int i = order[k];
            sorted[k] = cells[i];
            was[k] = Arrays.copyOfRange(before, i * limbs, (i + 1) * limbs);
            now[k] = new long[limbs];
            memory.get(cells[i], now[k], 0);
        }
        return new CellChanges(sorted, was, now);
    }

    private void rehash(int capacity) {
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int s = slot(cells[i], mask);
            while (slots[s] != EMPTY) {
                s = (s + 1) & mask;
            }
            slots[s] = cells[i];
        }
    }

    private static int slot(long cell, int mask) {
        long h = cell * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
