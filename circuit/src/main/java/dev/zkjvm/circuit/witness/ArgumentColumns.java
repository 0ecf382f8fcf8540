package dev.zkjvm.circuit.witness;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.ColumnEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
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
        return multiplicities(cs, l, columns, rows, rows);
    }

    /**
     * As {@link #multiplicities(ConstraintSystem, Lookup, long[][], int)}, with the inputs on the
     * first {@code inputRows} rows and the table on the first {@code tableRows}: in a table system
     * the two sides may live in tables of different heights.
     */
    public static long[] multiplicities(ConstraintSystem cs, Lookup l, long[][] columns, int inputRows,
            int tableRows) {
        long[][][] values = ColumnEvaluator.evaluate(l.table(), columns, tableRows, new Ext2[0]);
        long[][] table = new long[values.length][];
        for (int j = 0; j < table.length; j++) {
            table[j] = values[j][0];
        }
        long[] m = new long[tableRows];
        countInto(cs, l, columns, inputRows, table, tableRows, m);
        return m;
    }

    /**
     * Adds the lookups of {@code l} into a table given apart from its rows: at the first of the
     * {@code tableRows} rows of {@code table} holding each row's input tuple, that row's selector
     * (a preprocessed table of its own, not rows of the same trace). Inputs missing from the table
     * are not counted.
     *
     * @param columns the columns the selector and inputs read, {@code rows} values each
     * @param table the table's columns in the order of {@code l}'s table tuple
     * @param m the table's multiplicities, {@code tableRows} entries, added to
     */
    public static void countInto(ConstraintSystem cs, Lookup l, long[][] columns, int rows, long[][] table,
            int tableRows, long[] m) {
        List<Expr> exprs = new ArrayList<>();
        exprs.add(l.selectorOrOne());
        exprs.addAll(l.inputs());
        long[][][] v = ColumnEvaluator.evaluate(exprs, columns, rows, new Ext2[0]);
        long[] sel = v[0][0];
        long[][] in = new long[l.width()][];
        for (int j = 0; j < in.length; j++) {
            in[j] = v[1 + j][0];
        }
        TableIndex index = tableIndex(cs, l, table, tableRows);
        for (int r = 0; r < rows; r++) {
            long s = sel[r];
            if (s == 0) {
                continue;
            }
            int t = index.find(in, r);
            if (t >= 0) {
                m[t] = Goldilocks.add(m[t], s);
            }
        }
    }

    /**
     * Fills the running-sum column of {@code l}: {@code h[i] = Σ_{j≤i} s_j/(α - f_j) - m_j/(α - t_j)}.
     * The multiplicity column must already be in {@code columns}.
     */
    public static void fillRunningSum(Lookup l, long[][] columns, int rows, Ext2[] challenges) {
        fillRunningSum(null, l, columns, rows, challenges);
    }

    /**
     * As {@link #fillRunningSum(Lookup, long[][], int, Ext2[])}; with the system at hand, a
     * single-column lookup into a range table ({@code rangeCheck16}) takes a faster path that
     * yields the same column: the table holds only {@code size} distinct values, so the
     * inverses {@code 1/(α - v)} for {@code v < size} are computed once with one batch
     * inversion, and every row reads its two inverses from that table (inputs outside the range,
     * which only a dishonest trace has, are inverted apart). Rows with a zero selector or a zero
     * multiplicity need no inverse at all.
     */
    public static void fillRunningSum(ConstraintSystem cs, Lookup l, long[][] columns, int rows, Ext2[] challenges) {
        if (cs != null) {
            long size = rangeTableSize(cs, l);
            if (size > 0) {
                fillRangeRunningSum(l, (int) size, columns, rows, challenges);
                return;
            }
        }
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

    /**
     * The size of the range table of a single-column lookup whose table is a FIXED
     * {@link FixedValues.Range} column read at the current row (values 0..size-1), or 0.
     */
    static long rangeTableSize(ConstraintSystem cs, Lookup l) {
        if (l.width() == 1 && l.table().get(0) instanceof Expr.Cell c && !c.next()
                && c.column().phase() == Phase.FIXED && cs.fixedValues(c.column()) instanceof FixedValues.Range r
                && r.size() <= (1 << 24)) {
            return r.size();
        }
        return 0;
    }

    /**
     * The values of a base-field, current-row expression on every row: the column itself (not a
     * copy) for a plain cell, so that reading plain inputs allocates nothing.
     */
    public static long[] baseValues(Expr e, long[][] columns, int rows) {
        if (e instanceof Expr.Cell c && !c.next()) {
            return columns[c.column().index()];
        }
        return ColumnEvaluator.evaluate(List.of(e), columns, rows, new Ext2[0])[0][0];
    }

    private static void fillRangeRunningSum(Lookup l, int size, long[][] columns, int rows, Ext2[] challenges) {
        Ext2 alpha = challenges[l.alpha().index()];
        long a0 = alpha.c0();
        long a1 = alpha.c1();
        // 1/(α - v) for every table value v, interleaved.
        long[] inv = RangeInverses.of(alpha, size).interleaved();
        long[] s = l.selector() == null ? null : baseValues(l.selector(), columns, rows);
        long[] f = baseValues(l.inputs().get(0), columns, rows);
        long[] t = baseValues(l.table().get(0), columns, rows);
        long[] m = columns[l.multiplicity().index()];
        // Inputs (and, defensively, table values) outside the range: invert those apart.
        int outside = 0;
        for (int r = 0; r < rows; r++) {
            if ((s == null || s[r] != 0) && Long.compareUnsigned(f[r], size) >= 0) {
                outside++;
            }
            if (m[r] != 0 && Long.compareUnsigned(t[r], size) >= 0) {
                outside++;
            }
        }
        long[] out0 = new long[outside];
        long[] out1 = new long[outside];
        if (outside > 0) {
            int k = 0;
            for (int r = 0; r < rows; r++) {
                if ((s == null || s[r] != 0) && Long.compareUnsigned(f[r], size) >= 0) {
                    out0[k] = Goldilocks.sub(a0, f[r]);
                    out1[k++] = a1;
                }
                if (m[r] != 0 && Long.compareUnsigned(t[r], size) >= 0) {
                    out0[k] = Goldilocks.sub(a0, t[r]);
                    out1[k++] = a1;
                }
            }
            invertAll(new long[][] {out0, out1}, outside, "lookup " + l.name() + " denominator");
        }
        long[] h0 = columns[l.runningSum().c0().index()];
        long[] h1 = columns[l.runningSum().c1().index()];
        long acc0 = 0;
        long acc1 = 0;
        int k = 0;
        for (int r = 0; r < rows; r++) {
            long sr = s == null ? 1 : s[r];
            if (sr != 0) {
                long x0;
                long x1;
                long fr = f[r];
                if (Long.compareUnsigned(fr, size) < 0) {
                    x0 = inv[2 * (int) fr];
                    x1 = inv[2 * (int) fr + 1];
                } else {
                    x0 = out0[k];
                    x1 = out1[k++];
                }
                if (sr != 1) {
                    x0 = Goldilocks.mul(sr, x0);
                    x1 = Goldilocks.mul(sr, x1);
                }
                acc0 = Goldilocks.add(acc0, x0);
                acc1 = Goldilocks.add(acc1, x1);
            }
            long mr = m[r];
            if (mr != 0) {
                long y0;
                long y1;
                long tr = t[r];
                if (Long.compareUnsigned(tr, size) < 0) {
                    y0 = inv[2 * (int) tr];
                    y1 = inv[2 * (int) tr + 1];
                } else {
                    y0 = out0[k];
                    y1 = out1[k++];
                }
                acc0 = Goldilocks.sub(acc0, Goldilocks.mul(mr, y0));
                acc1 = Goldilocks.sub(acc1, Goldilocks.mul(mr, y1));
            }
            h0[r] = acc0;
            h1[r] = acc1;
        }
    }

    /**
     * Fills the grand-product column of {@code p}: {@code z[i] = Π_{j≤i} L_j / R_j}.
     *
     * <p>Each chunk of rows evaluates its factors ({@link TupleFactor} when both sides are plain
     * columns without selector, the compiled factor expressions otherwise), inverts its right factors and forms its local
     * prefix products in scratch arrays of the chunk's size (in parallel), so no full-height
     * temporary column is allocated; then the chunks' starting values are chained (sequential, one
     * per chunk) and each chunk is scaled by its start (parallel).
     */
    public static void fillGrandProduct(Permutation p, long[][] columns, int rows, Ext2[] challenges) {
        List<Expr> factors = List.of(p.leftFactor(), p.rightFactor());
        for (Expr e : factors) {
            if (e.readsNextRow()) {
                throw new IllegalArgumentException("a permutation factor reads the current row only: " + e);
            }
        }
        // Plain tuples without selectors (the memory argument's) take the one-reduction path.
        TupleFactor left = TupleFactor.applies(p) ? TupleFactor.left(p, challenges) : null;
        TupleFactor right = left == null ? null : TupleFactor.right(p, challenges);
        Program program = ProgramCompiler.compileValues(factors);
        long[] z0 = columns[p.product().c0().index()];
        long[] z1 = columns[p.product().c1().index()];
        int chunks = (rows + GRAIN - 1) / GRAIN;
        long[] end0 = new long[chunks];
        long[] end1 = new long[chunks];
        try {
            Parallel.forChunks(chunks, Parallel.parallelism(), () -> new ChunkScratch(program, columns, challenges),
                    (w, c) -> {
                        int first = c * GRAIN;
                        int len = Math.min(rows, first + GRAIN) - first;
                        if (left != null) {
                            left.evaluate(columns, first, len, w.l0, w.l1, 0);
                            right.evaluate(columns, first, len, w.r0, w.r1, 0);
                        } else {
                            for (int off = 0; off < len; off += BlockEvaluator.BLOCK) {
                                int n = Math.min(BlockEvaluator.BLOCK, len - off);
                                w.evaluator.run(first + off, n, (k, r) -> {
                                });
                                w.evaluator.output(0, 0, n, w.l0, off);
                                w.evaluator.output(0, 1, n, w.l1, off);
                                w.evaluator.output(1, 0, n, w.r0, off);
                                w.evaluator.output(1, 1, n, w.r1, off);
                            }
                        }
                        Ext2Arrays.batchInverseInPlace(w.r0, w.r1, 0, len);
                        long acc0 = 1;
                        long acc1 = 0;
                        for (int k = 0; k < len; k++) {
                            long q0 = Ext2.mulC0(w.l0[k], w.l1[k], w.r0[k], w.r1[k]);
                            long q1 = Ext2.mulC1(w.l0[k], w.l1[k], w.r0[k], w.r1[k]);
                            long n0 = Ext2.mulC0(acc0, acc1, q0, q1);
                            long n1 = Ext2.mulC1(acc0, acc1, q0, q1);
                            acc0 = n0;
                            acc1 = n1;
                            z0[first + k] = acc0;
                            z1[first + k] = acc1;
                        }
                        end0[c] = acc0;
                        end1[c] = acc1;
                    });
        } catch (ArithmeticException e) {
            throw new IllegalStateException("permutation " + p.name() + " right factor is zero on some row ("
                    + e.getMessage() + "): the challenge hit a table value, which happens with negligible probability",
                    e);
        }
        long[] start0 = new long[chunks];
        long[] start1 = new long[chunks];
        long acc0 = 1;
        long acc1 = 0;
        for (int c = 0; c < chunks; c++) {
            start0[c] = acc0;
            start1[c] = acc1;
            long n0 = Ext2.mulC0(acc0, acc1, end0[c], end1[c]);
            long n1 = Ext2.mulC1(acc0, acc1, end0[c], end1[c]);
            acc0 = n0;
            acc1 = n1;
        }
        Parallel.forRange(chunks, 1, (fromChunk, toChunk) -> {
            for (int c = fromChunk; c < toChunk; c++) {
                long s0 = start0[c];
                long s1 = start1[c];
                if (s0 == 1 && s1 == 0) {
                    continue;
                }
                for (int r = c * GRAIN, end = Math.min(rows, r + GRAIN); r < end; r++) {
                    long a0 = z0[r];
                    long a1 = z1[r];
                    z0[r] = Ext2.mulC0(s0, s1, a0, a1);
                    z1[r] = Ext2.mulC1(s0, s1, a0, a1);
                }
            }
        });
    }

    /** One worker's evaluator and chunk-sized scratch columns for the grand product. */
    private static final class ChunkScratch {
        final BlockEvaluator evaluator;
        final long[] l0 = new long[GRAIN];
        final long[] l1 = new long[GRAIN];
        final long[] r0 = new long[GRAIN];
        final long[] r1 = new long[GRAIN];

        ChunkScratch(Program program, long[][] columns, Ext2[] challenges) {
            this.evaluator = new BlockEvaluator(program, columns, challenges);
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
