package dev.zkjvm.circuit.poly;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;

/**
 * Helpers on polynomials in coefficient form, lowest degree first ({@code c[i]} multiplies
 * {@code x^i}); an empty array is the zero polynomial. Extension-field coefficients are held as
 * two base columns {@code c0[i] + c1[i]·x}. The loops do not allocate per coefficient.
 */
public final class Polynomial {
    private Polynomial() {
    }

    /** Evaluates a base-field polynomial at a base-field point (Horner). */
    public static long evaluate(long[] coeffs, long x) {
        long acc = 0;
        for (int i = coeffs.length - 1; i >= 0; i--) {
            acc = Goldilocks.add(Goldilocks.mul(acc, x), coeffs[i]);
        }
        return acc;
    }

    /** Evaluates a base-field polynomial at an extension-field point (Horner). */
    public static Ext2 evaluate(long[] coeffs, Ext2 z) {
        long z0 = z.c0();
        long z1 = z.c1();
        long r0 = 0;
        long r1 = 0;
        for (int i = coeffs.length - 1; i >= 0; i--) {
            long t0 = Ext2.mulC0(r0, r1, z0, z1);
            long t1 = Ext2.mulC1(r0, r1, z0, z1);
            r0 = Goldilocks.add(t0, coeffs[i]);
            r1 = t1;
        }
        return new Ext2(r0, r1);
    }

    /**
     * Evaluates a polynomial with extension-field coefficients {@code c0[i] + c1[i]·x} at an
     * extension-field point (Horner).
     *
     * @throws IllegalArgumentException if the coordinate arrays differ in length
     */
    public static Ext2 evaluate(long[] c0, long[] c1, Ext2 z) {
        checkPair(c0, c1);
        long z0 = z.c0();
        long z1 = z.c1();
        long r0 = 0;
        long r1 = 0;
        for (int i = c0.length - 1; i >= 0; i--) {
            long t0 = Ext2.mulC0(r0, r1, z0, z1);
            long t1 = Ext2.mulC1(r0, r1, z0, z1);
            r0 = Goldilocks.add(t0, c0[i]);
            r1 = Goldilocks.add(t1, c1[i]);
        }
        return new Ext2(r0, r1);
    }

    /**
     * Divides a base-field polynomial by {@code (x - z)} (synthetic division).
     *
     * @return the quotient (degree one lower) and the remainder {@code p(z)}
     */
    public static LinearDivision divideByLinear(long[] coeffs, long z) {
        int n = coeffs.length;
        long[] q = new long[Math.max(0, n - 1)];
        long acc = 0;
        for (int i = n - 1; i >= 0; i--) {
            acc = Goldilocks.add(Goldilocks.mul(acc, z), coeffs[i]);
            if (i > 0) {
                q[i - 1] = acc;
            }
        }
        return new LinearDivision(q, acc);
    }

    /** Divides a base-field polynomial by {@code (x - z)} for an extension-field point {@code z}. */
    public static Ext2LinearDivision divideByLinear(long[] coeffs, Ext2 z) {
        return divideByLinear(coeffs, new long[coeffs.length], z);
    }

    /**
     * Divides a polynomial with extension-field coefficients {@code c0[i] + c1[i]·x} by
     * {@code (x - z)} (synthetic division).
     *
     * @return the quotient (degree one lower) and the remainder {@code p(z)}
     * @throws IllegalArgumentException if the coordinate arrays differ in length
     */
    public static Ext2LinearDivision divideByLinear(long[] c0, long[] c1, Ext2 z) {
        checkPair(c0, c1);
        int n = c0.length;
        long[] q0 = new long[Math.max(0, n - 1)];
        long[] q1 = new long[q0.length];
        long z0 = z.c0();
        long z1 = z.c1();
        long r0 = 0;
        long r1 = 0;
        for (int i = n - 1; i >= 0; i--) {
            long t0 = Ext2.mulC0(r0, r1, z0, z1);
            long t1 = Ext2.mulC1(r0, r1, z0, z1);
            r0 = Goldilocks.add(t0, c0[i]);
            r1 = Goldilocks.add(t1, c1[i]);
            if (i > 0) {
                q0[i - 1] = r0;
                q1[i - 1] = r1;
            }
        }
        return new Ext2LinearDivision(q0, q1, new Ext2(r0, r1));
    }

    /**
     * Returns {@code x^n - 1}, the polynomial that vanishes exactly on the subgroup of order
     * {@code n} (for {@code n} dividing p - 1, e.g. a power of two up to 2^32).
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static long vanishingOnSubgroup(long x, long n) {
        checkOrder(n);
        return Goldilocks.sub(Goldilocks.pow(x, n), Goldilocks.ONE);
    }

    /** Returns {@code x^n - 1} at an extension-field point (see {@link #vanishingOnSubgroup(long, long)}). */
    public static Ext2 vanishingOnSubgroup(Ext2 x, long n) {
        checkOrder(n);
        return x.pow(n).sub(Ext2.ONE);
    }

    private static void checkOrder(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("subgroup order must be positive, got " + n);
        }
    }

    private static void checkPair(long[] c0, long[] c1) {
        if (c0.length != c1.length) {
            throw new IllegalArgumentException("coordinate arrays differ in length: " + c0.length + " and " + c1.length);
        }
    }
}
