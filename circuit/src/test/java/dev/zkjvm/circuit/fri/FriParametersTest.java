package dev.zkjvm.circuit.fri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FriParametersTest {
    @Test
    void securityIsQueriesTimesLogBlowupPlusGrindingCappedByTheField() {
        assertEquals(100, FriParameters.DEFAULT.securityBits(23));
        assertTrue(FriParameters.DEFAULT.securityBits(20) >= 96);
        assertEquals(80 * 4 + 20, new FriParameters(16, 4, 80, 20, 0).querySecurityBits());
        assertEquals(127 - 23, new FriParameters(16, 4, 80, 20, 0).securityBits(23));
        assertEquals(30 + 0, new FriParameters(2, 2, 30, 0, 0).securityBits(10));
    }

    @Test
    void invalidParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(1, 2, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(6, 2, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(512, 2, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(8, 3, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(8, 16, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(8, 2, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(8, 2, 513, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(8, 2, 10, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(8, 2, 10, 33, 0));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(8, 2, 10, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new FriParameters(8, 2, 10, 0, 1024));
    }

    @Test
    void layoutFoldsAtLeastOnceAndRefusesBoundsBelowTheFoldingFactor() {
        // blowup 8, folding 4, remainder degree 7: 2^6 points are a bound of 8, folded once anyway
        assertEquals(1, new FriLayout(FriParameters.DEFAULT, 6).layers());
        assertEquals(2, new FriLayout(FriParameters.DEFAULT, 6).remainderLength());
        assertEquals(1, new FriLayout(FriParameters.DEFAULT, 7).layers());
        assertThrows(IllegalArgumentException.class, () -> new FriLayout(FriParameters.DEFAULT, 4));
        assertThrows(IllegalArgumentException.class, () -> new FriLayout(FriParameters.DEFAULT, 2));
        assertThrows(IllegalArgumentException.class, () -> new FriLayout(FriParameters.DEFAULT, 31));
    }
}
