package dev.zkjvm.runtime;

import java.math.BigInteger;

/**
 * A 256-bit machine word, stored as four 64-bit limbs. Create values with {@link #of(long)} or
 * {@link #of(BigInteger)}.
 */
public interface U256 extends Word<U256> {
    /** The 256-bit word type. */
    WordType<U256> TYPE = U256Type.INSTANCE;

    /** {@code value mod 2^256} ({@code -1} gives 2^256 - 1). */
    static U256 of(long value) {
        return TYPE.of(value);
    }

    /** {@code value mod 2^256}. */
    static U256 of(BigInteger value) {
        return TYPE.of(value);
    }
}
