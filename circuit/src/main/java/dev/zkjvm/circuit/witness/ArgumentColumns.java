package dev.zkjvm.circuit.witness;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.eval.ColumnEvaluator;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Ext2Arrays;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.util.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the columns that lookups and permutations add: multiplicities (MAIN, before the
 * commitment) and running sums / grand products (AUX, after the challenges). The AUX columns are
 * computed from the same {@link Expr}s that the argument's constraints read, so the two cannot
 * drift apart.
 */
public final class ArgumentColumns {
    private static final int GRAIN = 1 << 14;

    private ArgumentColumns() {
    }

    /** The evaluated selector (row 0), inputs and table of a lookup, as base columns. */
    public record LookupValues(long[] selector, long[][] inputs, long[][] table) {
    }

    /** Evaluates the selector, inputs and table of {@code l} on every row. */
    public static LookupValues lookupValues(Lookup l, long[][] columns, int rows) {
        List<Expr> exprs = new ArrayList<>();
        exprs.add(l.selectorOrOne());
        exprs.addAll(l.inputs());
        exprs.addAll(l.table());
        long[][][] v = ColumnEvaluator.evaluate(exprs, columns, rows, new Ext2[0]);
        int w = l.width();
        long[][] in = new long[w][];
        long[][] tab = new long[w][];
        for (int j = 0; j < w; j++) {
            in[j] = v[1 + j][0];
            tab[j] = v[1 + w + j][0];
        }
        return new LookupValues(v[0][0], in, tab);
    }

    /**
     * The index "row of the table holding this input tuple" for a lookup: for a single range-table
     * column this is the value itself, otherwise a hash index over the table rows.
     */
    public interface TableIndex {
        /** The first table row holding the input tuple of {@code row}, or -1. */
        int find(long[][] inputs, int row);
    }

    /** Builds the index of the table rows of {@code l}. */
    public static TableIndex tableIndex(ConstraintSystem cs, Lookup l, long[][] table, int rows) {
        if (l.width() == 1 && l.table().get(0) instanceof Expr.Cell c && !c.next()
                && c.column().phase() == Phase.FIXED && cs.fixedValues(c.column()) instanceof FixedValues.Range r) {
            long size = r.size();
            return (inputs, row) -> {
                long v = inputs[0][row];
                return Long.compareUnsigned(v, size) < 0 ? (int) v : -1;
            };
        }
        TupleIndex idx = new TupleIndex(table, rows);
        return idx::find;
    }

    /**
     * Multiplicities: at the first table row holding each value, the (selector-weighted) number of
     * rows that look it up. Inputs missing from the table are not counted; the lookup's last-row
     * constraint then fails.
     */
    public static long[] multiplicities(ConstraintSystem cs, Lookup l, long[][] columns, int rows) {
        LookupValues v = lookupValues(l, columns, rows);
        TableIndex index = tableIndex(cs, l, v.table(), rows);
        long[] m = new long[rows];
        long[] sel = v.selector();
        for (int r = 0; r < rows; r++) {
            long s = sel[r];
            if (s == 0) {
                continue;
            }
            int t = index.find(v.inputs(), r);
            if (t >= 0) {
                m[t] = Goldilocks.add(m[t], s);
            }
        }
        return m;
    }

    /**
     * Fills the running-sum column of {@code l}: {@code h[i] = Σ_{j≤i} s_j/(α - f_j) - m_j/(α - t_j)}.
     * The multiplicity column must already be in {@code columns}.
     */
    public static void fillRunningSum(Lookup l, long[][] columns, int rows, Ext2[] challenges) {
        List<Expr> exprs = List.of(l.selectorOrOne(), l.inputDenominator(), l.tableDenominator());
        long[][][] v = ColumnEvaluator.evaluate(exprs, columns, rows, challenges);
        long[] s = v[0][0];
        long[][] f = v[1];
        long[][] t = v[2];
        invertAll(f, rows, "lookup " + l.name() + " input denominator");
        invertAll(t, rows, "lookup " + l.name() + " table denominator");
        long[] m = columns[l.multiplicity().index()];
        long[] h0 = columns[l.runningSum().c0().index()];
        long[] h1 = columns[l.runningSum().c1().index()];
        long acc0 = 0;
        long acc1 = 0;
        for (int r = 0; r < rows; r++) {
            long term0 = Goldilocks.sub(Goldilocks.mul(s[r], f[0][r]), Goldilocks.mul(m[r], t[0][r]));
            long term1 = Goldilocks.sub(Goldilocks.mul(s[r], f[1][r]), Goldilocks.mul(m[r], t[1][r]));
            acc0 = Goldilocks.add(acc0, term0);
            acc1 = Goldilocks.add(acc1, term1);
            h0[r] = acc0;
            h1[r] = acc1;
        }
    }

    /** Fills the grand-product column of {@code p}: {@code z[i] = Π_{j≤i} L_j / R_j}. */
    public static void fillGrandProduct(Permutation p, long[][] columns, int rows, Ext2[] challenges) {
        long[][][] v = ColumnEvaluator.evaluate(List.of(p.leftFactor(), p.rightFactor()), columns, rows, challenges);
        long[][] left = v[0];
        long[][] right = v[1];
        invertAll(right, rows, "permutation " + p.name() + " right factor");
        long[] z0 = columns[p.product().c0().index()];
        long[] z1 = columns[p.product().c1().index()];
        long acc0 = 1;
        long acc1 = 0;
        for (int r = 0; r < rows; r++) {
            long q0 = Ext2.mulC0(left[0][r], left[1][r], right[0][r], right[1][r]);
            long q1 = Ext2.mulC1(left[0][r], left[1][r], right[0][r], right[1][r]);
            long n0 = Ext2.mulC0(acc0, acc1, q0, q1);
            long n1 = Ext2.mulC1(acc0, acc1, q0, q1);
            acc0 = n0;
            acc1 = n1;
            z0[r] = acc0;
            z1[r] = acc1;
        }
    }

    private static void invertAll(long[][] ext, int rows, String what) {
        try {
            Parallel.forRange(rows, GRAIN, (from, to) -> Ext2Arrays.batchInverseInPlace(ext[0], ext[1], from, to));
        } catch (ArithmeticException e) {
            throw new IllegalStateException(what + " is zero on some row (" + e.getMessage()
                    + "): the challenge hit a table value, which happens with negligible probability", e);
        }
    }
}
