package dev.zkjvm.circuit.field;

/**
 * Arithmetic in the Goldilocks prime field, p = 2<sup>64</sup> - 2<sup>32</sup> + 1.
 *
 * <p>Elements are plain {@code long}s holding the canonical representative in
 * {@code [0, p)}, read as an unsigned 64-bit integer. Every method expects canonical
 * inputs (except the {@code from*} conversions) and returns canonical outputs. Nothing here
 * allocates, so the methods are meant for hot loops over {@code long[]} columns.
 *
 * <p>Reduction uses the shape of p: 2<sup>64</sup> &equiv; 2<sup>32</sup> - 1 and
 * 2<sup>96</sup> &equiv; -1 (mod p), so a 128-bit product {@code hi·2^64 + lo} reduces with
 * one subtraction, one 32x32-bit multiplication and one addition.
 */
public final class Goldilocks {
    /** The modulus 2^64 - 2^32 + 1 (as an unsigned value; negative as a signed long). */
    public static final long P = 0xFFFF_FFFF_0000_0001L;
    /** 2^64 mod p = 2^32 - 1. */
    static final long EPSILON = 0xFFFF_FFFFL;
    /** The additive identity. */
    public static final long ZERO = 0L;
    /** The multiplicative identity. */
    public static final long ONE = 1L;

    private Goldilocks() {
    }

    /** Returns {@code (a + b) mod p}. */
    public static long add(long a, long b) {
        long room = P - b; // in (0, p]: a + b >= p exactly when a >= room
        long d = a - room; // a + b - p, correct unless that borrows
        long borrowMask = ((~a & room) | (~(a ^ room) & d)) >> 63; // all ones on borrow
        return d + (P & borrowMask);
    }

    /** Returns {@code (a - b) mod p}. */
    public static long sub(long a, long b) {
        long d = a - b;
        long borrowMask = ((~a & b) | (~(a ^ b) & d)) >> 63; // all ones when a < b
        return d + (P & borrowMask);
    }

    /** Returns {@code -a mod p}. */
    public static long neg(long a) {
        return a == 0 ? 0 : P - a;
    }

    /** Returns {@code (a · b) mod p}. */
    public static long mul(long a, long b) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        return reduce128(hi, lo);
    }

    /** Returns {@code a² mod p}. */
    public static long square(long a) {
        return mul(a, a);
    }

    /**
     * Reduces the unsigned 128-bit integer {@code hi·2^64 + lo} modulo p.
     *
     * @param hi the high 64 bits (unsigned)
     * @param lo the low 64 bits (unsigned)
     * @return the canonical residue
     */
    public static long reduce128(long hi, long lo) {
        long hiHi = hi >>> 32;
        long hiLo = hi & EPSILON;
        // lo - hiHi, since 2^96 = -1; a borrow added 2^64 = EPSILON too much
        long t0 = lo - hiHi;
        if ((lo ^ Long.MIN_VALUE) < (hiHi ^ Long.MIN_VALUE)) {
            t0 -= EPSILON;
        }
        // + hiLo * (2^32 - 1), since 2^64 = 2^32 - 1; a carry lost 2^64 = EPSILON
        long t1 = (hiLo << 32) - hiLo;
        long r = t0 + t1;
        if ((r ^ Long.MIN_VALUE) < (t1 ^ Long.MIN_VALUE)) {
            r += EPSILON;
        }
        return (r ^ Long.MIN_VALUE) >= (P ^ Long.MIN_VALUE) ? r - P : r;
    }

    /** Returns {@code base^exponent mod p}, the exponent read as an unsigned 64-bit integer. */
    public static long pow(long base, long exponent) {
        long result = ONE;
        long b = base;
        long e = exponent;
        while (e != 0) {
            if ((e & 1) != 0) {
                result = mul(result, b);
            }
            b = mul(b, b);
            e >>>= 1;
        }
        return result;
    }

    /**
     * Returns the multiplicative inverse of {@code a}.
     *
     * @throws ArithmeticException if {@code a} is zero
     */
    public static long inverse(long a) {
        if (a == 0) {
            throw new ArithmeticException("zero has no inverse in the Goldilocks field");
        }
        return pow(a, P - 2);
    }

    /** Maps a signed value to the field: non-negative values stay, {@code -v} maps to {@code p - v}. */
    public static long fromSigned(long v) {
        return v >= 0 ? v : P + v; // v >= -2^63 > -p, so P + v lies in (0, p)
    }

    /** {@link #fromSigned} applied to every entry of {@code values}, in place; returns {@code values}. */
    public static long[] fromSignedInPlace(long[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = fromSigned(values[i]);
        }
        return values;
    }

    /** Maps an unsigned 64-bit value to its residue modulo p. */
    public static long fromUnsigned(long v) {
        return Long.compareUnsigned(v, P) >= 0 ? v - P : v;
    }

    /** Returns whether {@code v}, read as unsigned, is a canonical field element (below p). */
    public static boolean isCanonical(long v) {
        return Long.compareUnsigned(v, P) < 0;
    }

    /**
     * Returns the representative of {@code a} closest to zero as a signed value:
     * elements above (p-1)/2 come back negative. Useful for printing.
     */
    public static long toSigned(long a) {
        return Long.compareUnsigned(a, P >>> 1) > 0 ? a - P : a;
    }

    /** Formats a canonical element as an unsigned decimal number. */
    public static String toString(long a) {
        return Long.toUnsignedString(a);
    }

    /**
     * Inverts every element of {@code values} with a single field inversion (Montgomery's trick).
     *
     * @param values canonical non-zero elements; left unchanged
     * @return a new array with the inverses
     * @throws ArithmeticException if an element is zero (the message gives its index)
     */
    public static long[] batchInverse(long[] values) {
        long[] out = values.clone();
        batchInverseInPlace(out, 0, out.length);
        return out;
    }

    /**
     * Replaces {@code values[from..to)} by their inverses using one field inversion and about
     * three multiplications per element.
     *
     * @throws ArithmeticException if an element in the range is zero
     */
    public static void batchInverseInPlace(long[] values, int from, int to) {
        batchInverse(values, from, to, false);
    }

    /**
     * As {@link #batchInverseInPlace}, but a zero stays zero instead of failing: the witness of an
     * "is zero" test, whose inverse column holds 0 where the value is 0.
     */
    public static void batchInverseNonZeroInPlace(long[] values, int from, int to) {
        batchInverse(values, from, to, true);
    }

    /** Montgomery's trick over {@code values[from..to)}; a zero is kept, or refused. */
    private static void batchInverse(long[] values, int from, int to, boolean keepZeros) {
        int len = to - from;
        if (len <= 0) {
            return;
        }
        long[] prefix = new long[len];
        long acc = ONE;
        for (int i = 0; i < len; i++) {
            long v = values[from + i];
            if (v == 0 && !keepZeros) {
                throw new ArithmeticException("zero has no inverse (index " + (from + i) + ")");
            }
            prefix[i] = acc;
            if (v != 0) {
                acc = mul(acc, v);
            }
        }
        long inv = inverse(acc);
        for (int i = len - 1; i >= 0; i--) {
            long v = values[from + i];
            if (v != 0) {
                values[from + i] = mul(inv, prefix[i]);
                inv = mul(inv, v);
            }
        }
    }
}
