package dev.zkjvm.circuit.tables.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.Interaction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.check.Occurrence;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.check.UnmatchedTuple;
import dev.zkjvm.circuit.tables.stark.TableKeys;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.stark.TableProver;
import dev.zkjvm.circuit.tables.stark.TableVerifier;
import dev.zkjvm.circuit.tables.stark.UnsatisfiedTablesException;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 16-bit range checks checked as two bytes ({@link RangeLayout#BYTES}): the shape (a 256-row
 * table, one high-byte column and two sends per check, other widths untouched), honest traces
 * checked, proven and verified, each of the two sends broken alone, and the same verdict as the
 * whole 2^16-row table on random traces.
 */
class ByteRangeLayoutTest {
    private final TranslationFixtures.Ranges ranges = new TranslationFixtures.Ranges();

    private TranslatedSystem bytes() {
        return TranslatedSystem.of(ranges.cs, c -> null, RangeLayout.BYTES);
    }

    @Test
    void sixteenBitChecksGoToA256RowTableAsTwoBytes() {
        TranslatedSystem t = bytes();
        assertEquals(RangeLayout.BYTES, t.rangeLayout());
        assertEquals(List.of("count", "x", "s", "y", "z", "w", "w.range.hi"),
                t.mainTable().columns().stream().map(Column::name).toList());
        assertEquals(List.of("count.first", "count.step", "s.bool", "w.range.selector.bool"),
                t.mainTable().air().constraints().stream().map(dev.zkjvm.circuit.air.Constraint::name).toList());
        Table range = t.rangeTable(16);
        assertEquals("range16.bytes", range.name());
        assertTrue(range.isPreprocessed());
        assertEquals(256, range.fixedHeight());
        assertEquals(List.of("range16.bytes", "range16.bytes.m"), range.columns().stream().map(Column::name).toList());
        assertEquals(1 << 8, t.rangeTable(8).fixedHeight(), "the 8-bit checks keep their own table");
        assertEquals(1 << 4, t.rangeTable(4).fixedHeight());
        Set<String> interactions = t.system().interactions().stream().map(Interaction::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("x.range", "y.range", "z.range", "w.range.lo", "w.range.hi", "range8", "range4",
                "range16.bytes"), interactions);
        TranslatedSystem whole = TranslatedSystem.of(ranges.cs);
        assertEquals(whole.system().tables().indexOf(whole.rangeTable(16)), t.system().tables().indexOf(range),
                "the byte table stands where the whole table would");
    }

    @Test
    void honestTracesCheckProveAndVerify() throws InvalidProofException {
        TranslatedSystem t = bytes();
        TableKeys.ProvingKey key = TableKeys.derive(t.system(), TranslatedSystemTest.TEST);
        for (int rows : new int[] {1, 2, 64, 1024}) {
            SystemTrace trace = t.trace(ranges.columns(rows), rows);
            TableSystemReport report = new TableSystemChecker(t.system()).check(trace);
            assertTrue(report.isSatisfied(), rows + " rows: " + report);
            TableProof proof = TableProver.prove(key, trace, PublicTuples.NONE);
            TableVerifier.verify(key.verifyingKey(), PublicTuples.NONE, TableProof.fromBytes(proof.toBytes()));
        }
    }

    @Test
    void aValueOf65536FailsItsLowByteAlone() {
        TranslatedSystem t = bytes();
        long[][] c = ranges.columns(8);
        c[ranges.w.index()][3] = 65536; // row 3 is selected; its high byte is 0, so its "low byte" is 65536
        SystemTrace trace = t.trace(c, 8);
        UnmatchedTuple u = onlyUnmatched(new TableSystemChecker(t.system()).check(trace));
        assertEquals("range16.bytes", u.bus());
        assertEquals(65536L, u.values()[0]);
        Occurrence at = u.occurrences().get(0);
        assertEquals("w.range.lo", at.interaction());
        assertEquals(3, at.row());
        assertEquals(Direction.SEND, at.direction());
        assertThrows(UnsatisfiedTablesException.class, () -> TableProver.prove(trace, PublicTuples.NONE,
                TranslatedSystemTest.TEST));
    }

    @Test
    void aHighByteOf256FailsItsHighByteAlone() {
        TranslatedSystem t = bytes();
        long[][] c = ranges.columns(8);
        c[ranges.w.index()][3] = 65536 + 5;
        SystemTrace trace = t.trace(c, 8);
        // A cheating fill: high "byte" 256 makes the low byte 5, which is in range.
        Column high = t.mainTable().air().column("w.range.hi");
        Table range = t.rangeTable(16);
        Column count = range.air().column("range16.bytes.m");
        trace.set(t.mainTable(), high, 3, 256);
        trace.set(range, count, 0, trace.column(range, count)[0] - 1); // its honest high byte was 0
        trace.set(range, count, 5, trace.column(range, count)[5] + 1); // and its low byte now is 5
        UnmatchedTuple u = onlyUnmatched(new TableSystemChecker(t.system()).check(trace));
        assertEquals(256L, u.values()[0]);
        assertEquals("w.range.hi", u.occurrences().get(0).interaction());
        assertEquals(3, u.occurrences().get(0).row());
    }

    @Test
    void unselectedValuesOutOfRangeAreAccepted() {
        long[][] c = ranges.columns(8);
        assertTrue(c[ranges.w.index()][4] >= 65536, "the fixture's unselected rows are out of range");
        TranslatedSystem t = bytes();
        assertTrue(new TableSystemChecker(t.system()).check(t.trace(c, 8)).isSatisfied());
    }

    @Test
    void selectorsThatAreNotBooleanCannotCancelTwoValuesWithOneLowByte() {
        // 65792 and 65536 both have the low "byte" 65536 (high bytes 1 and 0): with selectors 1 and
        // p - 1 their .lo sends would cancel, so the byte layout requires each selector to be 0 or 1
        Selected sys = Selected.of("selected", false);
        long[][] c = sys.zeros(16);
        int v = sys.v().index();
        int s = sys.s().index();
        c[v][0] = 65536 + 256;
        c[s][0] = 1;
        c[v][1] = 65536;
        c[s][1] = dev.zkjvm.circuit.field.Goldilocks.P - 1;
        TranslatedSystem whole = TranslatedSystem.of(sys.cs());
        assertFalse(new TableSystemChecker(whole.system()).check(whole.trace(copy(c), 16)).isSatisfied());
        TranslatedSystem bytes = TranslatedSystem.of(sys.cs(), x -> null, RangeLayout.BYTES);
        TableSystemReport report = new TableSystemChecker(bytes.system()).check(bytes.trace(copy(c), 16));
        assertEquals(java.util.Map.of("selected.v.range.selector.bool", 1L), report.failureCounts(), report::toString);
        assertEquals(0, report.unmatchedCount(), "the sends balance: only the selector's constraint catches it");
    }

    @Test
    void bothLayoutsGiveTheSameVerdictOnRandomValues() {
        Selected sys = Selected.of("values", true);
        ConstraintSystem cs = sys.cs();
        Column v = sys.v();
        Column s = sys.s();
        TranslatedSystem whole = TranslatedSystem.of(cs);
        TranslatedSystem bytes = TranslatedSystem.of(cs, c -> null, RangeLayout.BYTES);
        SplittableRandom random = new SplittableRandom(7);
        long[] edges = {0, 1, 255, 256, 65534, 65535, 65536, 65537, 1L << 32, dev.zkjvm.circuit.field.Goldilocks.P - 1};
        int accepted = 0;
        for (int trial = 0; trial < 300; trial++) {
            long[][] c = sys.zeros(16);
            for (int r = 0; r < 16; r++) {
                c[v.index()][r] = random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)] : random.nextInt(65535);
                c[s.index()][r] = random.nextInt(2);
            }
            if (random.nextInt(3) == 0) { // mostly in range: some traces must be accepted
                for (int r = 0; r < 16; r++) {
                    c[v.index()][r] = Math.min(c[v.index()][r], 65534);
                }
            }
            boolean w = new TableSystemChecker(whole.system()).check(whole.trace(copy(c), 16)).isSatisfied();
            boolean y = new TableSystemChecker(bytes.system()).check(bytes.trace(copy(c), 16)).isSatisfied();
            assertEquals(w, y, "trial " + trial);
            accepted += w ? 1 : 0;
        }
        assertTrue(accepted > 50 && accepted < 250, accepted + " of 300 accepted: both verdicts must occur");
    }

    /** A value v range-checked to 16 bits where s is 1, and if asked v + s on every row. */
    private record Selected(ConstraintSystem cs, Column v, Column s) {
        static Selected of(String name, boolean sumToo) {
            ConstraintSystemBuilder b = ConstraintSystem.builder(name);
            Column v = b.main("v");
            Column s = b.main("s");
            b.rangeCheck16("v.range", s.cur(), v.cur());
            if (sumToo) {
                b.rangeCheck16("sum.range", v.cur().add(s.cur()));
            }
            return new Selected(b.build(), v, s);
        }

        /** The source's columns for {@code rows} rows: v and s all zero, the others absent. */
        long[][] zeros(int rows) {
            long[][] c = new long[cs.columns().size()][];
            c[v.index()] = new long[rows];
            c[s.index()] = new long[rows];
            return c;
        }
    }

    private static long[][] copy(long[][] c) {
        long[][] out = new long[c.length][];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i] == null ? null : c[i].clone();
        }
        return out;
    }

    private static UnmatchedTuple onlyUnmatched(TableSystemReport report) {
        assertFalse(report.isSatisfied());
        assertTrue(report.failureCounts().isEmpty(), report::toString);
        assertEquals(1, report.unmatchedCount(), report::toString);
        return report.unmatched().get(0);
    }
}
