package dev.zkjvm.runtime;

import java.math.BigInteger;

/**
 * The concrete 256-bit word: four {@code long} limbs read as unsigned, {@code l0} least
 * significant. Arithmetic works on the limbs directly, without {@link BigInteger}.
 */
final class U256Value implements U256 {
    private static final U256Value[] SMALL = new U256Value[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new U256Value(i, 0, 0, 0);
        }
    }

    static final U256Value ZERO = SMALL[0];
    static final U256Value ONE = SMALL[1];

    private final long l0;
    private final long l1;
    private final long l2;
    private final long l3;

    private U256Value(long l0, long l1, long l2, long l3) {
        this.l0 = l0;
        this.l1 = l1;
        this.l2 = l2;
        this.l3 = l3;
    }

    /** The word with the given limbs, least significant first. */
    static U256Value of(long l0, long l1, long l2, long l3) {
        if ((l1 | l2 | l3) == 0 && l0 >= 0 && l0 < SMALL.length) {
            return SMALL[(int) l0];
        }
        return new U256Value(l0, l1, l2, l3);
    }

    /** {@code value mod 2^256}, with {@code value} read as signed: the sign is extended. */
    static U256Value of(long value) {
        long ext = value >> 63;
        return of(value, ext, ext, ext);
    }

    /** {@code value mod 2^256}, also for negative and oversized values. */
    static U256Value of(BigInteger value) {
        // shiftRight rounds toward negative infinity, so longValue() of each shift is the
        // corresponding 64 bits of the (infinitely sign-extended) two's complement form
        return of(value.longValue(), value.shiftRight(64).longValue(),
                value.shiftRight(128).longValue(), value.shiftRight(192).longValue());
    }

    private static U256Value value(U256 w) {
        return w instanceof U256Value v ? v : of(w.limb(0), w.limb(1), w.limb(2), w.limb(3));
    }

    private static U256Value bool(boolean b) {
        return b ? ONE : ZERO;
    }

    /** Unsigned {@code x < y}. */
    private static boolean ult(long x, long y) {
        return x + Long.MIN_VALUE < y + Long.MIN_VALUE;
    }

    /** High 64 bits of the unsigned 128-bit product {@code x * y}. */
    private static long mulHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    @Override
    public WordType<U256> type() {
        return U256.TYPE;
    }

    @Override
    public U256 add(U256 other) {
        U256Value o = value(other);
        long s0 = l0 + o.l0;
        long c = (((l0 & o.l0) | ((l0 | o.l0) & ~s0)) >>> 63);
        long s1 = l1 + o.l1 + c;
        c = (((l1 & o.l1) | ((l1 | o.l1) & ~s1)) >>> 63);
        long s2 = l2 + o.l2 + c;
        c = (((l2 & o.l2) | ((l2 | o.l2) & ~s2)) >>> 63);
        long s3 = l3 + o.l3 + c;
        return of(s0, s1, s2, s3);
    }

    @Override
    public U256 sub(U256 other) {
        U256Value o = value(other);
        long d0 = l0 - o.l0;
        long b = (((~l0 & o.l0) | ((~l0 | o.l0) & d0)) >>> 63);
        long d1 = l1 - o.l1 - b;
        b = (((~l1 & o.l1) | ((~l1 | o.l1) & d1)) >>> 63);
        long d2 = l2 - o.l2 - b;
        b = (((~l2 & o.l2) | ((~l2 | o.l2) & d2)) >>> 63);
        long d3 = l3 - o.l3 - b;
        return of(d0, d1, d2, d3);
    }

    @Override
    public U256 mul(U256 other) {
        U256Value o = value(other);
        long[] a = {l0, l1, l2, l3};
        long[] b = {o.l0, o.l1, o.l2, o.l3};
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            long ai = a[i];
            if (ai == 0) {
                continue;
            }
            long carry = 0;
            for (int j = 0; i + j < 4; j++) {
                long lo = ai * b[j];
                long hi = mulHigh(ai, b[j]);
                // r[i+j] + lo + carry < 2^128 since ai * b[j] <= (2^64-1)^2, so hi + 2 cannot overflow
                long t = r[i + j] + lo;
                if (ult(t, lo)) {
                    hi++;
                }
                long u = t + carry;
                if (ult(u, carry)) {
                    hi++;
                }
                r[i + j] = u;
                carry = hi;
            }
        }
        return of(r[0], r[1], r[2], r[3]);
    }

    @Override
    public U256 and(U256 other) {
        U256Value o = value(other);
        return of(l0 & o.l0, l1 & o.l1, l2 & o.l2, l3 & o.l3);
    }

    @Override
    public U256 or(U256 other) {
        U256Value o = value(other);
        return of(l0 | o.l0, l1 | o.l1, l2 | o.l2, l3 | o.l3);
    }

    @Override
    public U256 xor(U256 other) {
        U256Value o = value(other);
        return of(l0 ^ o.l0, l1 ^ o.l1, l2 ^ o.l2, l3 ^ o.l3);
    }

    @Override
    public U256 not() {
        return of(~l0, ~l1, ~l2, ~l3);
    }

    @Override
    public U256 shl(int bits) {
        if (bits < 0 || bits >= 256) {
            return ZERO;
        }
        if (bits == 0) {
            return this;
        }
        long[] a = {l0, l1, l2, l3};
        long[] r = new long[4];
        int limbs = bits >>> 6;
        int shift = bits & 63;
        for (int i = 3; i >= limbs; i--) {
            int src = i - limbs;
            long v = a[src] << shift;
            if (shift != 0 && src > 0) {
                v |= a[src - 1] >>> (64 - shift);
            }
            r[i] = v;
        }
        return of(r[0], r[1], r[2], r[3]);
    }

    @Override
    public U256 shr(int bits) {
        if (bits < 0 || bits >= 256) {
            return ZERO;
        }
        if (bits == 0) {
            return this;
        }
        long[] a = {l0, l1, l2, l3};
        long[] r = new long[4];
        int limbs = bits >>> 6;
        int shift = bits & 63;
        for (int i = 0; i + limbs < 4; i++) {
            int src = i + limbs;
            long v = a[src] >>> shift;
            if (shift != 0 && src < 3) {
                v |= a[src + 1] << (64 - shift);
            }
            r[i] = v;
        }
        return of(r[0], r[1], r[2], r[3]);
    }

    /** The shift amount of {@code bits}, or -1 if it is 256 or more. */
    private static int shiftAmount(U256 bits) {
        U256Value b = value(bits);
        if ((b.l1 | b.l2 | b.l3) != 0 || b.l0 < 0 || b.l0 >= 256) {
            return -1;
        }
        return (int) b.l0;
    }

    @Override
    public U256 shl(U256 bits) {
        return shl(shiftAmount(bits));
    }

    @Override
    public U256 shr(U256 bits) {
        return shr(shiftAmount(bits));
    }

    @Override
    public U256 ltu(U256 other) {
        return bool(compareTo(other) < 0);
    }

    @Override
    public U256 lts(U256 other) {
        U256Value o = value(other);
        if (l3 != o.l3) {
            return bool(l3 < o.l3);
        }
        return bool(compareLow(o) < 0);
    }

    @Override
    public U256 eq(U256 other) {
        return bool(equalLimbs(value(other)));
    }

    @Override
    public boolean isZero() {
        return (l0 | l1 | l2 | l3) == 0;
    }

    @Override
    public long limb(int i) {
        switch (i) {
            case 0:
                return l0;
            case 1:
                return l1;
            case 2:
                return l2;
            case 3:
                return l3;
            default:
                throw new IndexOutOfBoundsException("a 256-bit word has four limbs, not limb " + i);
        }
    }

    @Override
    public long longValue() {
        return l0;
    }

    @Override
    public byte[] toBytes() {
        byte[] out = new byte[32];
        putLimb(out, 0, l3);
        putLimb(out, 8, l2);
        putLimb(out, 16, l1);
        putLimb(out, 24, l0);
        return out;
    }

    private static void putLimb(byte[] out, int offset, long limb) {
        for (int i = 0; i < 8; i++) {
            out[offset + i] = (byte) (limb >>> (56 - 8 * i));
        }
    }

    @Override
    public BigInteger toBigInteger() {
        return new BigInteger(1, toBytes());
    }

    @Override
    public int compareTo(U256 other) {
        U256Value o = value(other);
        if (l3 != o.l3) {
            return Long.compareUnsigned(l3, o.l3);
        }
        return compareLow(o);
    }

    /** Unsigned comparison of limbs 2, 1, 0. */
    private int compareLow(U256Value o) {
        if (l2 != o.l2) {
            return Long.compareUnsigned(l2, o.l2);
        }
        if (l1 != o.l1) {
            return Long.compareUnsigned(l1, o.l1);
        }
        return Long.compareUnsigned(l0, o.l0);
    }

    private boolean equalLimbs(U256Value o) {
        return l0 == o.l0 && l1 == o.l1 && l2 == o.l2 && l3 == o.l3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof U256 w && equalLimbs(value(w));
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(l3);
        h = 31 * h + Long.hashCode(l2);
        h = 31 * h + Long.hashCode(l1);
        return 31 * h + Long.hashCode(l0);
    }

    @Override
    public String toString() {
        if ((l1 | l2 | l3) == 0) {
            return Long.toUnsignedString(l0);
        }
        return toBigInteger().toString();
    }
}
