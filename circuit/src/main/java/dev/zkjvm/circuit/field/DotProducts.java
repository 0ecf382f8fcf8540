package dev.zkjvm.circuit.field;

/**
 * Sums of products of canonical Goldilocks elements, added as unsigned 128-bit integers and
 * reduced once at the end instead of once per product.
 *
 * <p>A product of two values below 2^64 is below 2^128 with a high word of at most
 * {@code 2^64 - 2}, so adding the low word's carry to it cannot wrap; a carry out of the high
 * word is counted and added back as {@code 2^128 mod p}. The result is the exact sum modulo p,
 * for any canonical inputs and any length.
 */
public final class DotProducts {
    /** {@code 2^128 mod p}: {@code 2^64 = 2^32 - 1}, so {@code 2^128 = (2^32 - 1)^2 = -2^32}. */
    static final long TWO_128 = Goldilocks.P - (1L << 32);

    private DotProducts() {
    }

    /**
     * {@code Σ_i v[i]·(w0[i] + w1[i]·u)} over {@code i in [0, v.length)}: a base column against
     * GF(p²) weights given by their coordinates.
     */
    public static Ext2 dot(long[] v, long[] w0, long[] w1) {
        if (w0.length < v.length || w1.length < v.length) {
            throw new IllegalArgumentException("need " + v.length + " weights, got " + w0.length + " and " + w1.length);
        }
        Pair acc = new Pair();
        for (int i = 0; i < v.length; i++) {
            acc.add(v[i], w0[i], w1[i]);
        }
        return new Ext2(acc.c0(), acc.c1());
    }

    /**
     * {@code Σ_j columns[j][at]·(w0[offset + j] + w1[offset + j]·u)}: one point of several base
     * columns against GF(p²) weights, written to {@code out[0]} and {@code out[1]}. The sums stay in
     * registers, which makes it cheaper per product than {@link Sums} for a few columns at a time.
     */
    public static void dotAt(long[][] columns, int at, long[] w0, long[] w1, int offset, long[] out) {
        Pair acc = new Pair();
        for (int j = 0; j < columns.length; j++) {
            acc.add(columns[j][at], w0[offset + j], w1[offset + j]);
        }
        out[0] = acc.c0();
        out[1] = acc.c1();
    }

    /**
     * Two unreduced sums of products, one per coordinate of a GF(p²) weight. Used as a local whose
     * fields the JIT keeps in registers (it never escapes its method).
     */
    private static final class Pair {
        private long lo0;
        private long hi0;
        private long top0;
        private long lo1;
        private long hi1;
        private long top1;

        /** Adds {@code b·a0} to the first sum and {@code b·a1} to the second. */
        void add(long b, long a0, long a1) {
            long bSign = b >> 63;
            long pLo = a0 * b;
            long pHi = Math.multiplyHigh(a0, b) + ((a0 >> 63) & b) + (bSign & a0);
            lo0 += pLo;
            pHi += (lo0 ^ Long.MIN_VALUE) < (pLo ^ Long.MIN_VALUE) ? 1 : 0;
            hi0 += pHi;
            top0 += (hi0 ^ Long.MIN_VALUE) < (pHi ^ Long.MIN_VALUE) ? 1 : 0;
            pLo = a1 * b;
            pHi = Math.multiplyHigh(a1, b) + ((a1 >> 63) & b) + (bSign & a1);
            lo1 += pLo;
            pHi += (lo1 ^ Long.MIN_VALUE) < (pLo ^ Long.MIN_VALUE) ? 1 : 0;
            hi1 += pHi;
            top1 += (hi1 ^ Long.MIN_VALUE) < (pHi ^ Long.MIN_VALUE) ? 1 : 0;
        }

        long c0() {
            return reduce(top0, hi0, lo0);
        }

        long c1() {
            return reduce(top1, hi1, lo1);
        }
    }

    /**
     * A block of sums {@code s[k]}, one per point, each kept as an unreduced 128-bit integer and a
     * carry count; {@link #mulAdd} adds a scalar times a run of values to all of them. Not
     * thread-safe: one per worker.
     */
    public static final class Sums {
        private final long[] lo;
        private final long[] hi;
        private final long[] top;

        /** Room for {@code capacity} sums, all zero. */
        public Sums(int capacity) {
            lo = new long[capacity];
            hi = new long[capacity];
            top = new long[capacity];
        }

        /** Sets sums {@code [0, len)} to zero. */
        public void clear(int len) {
            java.util.Arrays.fill(lo, 0, len, 0L);
            java.util.Arrays.fill(hi, 0, len, 0L);
            java.util.Arrays.fill(top, 0, len, 0L);
        }

        /** {@code s[k] += c·x[from + k]} for k in [0, len); c and x canonical. */
        public void mulAdd(long c, long[] x, int from, int len) {
            long cSign = c >> 63;
            for (int k = 0; k < len; k++) {
                long b = x[from + k];
                long pLo = c * b;
                long pHi = Math.multiplyHigh(c, b) + (cSign & b) + ((b >> 63) & c);
                long l = lo[k] + pLo;
                pHi += (l ^ Long.MIN_VALUE) < (pLo ^ Long.MIN_VALUE) ? 1 : 0;
                long h = hi[k] + pHi;
                top[k] += (h ^ Long.MIN_VALUE) < (pHi ^ Long.MIN_VALUE) ? 1 : 0;
                lo[k] = l;
                hi[k] = h;
            }
        }

        /** Sum k reduced modulo p. */
        public long get(int k) {
            return reduce(top[k], hi[k], lo[k]);
        }
    }

    /** {@code (top·2^128 + hi·2^64 + lo) mod p} for a non-negative {@code top}. */
    static long reduce(long top, long hi, long lo) {
        long r = Goldilocks.reduce128(hi, lo);
        return top == 0 ? r : Goldilocks.add(r, Goldilocks.mul(top, TWO_128));
    }
}
