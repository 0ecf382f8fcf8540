package dev.zkjvm.circuit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import org.junit.jupiter.api.Test;

class MemoryConsistencyLimbsTest {
    @Test
    void limbsForCountsSixteenBitPieces() {
        assertEquals(1, MemoryConsistency.limbsFor(0));
        assertEquals(1, MemoryConsistency.limbsFor(65_535));
        assertEquals(2, MemoryConsistency.limbsFor(65_536));
        assertEquals(2, MemoryConsistency.limbsFor((1L << 32) - 1));
        assertEquals(3, MemoryConsistency.limbsFor(1L << 32));
        assertEquals(3, MemoryConsistency.limbsFor((1L << 48) - 1));
        assertEquals(4, MemoryConsistency.limbsFor(1L << 48));
        assertThrows(IllegalArgumentException.class, () -> MemoryConsistency.limbsFor(-1));
    }

    @Test
    void cellLimbsSetTheColumnsAndTheGapKeepsTwoAtLeast() {
        for (int cellLimbs = 1; cellLimbs <= MemoryConsistency.CELL_LIMBS; cellLimbs++) {
            ConstraintSystemBuilder b = ConstraintSystem.builder("limbs" + cellLimbs);
            MemoryConsistency m = MemoryConsistency.declare(b, 2, cellLimbs);
            assertEquals(cellLimbs, m.cellLimbs.size());
            assertEquals(Math.max(2, cellLimbs), m.deltaLimbs.size());
            ConstraintSystem cs = b.build();
            long ranged = cs.rangeChecks().stream().filter(r -> r.name().startsWith("mem.cell.limb")).count();
            assertEquals(cellLimbs, ranged);
        }
        assertThrows(IllegalArgumentException.class,
                () -> MemoryConsistency.declare(ConstraintSystem.builder("none"), 2, 0));
        assertThrows(IllegalArgumentException.class,
                () -> MemoryConsistency.declareForBoundedCells(ConstraintSystem.builder("four"), 2, 4));
        assertThrows(IllegalArgumentException.class,
                () -> MemoryConsistency.declare(ConstraintSystem.builder("four"), 2, 4));
    }

    @Test
    void cellsBoundedByTheCallerCommitNoLimbsAndKeepTheGapsLimbs() {
        for (int cellLimbs = 1; cellLimbs <= MemoryConsistency.CELL_LIMBS; cellLimbs++) {
            ConstraintSystemBuilder b = ConstraintSystem.builder("bounded" + cellLimbs);
            MemoryConsistency m = MemoryConsistency.declareForBoundedCells(b, 2, cellLimbs);
            assertEquals(0, m.cellLimbs.size());
            assertEquals(Math.max(2, cellLimbs), m.deltaLimbs.size());
            ConstraintSystem cs = b.build();
            assertTrue(cs.constraints().stream().noneMatch(c -> c.name().equals("mem.cell.limbs")));
            assertTrue(cs.columns().stream().noneMatch(c -> c.name().startsWith("mem.cell.limb")));
            assertTrue(cs.rangeChecks().stream().noneMatch(r -> r.name().startsWith("mem.cell")));
        }
    }
}
