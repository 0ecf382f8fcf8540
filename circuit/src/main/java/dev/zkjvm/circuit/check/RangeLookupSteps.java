package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.eval.FailureSink;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.RangeInverses;
import java.util.ArrayList;
import java.util.List;

/**
 * The step constraint of a single-column range lookup ({@code rangeCheck16} and the like), checked
 * with a table of inverses instead of evaluating its polynomial. Gives exactly the same verdict on
 * every row as the polynomial.
 *
 * <p>The step is {@code E = (h' - h)·F·T - T + m'·F} with {@code F = α - f'} and {@code T = α - t'},
 * f' the input and t' the range table at the next row. When α is not in the base field
 * ({@code α.c1 != 0}), F and T have a non-zero x-coordinate for any base values f', t', so
 * {@code F·T != 0} and {@code E = F·T·(h' - h - 1/F + m'/T)} vanishes exactly when
 * {@code h' - h = 1/F - m'/T}. The inverses {@code 1/(α - v)} for the table's values v are computed
 * once per check with one batch inversion; inputs outside the table (a dishonest trace) are
 * inverted on their own. This replaces two extension-field products and two base products per row
 * and lookup by two table reads and at most one base-by-extension product. When α lies in the base field
 * (probability about 2^-64) the caller evaluates the polynomial instead.
 */
final class RangeLookupSteps {
    /** One lookup's step: column indices, the challenge and the table size. */
    record Step(int constraint, int input, int table, int multiplicity, int h0, int h1, int alpha, int size) {
    }

    private RangeLookupSteps() {
    }

    /**
     * The step constraints this class can check: lookups of one plain column (current row) into a
     * FIXED range column (current row), with no selector.
     */
    static List<Step> find(ConstraintSystem cs) {
        List<Step> out = new ArrayList<>();
        for (Lookup l : cs.lookups()) {
            if (l.selector() != null || l.width() != 1 || l.beta() != null) {
                continue;
            }
            if (!(l.inputs().get(0) instanceof Expr.Cell in) || in.next()) {
                continue;
            }
            if (!(l.table().get(0) instanceof Expr.Cell t) || t.next() || t.column().phase() != Phase.FIXED
                    || !(cs.fixedValues(t.column()) instanceof FixedValues.Range r) || r.size() > (1 << 20)) {
                continue;
            }
            Constraint step = l.constraints().stream().filter(c -> c.kind() == ConstraintKind.TRANSITION)
                    .findFirst().orElse(null);
            if (step == null) {
                continue;
            }
            out.add(new Step(step.index(), in.column().index(), t.column().index(), l.multiplicity().index(),
                    l.runningSum().c0().index(), l.runningSum().c1().index(), l.alpha().index(), r.size()));
        }
        return List.copyOf(out);
    }

    /** Whether every step's α lies outside the base field, which the shortcut needs. */
    static boolean applicable(List<Step> steps, Ext2[] challenges) {
        for (Step s : steps) {
            Ext2 a = challenges[s.alpha()];
            if (a == null || a.c1() == 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code 1/(α - v)} for v in 0..size-1, interleaved: c0 at 2v, c1 at 2v + 1. */
    static long[] inverses(Step s, Ext2[] challenges) {
        return RangeInverses.of(challenges[s.alpha()], s.size()).interleaved();
    }

    /**
     * Checks the step on rows {@code [from, from + len)} (each reads its next row) and reports the
     * failing rows under the step's constraint index.
     */
    static void check(Step s, long[] inv, long a0, long a1, long[][] columns, int from, int len,
            FailureSink sink) {
        long[] f = columns[s.input()];
        long[] t = columns[s.table()];
        long[] m = columns[s.multiplicity()];
        long[] h0 = columns[s.h0()];
        long[] h1 = columns[s.h1()];
        long size = s.size();
        for (int r = from, end = from + len; r < end; r++) {
            int nx = r + 1;
            long fv = f[nx];
            long x0;
            long x1;
            if (Long.compareUnsigned(fv, size) < 0) {
                x0 = inv[2 * (int) fv];
                x1 = inv[2 * (int) fv + 1];
            } else {
                Ext2 i = new Ext2(Goldilocks.sub(a0, fv), a1).inverse();
                x0 = i.c0();
                x1 = i.c1();
            }
            long mv = m[nx];
            long e0 = x0;
            long e1 = x1;
            // Past the table's own rows most multiplicities are zero: then the term m'/T vanishes.
            if (mv != 0) {
                long tv = t[nx];
                long y0;
                long y1;
                if (Long.compareUnsigned(tv, size) < 0) {
                    y0 = inv[2 * (int) tv];
                    y1 = inv[2 * (int) tv + 1];
                } else {
                    Ext2 i = new Ext2(Goldilocks.sub(a0, tv), a1).inverse();
                    y0 = i.c0();
                    y1 = i.c1();
                }
                e0 = Goldilocks.sub(x0, Goldilocks.mul(mv, y0));
                e1 = Goldilocks.sub(x1, Goldilocks.mul(mv, y1));
            }
            if (Goldilocks.sub(h0[nx], h0[r]) != e0 || Goldilocks.sub(h1[nx], h1[r]) != e1) {
                sink.fail(s.constraint(), r);
            }
        }
    }
}
