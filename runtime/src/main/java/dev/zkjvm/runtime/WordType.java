package dev.zkjvm.runtime;

import java.math.BigInteger;

/**
 * Width and factories of one word type. Obtain one from {@link U32#TYPE}, {@link U64#TYPE} or
 * {@link U256#TYPE}, or {@link #ofSize(int)}.
 *
 * @param <W> the word type
 */
public interface WordType<W extends Word<W>> {
    /** Width in bytes: 4, 8 or 32. */
    int bytes();

    /** Width in bits. */
    default int bits() {
        return bytes() * 8;
    }

    /** Number of 64-bit limbs a value occupies in columnar storage: 1, 1 or 4. */
    int limbs();

    /** The word 0. */
    W zero();

    /** {@code value mod 2^bits}, with {@code value} read as a signed (two's complement) number. */
    W of(long value);

    /** {@code value mod 2^bits}. */
    W of(BigInteger value);

    /** Reads {@link #limbs()} limbs, least significant first, starting at {@code offset}. */
    W fromLimbs(long[] limbs, int offset);

    /** Writes {@link #limbs()} limbs of {@code word}, least significant first, at {@code offset}. */
    void toLimbs(W word, long[] limbs, int offset);

    /** Reads exactly {@link #bytes()} bytes, most significant first. */
    W fromBytes(byte[] bigEndian);

    /**
     * Parses a decimal number (optionally negative, taken mod 2^bits) or a {@code 0x} hexadecimal
     * number.
     *
     * @throws NumberFormatException if the text is not a number
     */
    W parse(String text);

    /** The word type of the given width in bytes. */
    @SuppressWarnings("unchecked")
    static <W extends Word<W>> WordType<W> ofSize(int bytes) {
        return (WordType<W>) switch (bytes) {
            case 4 -> U32.TYPE;
            case 8 -> U64.TYPE;
            case 32 -> U256.TYPE;
            default -> throw new IllegalArgumentException("word size must be 4, 8 or 32 bytes, not " + bytes);
        };
    }
}
