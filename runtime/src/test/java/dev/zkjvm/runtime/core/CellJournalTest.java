package dev.zkjvm.runtime.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The journal notes each cell once, with its value before the first touch, and returns them ascending. */
class CellJournalTest {
    @Test
    void notesTheValueBeforeTheFirstTouchOnly() {
        PagedMemory memory = new PagedMemory(1 << 16, 2);
        CellJournal journal = new CellJournal(2, null, null);
        memory.set(9, new long[] {1, 2}, 0);
        journal.touch(9, memory);
        memory.set(9, new long[] {3, 4}, 0);
        journal.touch(9, memory);
        journal.touch(4, memory);
        memory.set(4, new long[] {5, 6}, 0);
        CellChanges changes = journal.changes(memory);
        assertArrayEquals(new long[] {4, 9}, changes.cells());
        assertArrayEquals(new long[] {0, 0}, changes.before()[0]);
        assertArrayEquals(new long[] {1, 2}, changes.before()[1]);
        assertArrayEquals(new long[] {5, 6}, changes.after()[0]);
        assertArrayEquals(new long[] {3, 4}, changes.after()[1]);
    }

    @Test
    void manyCellsGrowTheTableAndTruncationForgetsTheLatest() {
        PagedMemory memory = new PagedMemory(1 << 20, 1);
        CellJournal journal = new CellJournal(1, null, null);
        for (long c = 0; c < 5000; c++) {
            long cell = (c * 7919) % (1 << 20);
            memory.set(cell, c + 1);
            journal.touch(cell, memory);
            journal.touch(cell, memory);
        }
        assertEquals(5000, journal.size());
        journal.truncate(100);
        assertEquals(100, journal.size());
        long again = (150 * 7919) % (1 << 20);
        journal.touch(again, memory);
        assertEquals(101, journal.size());
        CellChanges changes = journal.changes(memory);
        long[] sorted = changes.cells().clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, changes.cells());
        journal.clear();
        assertEquals(0, journal.size());
    }

    @Test
    void aCellOutsideTheAllowedOnesFailsBeforeItIsNoted() {
        PagedMemory memory = new PagedMemory(64, 1);
        CellJournal journal = new CellJournal(1, new long[] {3, 8}, cell -> new IllegalStateException("cell " + cell));
        journal.touch(8, memory);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> journal.touch(5, memory));
        assertEquals("cell 5", e.getMessage());
        assertEquals(1, journal.size());
    }
}
