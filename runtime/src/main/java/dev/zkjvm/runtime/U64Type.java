package dev.zkjvm.runtime;

import java.math.BigInteger;

/** Width and factories of {@link U64}. */
final class U64Type implements WordType<U64> {
    static final U64Type INSTANCE = new U64Type();

    private U64Type() {
    }

    @Override
    public int bytes() {
        return 8;
    }

    @Override
    public int limbs() {
        return 1;
    }

    @Override
    public U64 zero() {
        return U64Value.of(0);
    }

    @Override
    public U64 of(long value) {
        return U64Value.of(value);
    }

    @Override
    public U64 of(BigInteger value) {
        return U64Value.of(value.longValue());
    }

    @Override
    public U64 fromLimbs(long[] limbs, int offset) {
        return U64Value.of(limbs[offset]);
    }

    @Override
    public void toLimbs(U64 word, long[] limbs, int offset) {
        limbs[offset] = word.longValue();
    }

    @Override
    public U64 fromBytes(byte[] bigEndian) {
        if (bigEndian.length != 8) {
            throw new IllegalArgumentException("a 64-bit word needs 8 bytes, got " + bigEndian.length);
        }
        long v = 0;
        for (byte b : bigEndian) {
            v = (v << 8) | (b & 0xff);
        }
        return U64Value.of(v);
    }

    @Override
    public U64 parse(String text) {
        return of(WordParsing.parse(text));
    }

    @Override
    public String toString() {
        return "U64";
    }
}
