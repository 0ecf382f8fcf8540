package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.field.DotProducts;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Ext2Arrays;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;

/**
 * Evaluates columns, given by their values on the trace domain {@code ⟨ω⟩} of size n, at a point
 * ζ of GF(p²) outside it, without interpolating:
 * <pre>
 *   f(ζ) = Σ_i f_i · w_i,   w_i = (ζ^n - 1)/n · ω^i/(ζ - ω^i)
 * </pre>
 * The weights are computed once per point (one batch inversion); each column then costs one
 * GF(p²)-by-base product per row, summed without reduction ({@link DotProducts}).
 */
final class Barycentric {
    private static final int GRAIN = 1 << 14;

    private final long[] w0;
    private final long[] w1;

    private Barycentric(long[] w0, long[] w1) {
        this.w0 = w0;
        this.w1 = w1;
    }

    /** The weights of the point ζ for a trace of {@code 2^logRows} rows. */
    static Barycentric at(Ext2 zeta, int logRows) {
        int n = 1 << logRows;
        long omega = TwoAdic.rootOfUnity(logRows);
        long[] w0 = new long[n];
        long[] w1 = new long[n];
        Parallel.forRange(n, GRAIN, (from, to) -> {
            long p = Goldilocks.pow(omega, from);
            for (int i = from; i < to; i++) {
                w0[i] = p;
                p = Goldilocks.mul(p, omega);
            }
            // 1/(ω^i - ζ): the sign is taken back in the scale below
            Ext2Arrays.inverseDifferencesInPlace(w0, w1, zeta, from, to);
        });
        Ext2 scale = Ext2.ONE.sub(zeta.pow(n)).mul(Goldilocks.inverse(n));
        long s0 = scale.c0();
        long s1 = scale.c1();
        Parallel.forRange(n, GRAIN, (from, to) -> {
            long p = Goldilocks.pow(omega, from);
            for (int i = from; i < to; i++) {
                long a0 = Goldilocks.mul(w0[i], p);
                long a1 = Goldilocks.mul(w1[i], p);
                w0[i] = Ext2.mulC0(a0, a1, s0, s1);
                w1[i] = Ext2.mulC1(a0, a1, s0, s1);
                p = Goldilocks.mul(p, omega);
            }
        });
        return new Barycentric(w0, w1);
    }

    /**
     * The weights of ζ·ω: since {@code ω^i/(ζω - ω^i) = ω^(i-1)/(ζ - ω^(i-1))} and
     * {@code (ζω)^n = ζ^n}, they are ζ's moved by one row, with no inversion.
     */
    Barycentric next() {
        int n = w0.length;
        long[] n0 = new long[n];
        long[] n1 = new long[n];
        System.arraycopy(w0, 0, n0, 1, n - 1);
        System.arraycopy(w1, 0, n1, 1, n - 1);
        n0[0] = w0[n - 1];
        n1[0] = w1[n - 1];
        return new Barycentric(n0, n1);
    }

    /** The value at ζ of the column with the given trace values. */
    Ext2 evaluate(long[] values) {
        return DotProducts.dot(values, w0, w1);
    }
}
