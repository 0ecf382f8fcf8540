package dev.zkjvm.circuit.field;

/**
 * An element {@code c0 + c1·x} of the quadratic extension GF(p²) = GF(p)[x]/(x² - 7) of the
 * Goldilocks field; 7 is a quadratic non-residue modulo p, so the extension is a field of
 * about 128 bits. Challenges of the constraint system live here.
 *
 * <p>This is the small immutable value type. Hot loops should use the allocation-free static
 * helpers ({@link #mulC0}, {@link #mulC1}, {@link #norm}) or {@link Ext2Arrays}.
 *
 * @param c0 the constant coordinate, canonical
 * @param c1 the coordinate of x, canonical
 */
public record Ext2(long c0, long c1) {
    /** The non-residue W with x² = W. */
    public static final long W = 7;
    /** Zero. */
    public static final Ext2 ZERO = new Ext2(0, 0);
    /** One. */
    public static final Ext2 ONE = new Ext2(1, 0);

    /** Validates that both coordinates are canonical. */
    public Ext2 {
        if (!Goldilocks.isCanonical(c0) || !Goldilocks.isCanonical(c1)) {
            throw new IllegalArgumentException("non-canonical coordinates " + Long.toUnsignedString(c0)
                    + ", " + Long.toUnsignedString(c1));
        }
    }

    /** Embeds a base field element. */
    public static Ext2 of(long base) {
        return new Ext2(base, 0);
    }

    /** Returns {@code this + o}. */
    public Ext2 add(Ext2 o) {
        return new Ext2(Goldilocks.add(c0, o.c0), Goldilocks.add(c1, o.c1));
    }

    /** Returns {@code this - o}. */
    public Ext2 sub(Ext2 o) {
        return new Ext2(Goldilocks.sub(c0, o.c0), Goldilocks.sub(c1, o.c1));
    }

    /** Returns {@code -this}. */
    public Ext2 neg() {
        return new Ext2(Goldilocks.neg(c0), Goldilocks.neg(c1));
    }

    /** Returns {@code this · o}. */
    public Ext2 mul(Ext2 o) {
        return new Ext2(mulC0(c0, c1, o.c0, o.c1), mulC1(c0, c1, o.c0, o.c1));
    }

    /** Returns {@code this · s} for a base field scalar {@code s}. */
    public Ext2 mul(long s) {
        return new Ext2(Goldilocks.mul(c0, s), Goldilocks.mul(c1, s));
    }

    /** Returns {@code this²}. */
    public Ext2 square() {
        return mul(this);
    }

    /** Returns {@code this^e}, the exponent read as unsigned. */
    public Ext2 pow(long e) {
        Ext2 result = ONE;
        Ext2 b = this;
        while (e != 0) {
            if ((e & 1) != 0) {
                result = result.mul(b);
            }
            b = b.square();
            e >>>= 1;
        }
        return result;
    }

    /**
     * Returns the inverse: {@code (c0 - c1·x) / (c0² - 7·c1²)}.
     *
     * @throws ArithmeticException if this is zero
     */
    public Ext2 inverse() {
        long n = norm(c0, c1);
        if (n == 0) {
            throw new ArithmeticException("zero has no inverse in GF(p^2)");
        }
        long inv = Goldilocks.inverse(n);
        return new Ext2(Goldilocks.mul(c0, inv), Goldilocks.neg(Goldilocks.mul(c1, inv)));
    }

    /** Returns whether both coordinates are zero. */
    public boolean isZero() {
        return c0 == 0 && c1 == 0;
    }

    /** Returns whether this lies in the base field (c1 = 0). */
    public boolean isBase() {
        return c1 == 0;
    }

    /** Constant coordinate of {@code (a0 + a1·x)(b0 + b1·x)}: {@code a0·b0 + 7·a1·b1}. */
    public static long mulC0(long a0, long a1, long b0, long b1) {
        // a0·b0 as 128 bits plus 7·(a1·b1 mod p) (< 2^67): below p² + 7p < 2^128, one reduction.
        long m = Goldilocks.mul(a1, b1);
        long lo = a0 * b0;
        long hi = Math.multiplyHigh(a0, b0) + ((a0 >> 63) & b0) + ((b0 >> 63) & a0);
        long tLo = m * W;
        long tHi = Math.multiplyHigh(m, W) + ((m >> 63) & W);
        long sumLo = lo + tLo;
        hi += tHi + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
        return Goldilocks.reduce128(hi, sumLo);
    }

    /** Coordinate of x in {@code (a0 + a1·x)(b0 + b1·x)}: {@code a0·b1 + a1·b0}. */
    public static long mulC1(long a0, long a1, long b0, long b1) {
        // a0·b1 + a1·b0 as a 129-bit sum, one reduction; a carry out of bit 128 adds 2^128 mod p.
        long lo1 = a0 * b1;
        long hi1 = Math.multiplyHigh(a0, b1) + ((a0 >> 63) & b1) + ((b1 >> 63) & a0);
        long lo2 = a1 * b0;
        long hi2 = Math.multiplyHigh(a1, b0) + ((a1 >> 63) & b0) + ((b0 >> 63) & a1);
        long lo = lo1 + lo2;
        long hi = hi1 + hi2 + (Long.compareUnsigned(lo, lo1) < 0 ? 1 : 0);
        long carry = Long.compareUnsigned(hi, hi1) < 0 ? TWO_128 : 0;
        return Goldilocks.add(Goldilocks.reduce128(hi, lo), carry);
    }

    /** 2^128 mod p = p - 2^32. */
    private static final long TWO_128 = 0xFFFF_FFFE_0000_0001L;

    /**
     * The norm {@code (a0 + a1·x)(a0 - a1·x) = a0² - 7·a1²}, a base field element that is zero
     * only for the zero element (7 being a non-residue).
     */
    public static long norm(long a0, long a1) {
        return Goldilocks.sub(Goldilocks.mul(a0, a0), Goldilocks.mul(W, Goldilocks.mul(a1, a1)));
    }

    /** Formats as {@code c0 + c1·x} with unsigned decimal coordinates. */
    @Override
    public String toString() {
        return c1 == 0 ? Long.toUnsignedString(c0)
                : Long.toUnsignedString(c0) + " + " + Long.toUnsignedString(c1) + "·x";
    }
}
