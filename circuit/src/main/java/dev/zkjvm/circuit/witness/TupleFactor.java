package dev.zkjvm.circuit.witness;

import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import java.util.List;

/**
 * The factor {@code γ - Σ_j β^j·x_j} of one side of a {@link Permutation} without selector whose
 * tuple entries are plain base columns read at the current row, evaluated row by row with one
 * modular reduction per coordinate instead of one per product.
 *
 * <p>Each coordinate of {@code Σ β^j·x_j} is a sum of products of canonical 64-bit values. The
 * products are added as unsigned 128-bit integers; a carry out of bit 128 is counted and added
 * back as {@code 2^128 mod p = p - 2^32}. The result is exactly the value the factor's
 * polynomial ({@link Permutation#leftFactor()}, {@link Permutation#rightFactor()}) has on that row,
 * for any canonical cells: it is the same sum, reduced once. The witness (grand product) and the
 * checker (its step) both use it; {@code TupleFactorTest} compares it with the polynomial.
 */
public final class TupleFactor {
    /** {@code 2^128 mod p}: {@code 2^64 = 2^32 - 1}, so {@code 2^128 = (2^32 - 1)^2 = -2^32}. */
    static final long TWO_128 = Goldilocks.P - (1L << 32);

    private final int[] columns;
    private final long[] b0;
    private final long[] b1;
    private final long g0;
    private final long g1;

    private TupleFactor(int[] columns, long[] b0, long[] b1, long g0, long g1) {
        this.columns = columns;
        this.b0 = b0;
        this.b1 = b1;
        this.g0 = g0;
        this.g1 = g1;
    }

    /**
     * The column indices of {@code parts} if every part is a plain base cell of the current row,
     * otherwise {@code null}.
     */
    public static int[] plainColumns(List<Expr> parts) {
        int[] out = new int[parts.size()];
        for (int j = 0; j < out.length; j++) {
            if (!(parts.get(j) instanceof Expr.Cell c) || c.next()) {
                return null;
            }
            out[j] = c.column().index();
        }
        return out;
    }

    /** Whether both sides of {@code p} have this shape: no selector, plain current-row columns. */
    public static boolean applies(Permutation p) {
        return p.leftSelector() == null && p.rightSelector() == null && plainColumns(p.left()) != null
                && plainColumns(p.right()) != null;
    }

    /** The left factor of {@code p} (which must satisfy {@link #applies}) for these challenges. */
    public static TupleFactor left(Permutation p, Ext2[] challenges) {
        return of(plainColumns(p.left()), p, challenges);
    }

    /** The right factor of {@code p} (which must satisfy {@link #applies}) for these challenges. */
    public static TupleFactor right(Permutation p, Ext2[] challenges) {
        return of(plainColumns(p.right()), p, challenges);
    }

    private static TupleFactor of(int[] columns, Permutation p, Ext2[] challenges) {
        int w = columns.length;
        long[] b0 = new long[w];
        long[] b1 = new long[w];
        // β^0 = 1; width 1 has no β
        Ext2 power = Ext2.ONE;
        Ext2 beta = w > 1 ? challenges[p.beta().index()] : Ext2.ONE;
        for (int j = 0; j < w; j++) {
            b0[j] = power.c0();
            b1[j] = power.c1();
            power = power.mul(beta);
        }
        Ext2 gamma = challenges[p.gamma().index()];
        return new TupleFactor(columns, b0, b1, gamma.c0(), gamma.c1());
    }

    /**
     * Writes the factor of rows {@code [from, from + len)} of {@code table} to
     * {@code out0[at ..]}, {@code out1[at ..]}.
     */
    public void evaluate(long[][] table, int from, int len, long[] out0, long[] out1, int at) {
        long[] lo0 = new long[BLOCK];
        long[] hi0 = new long[BLOCK];
        long[] lo1 = new long[BLOCK];
        long[] hi1 = new long[BLOCK];
        for (int off = 0; off < len; off += BLOCK) {
            int n = Math.min(BLOCK, len - off);
            int start = from + off;
            if (narrow(table, start, n)) {
                // Every product is below 2^120, so a sum of at most eight stays below 2^123: no
                // carry out of bit 128.
                java.util.Arrays.fill(lo0, 0, n, 0);
                java.util.Arrays.fill(hi0, 0, n, 0);
                java.util.Arrays.fill(lo1, 0, n, 0);
                java.util.Arrays.fill(hi1, 0, n, 0);
                for (int j = 0; j < columns.length; j++) {
                    accumulate(b0[j], b1[j], table[columns[j]], start, n, lo0, hi0, lo1, hi1);
                }
                for (int k = 0; k < n; k++) {
                    out0[at + off + k] = Goldilocks.sub(g0, Goldilocks.reduce128(hi0[k], lo0[k]));
                    out1[at + off + k] = Goldilocks.sub(g1, Goldilocks.reduce128(hi1[k], lo1[k]));
                }
            } else {
                long[][] x = new long[columns.length][];
                for (int j = 0; j < x.length; j++) {
                    x[j] = table[columns[j]];
                }
                for (int k = 0; k < n; k++) {
                    out0[at + off + k] = Goldilocks.sub(g0, dot(b0, x, start + k));
                    out1[at + off + k] = Goldilocks.sub(g1, dot(b1, x, start + k));
                }
            }
        }
    }

    /** Rows per pass of {@link #evaluate}: its four accumulators stay in the first-level cache. */
    private static final int BLOCK = 512;

    /** Whether every tuple cell of rows {@code [start, start + n)} is below 2^56. */
    private boolean narrow(long[][] table, int start, int n) {
        if (columns.length > 8) {
            return false;
        }
        long any = 0;
        for (int column : columns) {
            long[] x = table[column];
            for (int k = start, end = start + n; k < end; k++) {
                any |= x[k];
            }
        }
        return any >>> 56 == 0;
    }

    /**
     * Adds {@code c0·x[start + k]} to the 128-bit accumulator {@code (hi0[k], lo0[k])} and
     * {@code c1·x[start + k]} to {@code (hi1[k], lo1[k])}, reading x once; x below 2^56, so each
     * product is below 2^120 and its high word below 2^56.
     */
    private static void accumulate(long c0, long c1, long[] x, int start, int n, long[] lo0, long[] hi0,
            long[] lo1, long[] hi1) {
        long m0 = c0 >> 63;
        long m1 = c1 >> 63;
        for (int k = 0; k < n; k++) {
            long b = x[start + k];
            long p0 = c0 * b;
            long q0 = Math.multiplyHigh(c0, b) + (m0 & b);
            long l0 = lo0[k] + p0;
            hi0[k] += q0 + (Long.compareUnsigned(l0, p0) < 0 ? 1 : 0);
            lo0[k] = l0;
            long p1 = c1 * b;
            long q1 = Math.multiplyHigh(c1, b) + (m1 & b);
            long l1 = lo1[k] + p1;
            hi1[k] += q1 + (Long.compareUnsigned(l1, p1) < 0 ? 1 : 0);
            lo1[k] = l1;
        }
    }

    /** {@code Σ_j c[j]·x[j][r] mod p}, summed as 128-bit integers and reduced once. */
    static long dot(long[] c, long[][] x, int r) {
        long lo = 0;
        long hi = 0;
        long carries = 0;
        for (int j = 0; j < c.length; j++) {
            long a = c[j];
            long b = x[j][r];
            long pLo = a * b;
            // unsigned high word: at most 2^64 - 2 for factors below 2^64, so adding the low
            // word's carry cannot wrap it
            long pHi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
            lo += pLo;
            pHi += Long.compareUnsigned(lo, pLo) < 0 ? 1 : 0;
            hi += pHi;
            carries += Long.compareUnsigned(hi, pHi) < 0 ? 1 : 0;
        }
        long r0 = Goldilocks.reduce128(hi, lo);
        return carries == 0 ? r0 : Goldilocks.add(r0, Goldilocks.mul(carries, TWO_128));
    }
}
