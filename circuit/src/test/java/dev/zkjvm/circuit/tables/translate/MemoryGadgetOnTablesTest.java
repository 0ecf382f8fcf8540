package dev.zkjvm.circuit.tables.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.memory.MemoryConsistency;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.stark.TableProver;
import dev.zkjvm.circuit.tables.stark.TableVerifier;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memory-consistency gadget alone, translated: a log of a few accesses fills a main table of
 * 8 rows (filled through {@link WitnessBuilder#columnsOnly}), next to the 2^16-row range table,
 * and is proven; a read of a wrong value is refused with the gadget's constraint name.
 */
class MemoryGadgetOnTablesTest {
    private final ConstraintSystem cs;
    private final MemoryConsistency memory;

    MemoryGadgetOnTablesTest() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("memory");
        memory = MemoryConsistency.declare(b, 2, 1);
        cs = b.build();
    }

    /** Write 7 to cell 3, write 9 to cell 1, read cell 3 (value {@code readValue}), padding reads of cell 3. */
    private SystemTrace trace(TranslatedSystem t, long readValue) {
        return eightAccesses(cs, memory, t, i -> i == 1 ? 1 : 3, i -> i < 2,
                i -> i == 1 ? 9 : i == 2 ? readValue : 7);
    }

    /** A log of 8 accesses at times 0..7, each's cell, write flag and low value limb given by its time. */
    private static SystemTrace eightAccesses(ConstraintSystem system, MemoryConsistency m, TranslatedSystem t,
            java.util.function.IntToLongFunction cell, java.util.function.IntPredicate write,
            java.util.function.IntToLongFunction value) {
        int rows = 8;
        long[] times = new long[rows];
        long[] cells = new long[rows];
        long[] writes = new long[rows];
        long[][] values = new long[2][rows];
        for (int i = 0; i < rows; i++) {
            times[i] = i;
            cells[i] = cell.applyAsLong(i);
            writes[i] = write.test(i) ? 1 : 0;
            values[0][i] = value.applyAsLong(i);
        }
        WitnessBuilder w = WitnessBuilder.columnsOnly(system, rows);
        m.fill(w, times, cells, writes, values);
        return t.trace(w.suppliedColumns(), rows);
    }

    @Test
    void aSmallLogIsProvenOnAnEightRowMainTable() throws InvalidProofException {
        TranslatedSystem t = TranslatedSystem.of(cs);
        SystemTrace trace = trace(t, 7);
        TableSystemReport report = new TableSystemChecker(t.system()).check(trace);
        assertTrue(report.isSatisfied(), report::toString);
        TableProof proof = TableProver.prove(trace, PublicTuples.NONE, TranslatedSystemTest.TEST);
        assertEquals(8, proof.heights()[t.mainTable().index()]);
        TableVerifier.verify(t.system(), TranslatedSystemTest.TEST, PublicTuples.NONE, proof);
    }

    @Test
    void aReadOfAWrongValueIsRefusedByTheGadgetsName() {
        TranslatedSystem t = TranslatedSystem.of(cs);
        TableSystemReport report = new TableSystemChecker(t.system()).check(trace(t, 8));
        // the read of 8 after the write of 7, and the next read of 7 after that read of 8
        assertEquals(Map.of("memory.mem.s.read[0]", 2L), report.failureCounts(), report::toString);
    }

    /**
     * A caller that bounds the cells itself (here: each cell a 16-bit value) gets the gadget without
     * cell limbs; the log is checked and proven, and a cell past the caller's bound is refused by
     * the caller's check, the only one that sees it.
     */
    @Test
    void cellsBoundedByTheCallerAreCheckedByTheCallersConstraintAlone() throws InvalidProofException {
        ConstraintSystemBuilder b = ConstraintSystem.builder("bounded");
        MemoryConsistency bounded = MemoryConsistency.declareForBoundedCells(b, 2, 1);
        b.rangeCheck16("caller.cell.range", bounded.cell.cur());
        ConstraintSystem system = b.build();
        TranslatedSystem t = TranslatedSystem.of(system);
        assertTrue(new TableSystemChecker(t.system()).check(boundedTrace(system, bounded, t, 3)).isSatisfied());
        TableProof proof = TableProver.prove(boundedTrace(system, bounded, t, 3), PublicTuples.NONE,
                TranslatedSystemTest.TEST);
        TableVerifier.verify(t.system(), TranslatedSystemTest.TEST, PublicTuples.NONE, proof);
        TableSystemReport past = new TableSystemChecker(t.system()).check(boundedTrace(system, bounded, t, 1 << 16));
        assertTrue(past.failureCounts().isEmpty(), past::toString);
        assertEquals(1, past.unmatchedCount(), past::toString);
        assertEquals("range16", past.unmatched().get(0).bus());
        assertTrue(past.unmatched().get(0).occurrences().stream()
                .allMatch(o -> o.interaction().equals("caller.cell.range")), past::toString);
    }

    /** Every access to {@code cell}: a write of 7, then reads of 7. */
    private static SystemTrace boundedTrace(ConstraintSystem system, MemoryConsistency m, TranslatedSystem t,
            long cell) {
        return eightAccesses(system, m, t, i -> cell, i -> i == 0, i -> 7);
    }
}
