package dev.zkjvm.circuit.tables.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.TablesFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The texts of a failed exact check: what a reader of the report sees for each kind of failure. */
class TableSystemReportTextTest {
    private final TablesFixture f = new TablesFixture();
    private final TableSystemChecker checker = new TableSystemChecker(f.system);

    @Test
    void aRowFailureNamesTableConstraintRowAndEveryCellItReads() {
        SystemTrace t = f.honestTrace();
        t.set(f.cpu, f.isRead, 4, 2); // isRead_is_bit fails; (0, 0) is then read twice from memory
        TableSystemReport r = checker.check(t, f.statement());
        RowFailure fail = r.rowFailures().get(0);
        assertEquals(Map.of("isRead", 2L), fail.failure().cells());
        String text = fail.toString();
        assertTrue(text.startsWith("table cpu: isRead_is_bit failed at row 4: "), text);
        assertTrue(text.endsWith("; isRead = 2"), text);
        assertTrue(r.toString().contains("1 failing rows, 1 unmatched tuples"), r::toString);
    }

    @Test
    void aTupleSentTwiceTooOftenCountsTheMissingReceives() {
        SystemTrace t = f.honestTrace();
        t.set(f.cpu, f.isRead, 4, 2); // cpu row 4 sends (0, 0) twice; memory holds no cell 0
        UnmatchedTuple u = unmatched(checker.check(t, f.statement()), "memory(addr=0, val=0)");
        assertEquals(2, u.sent());
        assertEquals(0, u.received());
        assertEquals("sent 2 more times than received (2 receives missing or 2 sends extra)", u.imbalance());
        assertEquals("table cpu row 4 (cpu.read) sends it x 2; isRead = 2, addr = 0, val = 0",
                u.occurrences().get(0).toString());
    }

    @Test
    void aPublicTupleIsNamedByItsPositionWithoutCells() {
        PublicTuples claimed = PublicTuples.NONE.with(f.io, Direction.SEND, 1, 43);
        UnmatchedTuple pub = unmatched(checker.check(f.honestTrace(), claimed), "io(result=43)");
        assertEquals("public tuple 0 (public) sends it x 1", pub.occurrences().get(0).toString());
        assertTrue(pub.occurrences().get(0).cells().isEmpty());
        UnmatchedTuple row = unmatched(checker.check(f.honestTrace(), claimed), "io(result=42)");
        assertEquals("bus io: io(result=42) sent 0 x, received 1 x: received 1 more time than sent"
                + " (1 send missing or 1 receive extra)\n    table out row 0 (out.result) receives it x 1; res = 42",
                row.toString());
    }

    @Test
    void anExcessThatIsNoSmallCountIsGivenAsTheFieldElement() {
        SystemTrace t = f.honestTrace();
        long huge = Goldilocks.fromUnsigned(1L << 40);
        t.set(f.mem, f.count, 1, huge); // (11, 7) is read once and received 2^40 times
        UnmatchedTuple u = unmatched(checker.check(t, f.statement()), "memory(addr=11, val=7)");
        assertEquals(1, u.sent());
        assertEquals(huge, u.received());
        assertEquals("sent minus received is " + Long.toUnsignedString(Goldilocks.sub(1, huge))
                + " (a field element, no small count)", u.imbalance());
        assertTrue(u.toString().contains("sent 1 x, received 1099511627776 x"), u::toString);
    }

    @Test
    void rowsBeyondTheListedOnesAreCountedAndTheTotalsCoverThemAll() {
        SystemTrace t = f.honestTrace();
        t.set(f.mem, f.count, 0, 5); // (10, 5): read by cpu rows 0 and 3, received 5 times
        TableSystemReport r = checker.check(t, f.statement(), new TableCheckOptions(10, 1, 1));
        UnmatchedTuple u = unmatched(r, "memory(addr=10, val=5)");
        assertEquals(1, u.occurrences().size());
        assertEquals(3, u.occurrenceCount());
        assertEquals(2, u.sent());
        assertEquals(5, u.received());
        assertEquals("received 3 more times than sent (3 sends missing or 3 receives extra)", u.imbalance());
        assertTrue(u.toString().endsWith("\n    ... and 2 more rows"), u::toString);
    }

    private static UnmatchedTuple unmatched(TableSystemReport r, String tuple) {
        List<UnmatchedTuple> found = r.unmatched().stream().filter(u -> u.tuple().equals(tuple)).toList();
        assertEquals(1, found.size(), r::toString);
        return found.get(0);
    }
}
