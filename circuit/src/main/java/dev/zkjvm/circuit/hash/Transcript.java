package dev.zkjvm.circuit.hash;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Fiat-Shamir transcript: a 32-byte chaining state that absorbs labelled messages and squeezes
 * challenges in GF(p²).
 *
 * <p>Every operation hashes the previous state with a one-byte operation tag, the length-prefixed
 * label and the length-prefixed payload, so messages cannot be re-split or confused across kinds,
 * and the domain given at construction separates unrelated protocols. A challenge is the hash of
 * the state, a squeeze tag and its label; its first 16 bytes (little-endian, 128 bits) reduced
 * modulo p give the first coordinate and the next 16 the second (statistical distance from
 * uniform about 2^-64 per coordinate, no rejection loop). The state then ratchets over the output,
 * so consecutive challenges differ even with equal labels.
 *
 * <p>Not thread-safe.
 */
public final class Transcript {
    private static final byte OP_INIT = 0x00;
    private static final byte OP_BYTES = 0x01;
    private static final byte OP_LONG = 0x02;
    private static final byte OP_FIELD = 0x03;
    private static final byte OP_EXT = 0x04;
    private static final byte OP_ROOT = 0x05;
    private static final byte OP_SQUEEZE = 0x10;
    private static final byte OP_RATCHET = 0x11;

    private final HashAlgorithm algorithm;
    private final Hasher hasher;
    private byte[] state = new byte[Hasher.DIGEST_SIZE];

    /** A transcript with the default hash (SHA-256). */
    public Transcript(String domain) {
        this(domain, HashAlgorithm.DEFAULT);
    }

    /**
     * A transcript for the protocol named {@code domain} using {@code algorithm}.
     */
    public Transcript(String domain, HashAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.hasher = algorithm.newHasher();
        absorb(OP_INIT, "zkjvm-transcript-v1/" + algorithm.name(), domain.getBytes(StandardCharsets.UTF_8));
    }

    private Transcript(Transcript other) {
        this.algorithm = other.algorithm;
        this.hasher = other.algorithm.newHasher();
        this.state = other.state.clone();
    }

    /** The hash function in use. */
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** An independent copy with the same state. */
    public Transcript copy() {
        return new Transcript(this);
    }

    /** A copy of the current 32-byte chaining state. */
    public byte[] state() {
        return state.clone();
    }

    private void header(byte op, String label, long payloadLength) {
        hasher.update(state, 0, state.length);
        hasher.update(op);
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        updateLong(l.length);
        hasher.update(l, 0, l.length);
        updateLong(payloadLength);
    }

    private void updateLong(long v) {
        for (int i = 0; i < 8; i++) {
            hasher.update((byte) (v >>> (8 * i)));
        }
    }

    private void absorb(byte op, String label, byte[] payload) {
        header(op, label, payload.length);
        hasher.update(payload, 0, payload.length);
        state = hasher.digest();
    }

    /** Absorbs raw bytes. */
    public void absorbBytes(String label, byte[] data) {
        absorb(OP_BYTES, label, data);
    }

    /** Absorbs a 64-bit integer (8 bytes, little-endian). */
    public void absorbLong(String label, long value) {
        header(OP_LONG, label, 8);
        updateLong(value);
        state = hasher.digest();
    }

    /**
     * Absorbs base field elements (each 8 bytes, little-endian, canonical).
     *
     * @throws IllegalArgumentException if an element is not canonical
     */
    public void absorbField(String label, long... elements) {
        for (long e : elements) {
            if (!Goldilocks.isCanonical(e)) {
                throw new IllegalArgumentException("not a canonical field element: " + Long.toUnsignedString(e));
            }
        }
        header(OP_FIELD, label, 8L * elements.length);
        for (long e : elements) {
            updateLong(e);
        }
        state = hasher.digest();
    }

    /** Absorbs an extension field element (c0 then c1). */
    public void absorbExt(String label, Ext2 e) {
        header(OP_EXT, label, 16);
        updateLong(e.c0());
        updateLong(e.c1());
        state = hasher.digest();
    }

    /**
     * Absorbs a commitment (e.g. a {@link MerkleTree} root).
     *
     * @throws IllegalArgumentException unless the root has 32 bytes
     */
    public void absorbRoot(String label, byte[] root) {
        if (root.length != Hasher.DIGEST_SIZE) {
            throw new IllegalArgumentException("a root has " + Hasher.DIGEST_SIZE + " bytes, got " + root.length);
        }
        absorb(OP_ROOT, label, root);
    }

    /** Squeezes a challenge in GF(p²) and advances the state. */
    public Ext2 challengeExt(String label) {
        header(OP_SQUEEZE, label, 0);
        byte[] out = hasher.digest();
        long c0 = reduce16(out, 0);
        long c1 = reduce16(out, 16);
        header(OP_RATCHET, label, out.length);
        hasher.update(out, 0, out.length);
        state = hasher.digest();
        return new Ext2(c0, c1);
    }

    /** Squeezes a base-field element (the first coordinate of a fresh {@link #challengeExt}). */
    public long challengeBase(String label) {
        return challengeExt(label).c0();
    }

    /** Reads 16 bytes little-endian as a 128-bit integer and reduces it modulo p. */
    static long reduce16(byte[] b, int off) {
        return Goldilocks.reduce128(readLong(b, off + 8), readLong(b, off));
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Transcript[" + algorithm + ", state " + java.util.HexFormat.of().formatHex(state) + "]";
    }

    /** Two transcripts are equal when algorithm and state agree. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Transcript t && t.algorithm == algorithm && Arrays.equals(t.state, state);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(state) * 31 + algorithm.hashCode();
    }
}
