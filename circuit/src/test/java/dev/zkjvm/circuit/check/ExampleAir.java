package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.List;

/**
 * A small AIR exercising every constraint kind, a range check and two permutations, where a single
 * cell edit can violate exactly one constraint.
 */
final class ExampleAir {
    final ConstraintSystem cs;
    final Column x;
    final Column y;
    final Column t;
    final Column io;
    final Column flag;
    final Column small;
    final Column a;
    final Column b;
    final Column sel1;
    final Column k1;
    final Column v1;
    final Column sel2;
    final Column k2;
    final Column v2;
    final Column first;

    static final long IO_IN = 5;
    static final long IO_OUT = 8;

    ExampleAir(int rangeBits) {
        ConstraintSystemBuilder sb = ConstraintSystem.builder("example");
        x = sb.main("x");
        y = sb.main("y");
        t = sb.main("t");
        io = sb.main("io");
        flag = sb.main("flag");
        small = sb.main("small");
        a = sb.main("a");
        b = sb.main("b");
        sel1 = sb.main("sel1");
        k1 = sb.main("k1");
        v1 = sb.main("v1");
        sel2 = sb.main("sel2");
        k2 = sb.main("k2");
        v2 = sb.main("v2");
        first = sb.fixed("is_first", FixedValues.firstRow());

        sb.firstRow("fib.x0", x.cur().sub(1));
        sb.firstRow("fib.y0", y.cur().sub(1));
        sb.transition("fib.x_next", x.next().sub(y.cur()));
        sb.transition("fib.y_next", y.next().sub(x.cur().add(y.cur())));
        sb.firstRow("counter.first", t.cur());
        sb.transition("counter.step", t.next().sub(t.cur()).sub(1));
        sb.firstRow("io.in", io.cur().sub(IO_IN));
        sb.lastRow("io.out", io.cur().sub(IO_OUT));
        sb.everyRow("flag.bool", flag.cur().mul(flag.cur().sub(1)));
        sb.everyRow("first.selects_flag", first.cur().mul(flag.cur()));
        sb.rangeCheck("small.range", small.cur(), rangeBits);
        sb.permutation("ab", List.of(a.cur()), List.of(b.cur()));
        sb.permutation("kv", sel1.cur(), List.of(k1.cur(), v1.cur()), sel2.cur(), List.of(k2.cur(), v2.cur()));
        sb.everyRow("sel1.bool", sel1.cur().mul(sel1.cur().sub(1)));
        sb.everyRow("sel2.bool", sel2.cur().mul(sel2.cur().sub(1)));
        cs = sb.build();
    }

    /** A valid witness of {@code n} rows. */
    Witness validWitness(int n, int rangeBits) {
        long[] xs = new long[n];
        long[] ys = new long[n];
        long[] ts = new long[n];
        long[] ios = new long[n];
        long[] flags = new long[n];
        long[] smalls = new long[n];
        long[] as = new long[n];
        long[] bs = new long[n];
        long[] s1 = new long[n];
        long[] ks1 = new long[n];
        long[] vs1 = new long[n];
        long[] s2 = new long[n];
        long[] ks2 = new long[n];
        long[] vs2 = new long[n];
        xs[0] = 1;
        ys[0] = 1;
        for (int i = 1; i < n; i++) {
            xs[i] = ys[i - 1];
            ys[i] = Goldilocks.add(xs[i - 1], ys[i - 1]);
        }
        long range = 1L << rangeBits;
        int selected = 0;
        for (int i = 0; i < n; i++) {
            ts[i] = i;
            flags[i] = (i % 3 == 1) ? 1 : 0;
            smalls[i] = (i * 37L + 11) % range;
            as[i] = Goldilocks.mul(i + 1, 1_000_003);
            bs[n - 1 - i] = as[i];
            // left: even rows carry (k, v); right: the same pairs on odd rows, in reverse order
            if (i % 2 == 0) {
                s1[i] = 1;
                ks1[i] = i / 2;
                vs1[i] = Goldilocks.mul(i / 2 + 7, 13);
                selected++;
            } else {
                ks1[i] = 999_999; // ignored: not selected
                vs1[i] = i;
            }
        }
        ios[0] = IO_IN;
        ios[n - 1] = IO_OUT;
        int j = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (i % 2 == 1 && j < selected) {
                s2[i] = 1;
                ks2[i] = j;
                vs2[i] = Goldilocks.mul(j + 7, 13);
                j++;
            } else {
                ks2[i] = 123;
                vs2[i] = 456;
            }
        }
        if (j < selected) {
            throw new IllegalStateException("n must be even");
        }
        return WitnessBuilder.of(cs, n).set(x, xs).set(y, ys).set(t, ts).set(io, ios).set(flag, flags)
                .set(small, smalls).set(a, as).set(b, bs).set(sel1, s1).set(k1, ks1).set(v1, vs1).set(sel2, s2)
                .set(k2, ks2).set(v2, vs2).build();
    }

    /** Rebuilds a witness from {@code w}'s MAIN columns after {@code edit} (challenges re-drawn). */
    Witness rebuilt(Witness w, Column c, int row, long value) {
        WitnessBuilder wb = WitnessBuilder.of(cs, w.rows());
        for (Column m : cs.columns(dev.zkjvm.circuit.air.Phase.MAIN)) {
            if (!m.name().endsWith(".m")) {
                wb.set(m, w.column(m).clone());
            }
        }
        long[] edited = w.column(c).clone();
        edited[row] = value;
        wb.set(c, edited);
        return wb.build();
    }
}
