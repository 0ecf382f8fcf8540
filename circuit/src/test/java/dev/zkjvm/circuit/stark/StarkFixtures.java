package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.List;

/**
 * A small system with every kind of constraint and argument: every-row, transition, first- and
 * last-row constraints, an 8-bit range lookup, a lookup into a FIXED "program" column under a
 * selector, and a permutation. Its trace is a running counter modulo 256 with a sorted copy.
 */
final class StarkFixtures {
    static final StarkConfig SMALL = new StarkConfig(new FriParameters(8, 4, 8, 4, 7), HashAlgorithm.SHA256);

    final ConstraintSystem system;
    final Column counter;
    final Column doubled;
    final Column flag;
    final Column op;
    final Column sorted;

    /** @param program the FIXED table of allowed opcodes (the "public input") */
    StarkFixtures(long... program) {
        ConstraintSystemBuilder b = ConstraintSystem.builder("stark-fixture");
        counter = b.main("counter");
        doubled = b.main("doubled");
        flag = b.main("flag");
        op = b.main("op");
        sorted = b.main("sorted");
        Column ops = b.fixed("ops", FixedValues.values(program));
        b.everyRow("doubled.def", doubled.cur().sub(counter.cur().mul(2)));
        b.everyRow("flag.bool", flag.cur().mul(flag.cur().sub(1)));
        b.transition("counter.step", counter.next().sub(counter.cur()).sub(1).mul(counter.next()));
        b.firstRow("counter.first", counter.cur());
        b.lastRow("counter.last", counter.cur().sub(255));
        b.rangeCheck("counter.range", counter.cur(), 8);
        b.lookup("op.valid", flag.cur(), List.of(op.cur()), List.of(ops.cur()));
        b.permutation("sorted.perm", List.of(counter.cur()), List.of(sorted.cur()));
        system = b.build();
    }

    /** An honest witness of {@code rows} rows (a multiple of 256) using opcode {@code opcode}. */
    WitnessBuilder witness(int rows, long opcode) {
        long[] c = new long[rows];
        long[] d = new long[rows];
        long[] f = new long[rows];
        long[] o = new long[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = i % 256;
            d[i] = 2 * c[i];
            f[i] = i % 3 == 0 ? 1 : 0;
            o[i] = f[i] == 1 ? opcode : 12345;
        }
        long[] s = c.clone();
        java.util.Arrays.sort(s);
        return WitnessBuilder.of(system, rows).set(counter, c).set(doubled, d).set(flag, f).set(op, o).set(sorted, s);
    }
}
