package dev.zkjvm.circuit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A two-column lookup with a selector: (opcode, operand count) pairs against a fixed table. */
class TupleLookupTest {
    static final int N = 64;
    final ConstraintSystem cs;
    final Column active;
    final Column op;
    final Column argc;
    final Lookup lookup;

    TupleLookupTest() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("ops");
        active = b.main("active");
        op = b.main("op");
        argc = b.main("argc");
        Column tOp = b.fixed("t_op", FixedValues.values(1, 2, 3, 4));
        Column tArgc = b.fixed("t_argc", FixedValues.values(0, 2, 2, 1));
        b.everyRow("active.bool", active.cur().mul(active.cur().sub(1)));
        lookup = b.lookup("op.shape", active.cur(), List.of(op.cur(), argc.cur()), List.of(tOp.cur(), tArgc.cur()));
        cs = b.build();
    }

    Witness witness(long[] ops, long[] argcs) {
        long[] act = new long[N];
        for (int i = 0; i < N; i++) {
            act[i] = i < N - 8 ? 1 : 0; // the last 8 rows are padding, switched off
        }
        return WitnessBuilder.of(cs, N).set(active, act).set(op, ops).set(argc, argcs).build();
    }

    long[][] valid() {
        long[][] table = {{1, 0}, {2, 2}, {3, 2}, {4, 1}};
        long[] ops = new long[N];
        long[] argcs = new long[N];
        for (int i = 0; i < N; i++) {
            long[] row = table[(i * 7) % 4];
            ops[i] = i < N - 8 ? row[0] : 99; // padding rows hold garbage
            argcs[i] = i < N - 8 ? row[1] : 99;
        }
        return new long[][] {ops, argcs};
    }

    @Test
    void validTuplesPassAndUnselectedRowsAreFree() {
        long[][] v = valid();
        CheckReport r = new Checker(cs).check(witness(v[0], v[1]));
        assertTrue(r.isSatisfied(), r.toString());
        assertNotNull(lookup.beta(), "tuples are compressed with a second challenge");
        assertEquals(2, cs.challenges().size());
    }

    @Test
    void aPairMadeOfValidComponentsIsStillRejected() {
        long[][] v = valid();
        // op 1 and argc 2 both occur in the table, but not together
        v[0][9] = 1;
        v[1][9] = 2;
        CheckReport r = new Checker(cs).check(witness(v[0], v[1]));
        assertEquals(Set.of("op.shape.last"), r.failingConstraintNames(), r.toString());
        assertEquals(9, r.argumentIssues().get(0).row());
        assertTrue(r.argumentIssues().get(0).message().contains("(1, 2)"), r.argumentIssues().toString());
    }
}
