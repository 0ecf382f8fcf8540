package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.air.RangeCheck;
import dev.zkjvm.circuit.eval.FailureSink;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.RangeInverses;
import java.util.ArrayList;
import java.util.List;

/**
 * The helper and step constraints of a {@link RangeBatch}, checked with a table of inverses instead
 * of evaluating their polynomials. Gives exactly the same verdict on every row as the polynomials
 * when α lies outside the base field.
 *
 * <p>With {@code F_i = α - f_i} and {@code T = α - t} for base values f_i, t and {@code α.c1 != 0},
 * every F_i and T is non-zero, so the helper polynomial
 * {@code g·Π F_i - Σ s_i·Π_{j≠i} F_j = Π F_i·(g - Σ s_i/F_i)} vanishes exactly when
 * {@code g = Σ s_i/F_i}, and the step {@code (h' - h - Σ g')·T' + m' = T'·(h' - h - Σ g' + m'/T')}
 * exactly when {@code h' - h = Σ g' - m'/T'}. The inverses {@code 1/(α - v)} of the table values
 * come from one {@link RangeInverses} per check; values outside the table are inverted on their
 * own. When some α lies in the base field (probability about 2^-64) the caller evaluates the
 * polynomials instead.
 */
final class RangeBatchSteps {
    /**
     * One batch whose inputs and selectors are plain current-row columns: column indices, with -1
     * for an absent selector; {@code helpers[k]} is the constraint index of group k's helper.
     */
    record Batch(RangeBatch batch, int[][] values, int[][] selectors, int[] helpers, int step) {
    }

    private RangeBatchSteps() {
    }

    /** The batches this class can check: every input and selector a plain column at the current row. */
    static List<Batch> find(ConstraintSystem cs) {
        List<Batch> out = new ArrayList<>();
        for (RangeBatch b : cs.rangeBatches()) {
            int groups = b.groups().size();
            int[][] values = new int[groups][];
            int[][] selectors = new int[groups][];
            int[] helpers = new int[groups];
            boolean plain = true;
            for (int k = 0; k < groups && plain; k++) {
                List<RangeCheck> g = b.groups().get(k);
                values[k] = new int[g.size()];
                selectors[k] = new int[g.size()];
                for (int i = 0; i < g.size(); i++) {
                    values[k][i] = plainColumn(g.get(i).value());
                    selectors[k][i] = g.get(i).selector() == null ? -1 : plainColumn(g.get(i).selector());
                    plain &= values[k][i] >= 0 && (g.get(i).selector() == null || selectors[k][i] >= 0);
                }
                helpers[k] = b.helperConstraint(k).index();
            }
            if (plain) {
                out.add(new Batch(b, values, selectors, helpers, b.stepConstraint().index()));
            }
        }
        return List.copyOf(out);
    }

    private static int plainColumn(Expr e) {
        return e instanceof Expr.Cell c && !c.next() ? c.column().index() : -1;
    }

    /**
     * Checks the helpers on rows {@code [from, from + len)} and the step from each of these rows
     * to the next, reporting failing rows under the constraints' indices. Group by group (a few
     * streams per pass), with block-sized scratch.
     */
    static void check(Batch b, RangeInverses inv, long[][] columns, int from, int len, FailureSink sink) {
        RangeBatch rb = b.batch();
        int groups = b.helpers().length;
        int to = from + len;
        long[] x0 = new long[len];
        long[] x1 = new long[len];
        long[] e0 = new long[len];
        long[] e1 = new long[len];
        for (int k = 0; k < groups; k++) {
            long[] g0 = columns[rb.helpers().get(k).c0().index()];
            long[] g1 = columns[rb.helpers().get(k).c1().index()];
            int[] vs = b.values()[k];
            int[] ss = b.selectors()[k];
            long[][] values = new long[vs.length][];
            long[][] weights = new long[vs.length][];
            for (int i = 0; i < vs.length; i++) {
                values[i] = columns[vs[i]];
                weights[i] = ss[i] < 0 ? null : columns[ss[i]];
            }
            inv.sum(values, weights, from, to, x0, x1, -from);
            for (int j = 0; j < len; j++) {
                if (g0[from + j] != x0[j] || g1[from + j] != x1[j]) {
                    sink.fail(b.helpers()[k], from + j);
                }
                // the step from row r reads the helpers of row r + 1
                e0[j] = Goldilocks.add(e0[j], g0[from + j + 1]);
                e1[j] = Goldilocks.add(e1[j], g1[from + j + 1]);
            }
        }
        inv.accumulate(columns[rb.table().index()], columns[rb.multiplicity().index()], true, from + 1, to + 1, e0,
                e1, -from - 1);
        long[] h0 = columns[rb.runningSum().c0().index()];
        long[] h1 = columns[rb.runningSum().c1().index()];
        for (int j = 0; j < len; j++) {
            int r = from + j;
            if (Goldilocks.sub(h0[r + 1], h0[r]) != e0[j] || Goldilocks.sub(h1[r + 1], h1[r]) != e1[j]) {
                sink.fail(b.step(), r);
            }
        }
    }
}
