package dev.zkjvm.circuit.hash;

import java.util.Arrays;

/**
 * Computes one-row leaf digests, the same as {@link MerkleTree#leafHash(HashAlgorithm, long[])},
 * for many rows in a row, reusing one hasher and one encoding buffer; a row may be given in
 * pieces (for instance one per matrix whose rows share a leaf), the digest being that of the
 * pieces concatenated.
 *
 * <p>Why: a commitment of 2^16 leaves spent more time looking up a fresh {@code MessageDigest}
 * and copying each leaf's pieces into one array than hashing them.
 *
 * <p>Not thread-safe: one instance per worker.
 */
public final class RowLeafHasher {
    private final Hasher hasher;
    private byte[] buf = new byte[128];
    private int len;

    /** A hasher for leaves of {@code algorithm}'s trees. */
    public RowLeafHasher(HashAlgorithm algorithm) {
        this.hasher = algorithm.newHasher();
        begin();
    }

    /** Starts a new row (also done by {@link #digest(byte[], int)}). */
    public void begin() {
        buf[0] = 0x00; // the leaf prefix
        len = 1;
    }

    /** Appends {@code values} to the current row. */
    public void append(long[] values) {
        for (long v : values) {
            append(v);
        }
    }

    /**
     * Appends one value to the current row: a row's cells are the encoding's columns, each a block
     * of one value.
     */
    public void append(long value) {
        if (len + 9 + LeafEncoding.SLACK > buf.length) {
            buf = Arrays.copyOf(buf, 2 * buf.length);
        }
        len = LeafEncoding.encodeValue(value, buf, len);
    }

    /** Writes the current row's leaf digest to {@code out[off..off+32)} and starts a new row. */
    public void digest(byte[] out, int off) {
        hasher.update(buf, 0, len);
        hasher.digest(out, off);
        begin();
    }

    /** The current row's leaf digest; starts a new row. */
    public byte[] digest() {
        byte[] out = new byte[Hasher.DIGEST_SIZE];
        digest(out, 0);
        return out;
    }
}
