package dev.zkjvm.circuit.hash;

/** A streaming 32-byte hash function instance (not thread-safe; one per thread). */
public interface Hasher {
    /** Digest length in bytes (32 for every {@link HashAlgorithm}). */
    int DIGEST_SIZE = 32;

    /** Absorbs {@code len} bytes of {@code data} from {@code off}. */
    void update(byte[] data, int off, int len);

    /** Absorbs all of {@code data}. */
    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** Absorbs one byte. */
    void update(byte b);

    /** Writes the digest to {@code out[off..off+32)} and resets to the initial state. */
    void digest(byte[] out, int off);

    /** Returns the digest and resets to the initial state. */
    default byte[] digest() {
        byte[] out = new byte[DIGEST_SIZE];
        digest(out, 0);
        return out;
    }
}
