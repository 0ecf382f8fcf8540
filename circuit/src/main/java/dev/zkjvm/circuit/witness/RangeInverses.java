package dev.zkjvm.circuit.witness;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Ext2Arrays;
import dev.zkjvm.circuit.field.Goldilocks;

/**
 * The inverses {@code 1/(α - v)} of a range lookup's denominators. A range table holds only
 * {@code size} distinct values, so one batch inversion of {@code α - v} for {@code v < size}
 * serves every row; values outside the range (only a dishonest trace has them) are inverted one
 * by one. Shared by the witness (running sums) and the checker (its shortcut for the steps).
 */
public final class RangeInverses {
    private final long[] table;
    private final long a0;
    private final long a1;
    private final int size;

    private RangeInverses(long[] table, long a0, long a1, int size) {
        this.table = table;
        this.a0 = a0;
        this.a1 = a1;
        this.size = size;
    }

    /**
     * Inverts {@code α - v} for every {@code v < size}.
     *
     * @throws IllegalStateException if α equals a table value (probability about size/p²)
     */
    public static RangeInverses of(Ext2 alpha, int size) {
        long[] c0 = new long[size];
        long[] c1 = new long[size];
        for (int v = 0; v < size; v++) {
            c0[v] = Goldilocks.sub(alpha.c0(), v);
            c1[v] = alpha.c1();
        }
        try {
            Ext2Arrays.batchInverseInPlace(c0, c1);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("the challenge " + alpha + " is a range table value ("
                    + e.getMessage() + "), which happens with negligible probability", e);
        }
        long[] t = new long[2 * size];
        for (int v = 0; v < size; v++) {
            t[2 * v] = c0[v];
            t[2 * v + 1] = c1[v];
        }
        return new RangeInverses(t, alpha.c0(), alpha.c1(), size);
    }

    /** Whether {@code v} (a base field element) is a table value. */
    public boolean inRange(long v) {
        return Long.compareUnsigned(v, size) < 0;
    }

    /** The number of table values. */
    public int size() {
        return size;
    }

    /**
     * {@code 1/(α - v)} for a table value, interleaved: c0 at {@code 2v}, c1 at {@code 2v + 1}.
     * Read it directly in hot loops; the array is the table itself, do not modify it.
     */
    public long[] interleaved() {
        return table;
    }

    /**
     * For every row r in {@code [from, to)}: adds {@code w[r]/(α - values[r])} (subtracts it if
     * {@code negate}) to {@code (acc0, acc1)} at index {@code r + shift}, with w the weights
     * ({@code null}: all 1). Rows of weight zero read nothing. One column at a time, so that a
     * caller streams a few columns per pass rather than all of them per row.
     *
     * @throws ArithmeticException if {@code α - v} is zero on a row of non-zero weight
     */
    public void accumulate(long[] values, long[] weights, boolean negate, int from, int to, long[] acc0,
            long[] acc1, int shift) {
        for (int r = from; r < to; r++) {
            long w = weights == null ? 1 : weights[r];
            if (w == 0) {
                continue;
            }
            long v = values[r];
            long y0 = weighted(w, coordinate(v, 0));
            long y1 = weighted(w, coordinate(v, 1));
            int a = r + shift;
            if (negate) {
                acc0[a] = Goldilocks.sub(acc0[a], y0);
                acc1[a] = Goldilocks.sub(acc1[a], y1);
            } else {
                acc0[a] = Goldilocks.add(acc0[a], y0);
                acc1[a] = Goldilocks.add(acc1[a], y1);
            }
        }
    }

    /**
     * For every row r in {@code [from, to)}: writes {@code Σ_i w_i[r]/(α - values_i[r])} to
     * {@code (out0, out1)} at index {@code r + shift}, with {@code weights[i]} the weights of input
     * i ({@code null}: all 1). The same sums as zeroing the outputs and calling
     * {@link #accumulate} once per input, in one pass over the rows: a range batch's group has two
     * or three inputs, and one pass reads each of them once and writes each output once.
     *
     * @throws ArithmeticException if {@code α - v} is zero on a row of non-zero weight
     */
    public void sum(long[][] values, long[][] weights, int from, int to, long[] out0, long[] out1, int shift) {
        int inputs = values.length;
        for (int r = from; r < to; r++) {
            long s0 = 0;
            long s1 = 0;
            for (int i = 0; i < inputs; i++) {
                long w = weights[i] == null ? 1 : weights[i][r];
                if (w != 0) {
                    long v = values[i][r];
                    s0 = Goldilocks.add(s0, weighted(w, coordinate(v, 0)));
                    s1 = Goldilocks.add(s1, weighted(w, coordinate(v, 1)));
                }
            }
            out0[r + shift] = s0;
            out1[r + shift] = s1;
        }
    }

    /**
     * Coordinate {@code c} (0 or 1) of {@code 1/(α - v)}: a table read for a table value; a value
     * outside the table (only a dishonest trace has one) is inverted on the spot, once per
     * coordinate.
     */
    private long coordinate(long v, int c) {
        if (Long.compareUnsigned(v, size) < 0) {
            return table[2 * (int) v + c];
        }
        Ext2 y = inverse(v);
        return c == 0 ? y.c0() : y.c1();
    }

    private static long weighted(long w, long y) {
        return w == 1 ? y : Goldilocks.mul(w, y);
    }

    /**
     * {@code 1/(α - v)} for any base value: from the table when {@code v < size}, otherwise
     * inverted on the spot.
     *
     * @throws ArithmeticException if {@code α - v} is zero
     */
    public Ext2 inverse(long v) {
        if (inRange(v)) {
            return new Ext2(table[2 * (int) v], table[2 * (int) v + 1]);
        }
        return new Ext2(Goldilocks.sub(a0, v), a1).inverse();
    }
}
