package dev.zkjvm.runtime;

import java.math.BigInteger;

/** The concrete 32-bit word: one {@code long} holding the unsigned value in [0, 2^32). */
final class U32Value implements U32 {
    private static final long MASK = 0xFFFF_FFFFL;
    private static final U32Value[] SMALL = new U32Value[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new U32Value(i);
        }
    }

    /** Always in [0, 2^32). */
    private final long value;

    private U32Value(long value) {
        this.value = value;
    }

    /** {@code value mod 2^32}. */
    static U32 of(long value) {
        long v = value & MASK;
        return v < SMALL.length ? SMALL[(int) v] : new U32Value(v);
    }

    private static U32 bool(boolean b) {
        return SMALL[b ? 1 : 0];
    }

    private static long unsigned(U32 w) {
        return w.longValue() & MASK;
    }

    @Override
    public WordType<U32> type() {
        return U32.TYPE;
    }

    @Override
    public U32 add(U32 other) {
        return of(value + unsigned(other));
    }

    @Override
    public U32 sub(U32 other) {
        return of(value - unsigned(other));
    }

    @Override
    public U32 mul(U32 other) {
        // both factors are below 2^32, so the low 64 bits of the product hold its low 32 bits exactly
        return of(value * unsigned(other));
    }

    @Override
    public U32 and(U32 other) {
        return of(value & unsigned(other));
    }

    @Override
    public U32 or(U32 other) {
        return of(value | unsigned(other));
    }

    @Override
    public U32 xor(U32 other) {
        return of(value ^ unsigned(other));
    }

    @Override
    public U32 not() {
        return of(~value);
    }

    @Override
    public U32 shl(int bits) {
        return bits < 0 || bits >= 32 ? SMALL[0] : of(value << bits);
    }

    @Override
    public U32 shr(int bits) {
        return bits < 0 || bits >= 32 ? SMALL[0] : of(value >>> bits);
    }

    @Override
    public U32 shl(U32 bits) {
        long b = unsigned(bits);
        return b >= 32 ? SMALL[0] : of(value << b);
    }

    @Override
    public U32 shr(U32 bits) {
        long b = unsigned(bits);
        return b >= 32 ? SMALL[0] : of(value >>> b);
    }

    @Override
    public U32 ltu(U32 other) {
        return bool(value < unsigned(other));
    }

    @Override
    public U32 lts(U32 other) {
        return bool((int) value < (int) unsigned(other));
    }

    @Override
    public U32 eq(U32 other) {
        return bool(value == unsigned(other));
    }

    @Override
    public boolean isZero() {
        return value == 0;
    }

    @Override
    public long limb(int i) {
        if (i != 0) {
            throw new IndexOutOfBoundsException("a 32-bit word has one limb, not limb " + i);
        }
        return value;
    }

    @Override
    public long longValue() {
        return value;
    }

    @Override
    public byte[] toBytes() {
        return new byte[] {
            (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
        };
    }

    @Override
    public BigInteger toBigInteger() {
        return BigInteger.valueOf(value);
    }

    @Override
    public int compareTo(U32 other) {
        return Long.compare(value, unsigned(other));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof U32 w && unsigned(w) == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
