package dev.zkjvm.runtime;

/**
 * A 64-bit machine word. Create values with {@link #of(long)}.
 */
public interface U64 extends Word<U64> {
    /** The 64-bit word type. */
    WordType<U64> TYPE = U64Type.INSTANCE;

    /** {@code value} as a word (its 64 bits, unchanged). */
    static U64 of(long value) {
        return U64Value.of(value);
    }
}
