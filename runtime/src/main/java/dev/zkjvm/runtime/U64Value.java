package dev.zkjvm.runtime;

import java.math.BigInteger;

/** The concrete 64-bit word: one {@code long}, read as unsigned. */
final class U64Value implements U64 {
    private static final U64Value[] SMALL = new U64Value[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new U64Value(i);
        }
    }

    private final long value;

    private U64Value(long value) {
        this.value = value;
    }

    static U64 of(long value) {
        return value >= 0 && value < SMALL.length ? SMALL[(int) value] : new U64Value(value);
    }

    private static U64 bool(boolean b) {
        return SMALL[b ? 1 : 0];
    }

    @Override
    public WordType<U64> type() {
        return U64.TYPE;
    }

    @Override
    public U64 add(U64 other) {
        return of(value + other.longValue());
    }

    @Override
    public U64 sub(U64 other) {
        return of(value - other.longValue());
    }

    @Override
    public U64 mul(U64 other) {
        return of(value * other.longValue());
    }

    @Override
    public U64 and(U64 other) {
        return of(value & other.longValue());
    }

    @Override
    public U64 or(U64 other) {
        return of(value | other.longValue());
    }

    @Override
    public U64 xor(U64 other) {
        return of(value ^ other.longValue());
    }

    @Override
    public U64 not() {
        return of(~value);
    }

    @Override
    public U64 shl(int bits) {
        return bits < 0 || bits >= 64 ? SMALL[0] : of(value << bits);
    }

    @Override
    public U64 shr(int bits) {
        return bits < 0 || bits >= 64 ? SMALL[0] : of(value >>> bits);
    }

    @Override
    public U64 shl(U64 bits) {
        long b = bits.longValue();
        return Long.compareUnsigned(b, 64) >= 0 ? SMALL[0] : of(value << b);
    }

    @Override
    public U64 shr(U64 bits) {
        long b = bits.longValue();
        return Long.compareUnsigned(b, 64) >= 0 ? SMALL[0] : of(value >>> b);
    }

    @Override
    public U64 ltu(U64 other) {
        return bool(Long.compareUnsigned(value, other.longValue()) < 0);
    }

    @Override
    public U64 lts(U64 other) {
        return bool(value < other.longValue());
    }

    @Override
    public U64 eq(U64 other) {
        return bool(value == other.longValue());
    }

    @Override
    public boolean isZero() {
        return value == 0;
    }

    @Override
    public long limb(int i) {
        if (i != 0) {
            throw new IndexOutOfBoundsException("a 64-bit word has one limb, not limb " + i);
        }
        return value;
    }

    @Override
    public long longValue() {
        return value;
    }

    @Override
    public byte[] toBytes() {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (value >>> (56 - 8 * i));
        }
        return out;
    }

    @Override
    public BigInteger toBigInteger() {
        return new BigInteger(Long.toUnsignedString(value));
    }

    @Override
    public int compareTo(U64 other) {
        return Long.compareUnsigned(value, other.longValue());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof U64 w && w.longValue() == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
