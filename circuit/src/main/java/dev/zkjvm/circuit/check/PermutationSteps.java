package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.eval.FailureSink;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.witness.TupleFactor;
import java.util.ArrayList;
import java.util.List;

/**
 * The step constraint {@code z'·R' - z·L'} of a permutation whose sides are plain columns without
 * selector, evaluated with {@link TupleFactor} (one reduction per coordinate of each compressed
 * tuple) instead of the compiled polynomial (one reduction per product). It is the same
 * polynomial evaluated exactly, so the verdict is the polynomial's on every row, for any
 * challenges ({@code PermutationStepsTest}).
 */
final class PermutationSteps {
    /** One permutation's step: the permutation and the index of its step constraint. */
    record Step(Permutation permutation, int constraint) {
    }

    /** The factors of one step for one set of challenges. */
    record Factors(TupleFactor left, TupleFactor right) {
        static Factors of(Step s, Ext2[] challenges) {
            return new Factors(TupleFactor.left(s.permutation(), challenges),
                    TupleFactor.right(s.permutation(), challenges));
        }
    }

    private PermutationSteps() {
    }

    /** The permutations whose step this class can check. */
    static List<Step> find(ConstraintSystem cs) {
        List<Step> out = new ArrayList<>();
        for (Permutation p : cs.permutations()) {
            if (!TupleFactor.applies(p)) {
                continue;
            }
            for (Constraint c : p.constraints()) {
                if (c.kind() == ConstraintKind.TRANSITION) {
                    out.add(new Step(p, c.index()));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Checks the step from each row of {@code [from, from + len)} to the next and reports the
     * failing rows under the step's constraint index.
     */
    static void check(Step s, Factors f, long[][] columns, int from, int len, FailureSink sink) {
        long[] l0 = new long[len];
        long[] l1 = new long[len];
        long[] r0 = new long[len];
        long[] r1 = new long[len];
        // the step from row r reads the factors of row r + 1
        f.left().evaluate(columns, from + 1, len, l0, l1, 0);
        f.right().evaluate(columns, from + 1, len, r0, r1, 0);
        long[] z0 = columns[s.permutation().product().c0().index()];
        long[] z1 = columns[s.permutation().product().c1().index()];
        for (int k = 0; k < len; k++) {
            int r = from + k;
            long a0 = z0[r + 1];
            long a1 = z1[r + 1];
            long b0 = z0[r];
            long b1 = z1[r];
            if (Ext2.mulC0(a0, a1, r0[k], r1[k]) != Ext2.mulC0(b0, b1, l0[k], l1[k])
                    || Ext2.mulC1(a0, a1, r0[k], r1[k]) != Ext2.mulC1(b0, b1, l0[k], l1[k])) {
                sink.fail(s.constraint(), r);
            }
        }
    }
}
