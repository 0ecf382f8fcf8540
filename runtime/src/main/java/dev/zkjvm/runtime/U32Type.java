package dev.zkjvm.runtime;

import java.math.BigInteger;

/** Width and factories of {@link U32}. */
final class U32Type implements WordType<U32> {
    static final U32Type INSTANCE = new U32Type();

    private U32Type() {
    }

    @Override
    public int bytes() {
        return 4;
    }

    @Override
    public int limbs() {
        return 1;
    }

    @Override
    public U32 zero() {
        return U32Value.of(0);
    }

    @Override
    public U32 of(long value) {
        return U32Value.of(value);
    }

    @Override
    public U32 of(BigInteger value) {
        // the low 64 bits of the two's complement form, reduced mod 2^32, are value mod 2^32
        return U32Value.of(value.longValue());
    }

    @Override
    public U32 fromLimbs(long[] limbs, int offset) {
        return U32Value.of(limbs[offset]);
    }

    @Override
    public void toLimbs(U32 word, long[] limbs, int offset) {
        limbs[offset] = word.longValue();
    }

    @Override
    public U32 fromBytes(byte[] bigEndian) {
        if (bigEndian.length != 4) {
            throw new IllegalArgumentException("a 32-bit word needs 4 bytes, got " + bigEndian.length);
        }
        long v = 0;
        for (byte b : bigEndian) {
            v = (v << 8) | (b & 0xff);
        }
        return U32Value.of(v);
    }

    @Override
    public U32 parse(String text) {
        return of(WordParsing.parse(text));
    }

    @Override
    public String toString() {
        return "U32";
    }
}
