package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import org.junit.jupiter.api.Test;

class BusWorkloadTest {
    @Test
    void honestWorkloadIsSatisfiedAndAChangedValueIsNamed() {
        BusWorkload w = new BusWorkload();
        SystemTrace t = w.trace(1 << 12);
        TableSystemChecker checker = new TableSystemChecker(w.system);
        TableSystemReport r = checker.check(t);
        assertTrue(r.isSatisfied(), r::toString);
        assertTrue(r.interactions() >= 4L << 12, r::toString);
        long v = t.column(w.access, w.value)[100];
        t.set(w.access, w.value, 100, v + 1); // the next access of this cell now receives a value never sent
        r = checker.check(t);
        assertFalse(r.isSatisfied());
        assertEquals(2, r.unmatchedCount(), r::toString);
        assertTrue(r.toString().contains("table access row 100 (access.next) sends it"), r::toString);
    }
}
