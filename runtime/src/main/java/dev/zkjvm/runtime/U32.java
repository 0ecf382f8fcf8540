package dev.zkjvm.runtime;

/**
 * A 32-bit machine word. Create values with {@link #of(long)}.
 */
public interface U32 extends Word<U32> {
    /** The 32-bit word type. */
    WordType<U32> TYPE = U32Type.INSTANCE;

    /** {@code value mod 2^32}. */
    static U32 of(long value) {
        return U32Value.of(value);
    }
}
