package dev.zkjvm.circuit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The system shown in README.md, declared, filled and checked exactly as written there. */
class ReadmeExampleTest {
    @Test
    void theReadmeExampleWorks() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("memory");
        Column addr = b.main("addr"), val = b.main("val"), isWrite = b.main("is_write");
        Column sAddr = b.main("s_addr"), sVal = b.main("s_val"), sIsWrite = b.main("s_is_write");
        Column op = b.main("op");
        Column ops = b.fixed("valid_ops", FixedValues.values(0, 1, 2, 7));

        b.everyRow("is_write.bool", isWrite.cur().mul(isWrite.cur().sub(1)));
        b.transition("read.keeps_value",
                Expr.constant(1).sub(sIsWrite.next()).mul(sVal.next().sub(sVal.cur())));
        b.firstRow("first.is_write", sIsWrite.cur().sub(1));
        b.lastRow("last.addr", addr.cur());
        b.rangeCheck16("addr.range", addr.cur());
        b.lookup("op.valid", isWrite.cur(), List.of(op.cur()), List.of(ops.cur()));
        b.permutation("sorted", List.of(addr.cur(), val.cur(), isWrite.cur()),
                List.of(sAddr.cur(), sVal.cur(), sIsWrite.cur()));
        ConstraintSystem cs = b.build();
        assertEquals("(1 - s_is_write') * (s_val' - s_val)", cs.constraint("read.keeps_value").polynomial());

        // one address (0): write 5, read, read, write 9, read, ... in time order; sorted = same order
        int n = cs.minRows();
        long[] a = new long[n];
        long[] v = new long[n];
        long[] w = new long[n];
        long[] o = new long[n];
        long value = 0;
        for (int i = 0; i < n; i++) {
            boolean write = i % 4 == 0;
            if (write) {
                value = (i / 4) % 1000;
            }
            v[i] = value;
            w[i] = write ? 1 : 0;
            o[i] = write ? 7 : 3; // reads carry an opcode outside the table: the selector switches them off
        }
        Witness wit = WitnessBuilder.of(cs, n).hash(HashAlgorithm.SHA256).set(addr, a).set(val, v.clone())
                .set(isWrite, w.clone()).set(sAddr, a.clone()).set(sVal, v.clone()).set(sIsWrite, w.clone())
                .set(op, o).build();
        CheckReport r = new Checker(cs).check(wit, CheckOptions.defaults().withMaxFailures(20)
                .withContext(row -> "t=" + row));
        r.assertSatisfied();

        // a read that returns a different value breaks exactly the transition constraint
        wit.set(sVal, 6, 999);
        CheckReport bad = new Checker(cs).check(wit, row -> "t=" + row);
        assertTrue(bad.failingConstraintNames().contains("read.keeps_value"), bad.toString());
        assertEquals(Set.of("read.keeps_value", "sorted.step"), bad.failingConstraintNames(), bad.toString());
        assertEquals("t=5", bad.failures().get(0).context());
    }
}
