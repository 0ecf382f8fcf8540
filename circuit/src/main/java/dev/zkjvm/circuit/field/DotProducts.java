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
        long lo0 = 0;
        long hi0 = 0;
        long top0 = 0;
        long lo1 = 0;
        long hi1 = 0;
        long top1 = 0;
        for (int i = 0; i < v.length; i++) {
            long b = v[i];
            long bSign = b >> 63;
            long a = w0[i];
            long pLo = a * b;
            long pHi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + (bSign & a);
            lo0 += pLo;
            pHi += (lo0 ^ Long.MIN_VALUE) < (pLo ^ Long.MIN_VALUE) ? 1 : 0;
            hi0 += pHi;
            top0 += (hi0 ^ Long.MIN_VALUE) < (pHi ^ Long.MIN_VALUE) ? 1 : 0;
            a = w1[i];
            pLo = a * b;
            pHi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + (bSign & a);
            lo1 += pLo;
            pHi += (lo1 ^ Long.MIN_VALUE) < (pLo ^ Long.MIN_VALUE) ? 1 : 0;
            hi1 += pHi;
            top1 += (hi1 ^ Long.MIN_VALUE) < (pHi ^ Long.MIN_VALUE) ? 1 : 0;
        }
        return new Ext2(reduce(top0, hi0, lo0), reduce(top1, hi1, lo1));
    }

    /**
     * {@code Σ_j columns[j][at]·(w0[offset + j] + w1[offset + j]·u)}: one point of several base
     * columns against GF(p²) weights, written to {@code out[0]} and {@code out[1]}. The sums stay in
     * registers, which makes it cheaper per product than {@link Sums} for a few columns at a time.
     */
    public static void dotAt(long[][] columns, int at, long[] w0, long[] w1, int offset, long[] out) {
        long lo0 = 0;
        long hi0 = 0;
        long top0 = 0;
        long lo1 = 0;
        long hi1 = 0;
        long top1 = 0;
        for (int j = 0; j < columns.length; j++) {
            long b = columns[j][at];
            long bSign = b >> 63;
            long a = w0[offset + j];
            long pLo = a * b;
            long pHi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + (bSign & a);
            lo0 += pLo;
            pHi += (lo0 ^ Long.MIN_VALUE) < (pLo ^ Long.MIN_VALUE) ? 1 : 0;
            hi0 += pHi;
            top0 += (hi0 ^ Long.MIN_VALUE) < (pHi ^ Long.MIN_VALUE) ? 1 : 0;
            a = w1[offset + j];
            pLo = a * b;
            pHi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + (bSign & a);
            lo1 += pLo;
            pHi += (lo1 ^ Long.MIN_VALUE) < (pLo ^ Long.MIN_VALUE) ? 1 : 0;
            hi1 += pHi;
            top1 += (hi1 ^ Long.MIN_VALUE) < (pHi ^ Long.MIN_VALUE) ? 1 : 0;
        }
        out[0] = reduce(top0, hi0, lo0);
        out[1] = reduce(top1, hi1, lo1);
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
