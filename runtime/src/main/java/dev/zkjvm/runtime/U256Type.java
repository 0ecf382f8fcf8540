package dev.zkjvm.runtime;

import java.math.BigInteger;

/** Width and factories of {@link U256}. */
final class U256Type implements WordType<U256> {
    static final U256Type INSTANCE = new U256Type();

    private U256Type() {
    }

    @Override
    public int bytes() {
        return 32;
    }

    @Override
    public int limbs() {
        return 4;
    }

    @Override
    public U256 zero() {
        return U256Value.ZERO;
    }

    @Override
    public U256 of(long value) {
        return U256Value.of(value);
    }

    @Override
    public U256 of(BigInteger value) {
        return U256Value.of(value);
    }

    @Override
    public U256 fromLimbs(long[] limbs, int offset) {
        return U256Value.of(limbs[offset], limbs[offset + 1], limbs[offset + 2], limbs[offset + 3]);
    }

    @Override
    public void toLimbs(U256 word, long[] limbs, int offset) {
        for (int i = 0; i < 4; i++) {
            limbs[offset + i] = word.limb(i);
        }
    }

    @Override
    public U256 fromBytes(byte[] bigEndian) {
        if (bigEndian.length != 32) {
            throw new IllegalArgumentException("a 256-bit word needs 32 bytes, got " + bigEndian.length);
        }
        return U256Value.of(readLimb(bigEndian, 24), readLimb(bigEndian, 16),
                readLimb(bigEndian, 8), readLimb(bigEndian, 0));
    }

    private static long readLimb(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xff);
        }
        return v;
    }

    @Override
    public U256 parse(String text) {
        return of(WordParsing.parse(text));
    }

    @Override
    public String toString() {
        return "U256";
    }
}
