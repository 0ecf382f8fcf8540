package dev.zkjvm.runtime;

import java.math.BigInteger;

/**
 * A machine word of a fixed width (32, 64 or 256 bits). Arithmetic wraps modulo 2^bits.
 * Words are immutable values; instruction bodies compute with them and hand them to
 * {@link Vm} and {@link Stack}.
 *
 * <p>Methods that return a {@code boolean} or a Java number ({@link #isZero()},
 * {@link #longValue()}) reveal data to Java control flow. An instruction body that branches on
 * them cannot be turned into circuit constraints; use {@link Vm#select} and
 * {@link Vm#jumpIf} instead.
 *
 * @param <W> the concrete word type, {@link U32}, {@link U64} or {@link U256}
 */
public interface Word<W extends Word<W>> extends Comparable<W> {
    /** The type of this word: its width and factories. */
    WordType<W> type();

    /** {@code this + other mod 2^bits}. */
    W add(W other);

    /** {@code this - other mod 2^bits}. */
    W sub(W other);

    /** {@code this * other mod 2^bits}. */
    W mul(W other);

    /** Bitwise and. */
    W and(W other);

    /** Bitwise or. */
    W or(W other);

    /** Bitwise exclusive or. */
    W xor(W other);

    /** Bitwise complement. */
    W not();

    /** Logical shift left by {@code bits}; a shift of the width or more gives zero. */
    W shl(int bits);

    /** Logical shift right by {@code bits}; a shift of the width or more gives zero. */
    W shr(int bits);

    /** Logical shift left by the unsigned value of {@code bits}; the width or more gives zero. */
    W shl(W bits);

    /** Logical shift right by the unsigned value of {@code bits}; the width or more gives zero. */
    W shr(W bits);

    /** 1 if {@code this < other} as unsigned numbers, else 0. */
    W ltu(W other);

    /** 1 if {@code this < other} as two's-complement signed numbers, else 0. */
    W lts(W other);

    /** 1 if {@code this == other}, else 0. */
    W eq(W other);

    /** Whether this word is zero. Branching on the answer is not constrainable; see the type doc. */
    boolean isZero();

    /** 64-bit limb {@code i}, least significant first; {@code i < type().limbs()}. */
    long limb(int i);

    /** The low 64 bits. */
    long longValue();

    /** The value as {@code type().bytes()} bytes, most significant first (big-endian). */
    byte[] toBytes();

    /** The unsigned value. */
    BigInteger toBigInteger();

    /** Unsigned comparison. */
    @Override
    int compareTo(W other);
}
