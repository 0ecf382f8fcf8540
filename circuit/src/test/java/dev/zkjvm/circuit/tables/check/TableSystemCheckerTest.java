package dev.zkjvm.circuit.tables.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.TablesFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableSystemCheckerTest {
    private final TablesFixture f = new TablesFixture();
    private final TableSystemChecker checker = new TableSystemChecker(f.system);

    @Test
    void honestTraceOfFourHeightsIsSatisfied() {
        TableSystemReport r = checker.check(f.honestTrace(), f.statement());
        assertTrue(r.isSatisfied(), r::toString);
        // cpu: 4 reads + 8 byte sends; mem: 3 non-zero counts; bytes: 6 distinct values; out: 1; public: 1
        assertEquals(4 + 8 + 3 + 6 + 1 + 1, r.interactions());
        assertEquals(List.of(8, 4, 256, 1), List.copyOf(r.heights().values()));
    }

    @Test
    void tupleSentButNeverReceivedIsNamedWithTableRowAndValues() {
        SystemTrace t = f.honestTrace();
        t.set(f.cpu, f.isRead, 1, 1); // row 1 now reads (99, 3), which memory does not hold
        TableSystemReport r = checker.check(t, f.statement());
        assertFalse(r.isSatisfied());
        assertTrue(r.failureCounts().isEmpty(), r::toString);
        assertEquals(1, r.unmatchedCount(), r::toString);
        UnmatchedTuple u = r.unmatched().get(0);
        assertEquals("memory", u.bus());
        assertEquals("memory(addr=99, val=3)", u.tuple());
        assertArrayEquals(new long[] {99, 3}, u.values());
        assertEquals(1, u.excess());
        assertEquals(1, u.occurrenceCount());
        Occurrence o = u.occurrences().get(0);
        assertEquals("cpu", o.table());
        assertEquals(1, o.row());
        assertEquals("cpu.read", o.interaction());
        assertEquals(Direction.SEND, o.direction());
        assertEquals(java.util.Map.of("isRead", 1L, "addr", 99L, "val", 3L), o.cells());
        assertEquals(1, u.sent());
        assertEquals(0, u.received());
        assertTrue(r.toString().contains("bus memory: memory(addr=99, val=3) sent 1 x, received 0 x: sent 1 more time"
                + " than received (1 receive missing or 1 send extra)\n"
                + "    table cpu row 1 (cpu.read) sends it x 1; isRead = 1, addr = 99, val = 3"), r::toString);
    }

    @Test
    void tupleReceivedTwiceIsNamedWithEveryRow() {
        SystemTrace t = f.honestTrace();
        t.set(f.mem, f.count, 0, 3); // (10, 5) is read twice but received three times
        TableSystemReport r = checker.check(t, f.statement());
        assertEquals(1, r.unmatchedCount(), r::toString);
        UnmatchedTuple u = r.unmatched().get(0);
        assertEquals("memory(addr=10, val=5)", u.tuple());
        assertEquals(Goldilocks.fromSigned(-1), u.excess());
        assertEquals(3, u.occurrenceCount());
        assertEquals(List.of("cpu:0", "cpu:3", "mem:0"),
                u.occurrences().stream().map(o -> o.table() + ":" + o.row()).toList());
        assertEquals(2, u.sent());
        assertEquals(3, u.received());
        assertEquals(u.excess(), Goldilocks.sub(u.sent(), u.received()));
        assertTrue(r.toString().contains("memory(addr=10, val=5) sent 2 x, received 3 x: received 1 more time than sent"
                + " (1 send missing or 1 receive extra)"), r::toString);
        assertTrue(r.toString().contains("    table mem row 0 (mem.cell) receives it x 3; count = 3, addr = 10, val = 5"),
                r::toString);
    }

    @Test
    void wrongPublicValueLeavesBothSidesUnmatched() {
        PublicTuples claimed = PublicTuples.NONE.with(f.io, Direction.SEND, 1, 43);
        TableSystemReport r = checker.check(f.honestTrace(), claimed);
        assertEquals(2, r.unmatchedCount(), r::toString);
        UnmatchedTuple pub = r.unmatched().stream().filter(u -> u.tuple().equals("io(result=43)")).findFirst()
                .orElseThrow();
        assertNull(pub.occurrences().get(0).table());
        assertEquals("public", pub.occurrences().get(0).interaction());
        UnmatchedTuple row = r.unmatched().stream().filter(u -> u.tuple().equals("io(result=42)")).findFirst()
                .orElseThrow();
        assertEquals("out", row.occurrences().get(0).table());
        assertEquals(0, row.occurrences().get(0).row());
    }

    @Test
    void missingStatementIsUnmatched() {
        TableSystemReport r = checker.check(f.honestTrace());
        assertEquals(1, r.unmatchedCount());
        assertEquals("io(result=42)", r.unmatched().get(0).tuple());
    }

    @Test
    void valueOutsideTheByteTableIsUnmatchedOnTheRangeBus() {
        SystemTrace t = f.honestTrace();
        t.set(f.cpu, f.val, 7, 256);
        t.set(f.bytes, f.byteCount, 1, 0); // remove the count of the old value 1
        TableSystemReport r = checker.check(t, f.statement());
        assertEquals(1, r.unmatchedCount(), r::toString);
        assertEquals("byte(value=256)", r.unmatched().get(0).tuple());
        assertEquals(7, r.unmatched().get(0).occurrences().get(0).row());
    }

    @Test
    void rowConstraintFailureNamesTableConstraintRowAndCells() {
        SystemTrace t = f.honestTrace();
        t.set(f.cpu, f.step, 5, 9); // breaks the transitions 4 -> 5 and 5 -> 6
        TableSystemReport r = checker.check(t, f.statement());
        assertEquals(0, r.unmatchedCount(), r::toString);
        assertEquals(2L, r.failureCounts().get("cpu.step_increments"));
        RowFailure first = r.rowFailures().get(0);
        assertEquals("cpu", first.table());
        assertEquals("step_increments", first.failure().constraint());
        assertEquals(4, first.failure().row());
        assertEquals(9L, first.failure().cells().get("step'"));
        assertEquals(5, r.rowFailures().get(1).failure().row());
        assertTrue(r.toString().contains("table cpu: step_increments failed at row 4"), r::toString);
    }

    @Test
    void boundaryConstraintsApplyOnTheirRows() {
        SystemTrace t = f.honestTrace();
        for (int i = 0; i < 8; i++) {
            t.set(f.cpu, f.step, i, i + 1);
        }
        TableSystemReport r = checker.check(t, f.statement());
        assertEquals(1L, r.failureCounts().get("cpu.step_starts_at_0"));
        assertEquals(0, r.rowFailures().get(0).failure().row());
        t.set(f.cpu, f.isRead, 7, 2); // every-row constraint on the last row, also unmatched on the bus
        r = checker.check(t, f.statement());
        assertEquals(1L, r.failureCounts().get("cpu.isRead_is_bit"));
        assertTrue(r.rowFailures().stream().anyMatch(x -> x.failure().row() == 7), r::toString);
    }

    @Test
    void failureLimitsAreHonouredButEverythingIsCounted() {
        SystemTrace t = f.honestTrace();
        for (int i = 0; i < 8; i++) {
            t.set(f.cpu, f.isRead, i, 1);
            t.set(f.cpu, f.addr, i, 100 + i);
        }
        TableSystemReport r = checker.check(t, f.statement(), new TableCheckOptions(2, 1, 2));
        // cpu reads 8 cells memory does not have (distinct addresses); memory's 3 used cells are now unread
        assertEquals(8 + 3, r.unmatchedCount(), r::toString);
        assertEquals(2, r.unmatched().size());
    }
}
