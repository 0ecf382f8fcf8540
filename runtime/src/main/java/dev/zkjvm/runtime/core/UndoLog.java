package dev.zkjvm.runtime.core;

import java.util.Arrays;

/**
 * The previous values of the cells written by the instruction in progress, so that a failed
 * instruction can be undone exactly. Cleared at the start of every instruction.
 */
final class UndoLog {
    private final int limbs;
    private long[] cells = new long[16];
    private long[] old;
    private int count;

    UndoLog(int limbs) {
        this.limbs = limbs;
        this.old = new long[16 * limbs];
    }

    void clear() {
        count = 0;
    }

    /** Remembers a single-limb cell's value before a write. */
    void remember(long cell, long value) {
        ensureRoom();
        cells[count] = cell;
        old[count * limbs] = value;
        count++;
    }

    /** Remembers a multi-limb cell's value before a write. */
    void remember(long cell, PagedMemory memory) {
        ensureRoom();
        cells[count] = cell;
        memory.get(cell, old, count * limbs);
        count++;
    }

    /** Restores every remembered cell, newest first. */
    void undo(PagedMemory memory) {
        for (int i = count - 1; i >= 0; i--) {
            memory.set(cells[i], old, i * limbs);
        }
        count = 0;
    }

    private void ensureRoom() {
        if (count == cells.length) {
            cells = Arrays.copyOf(cells, count * 2);
            old = Arrays.copyOf(old, count * 2 * limbs);
        }
    }
}
