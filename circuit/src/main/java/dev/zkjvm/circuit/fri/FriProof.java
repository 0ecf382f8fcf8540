package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.Hasher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A FRI proof: the roots of layers 1..L-1 (layer 0's root is the caller's commitment), the
 * remainder polynomial, the proof-of-work nonce and, per layer, the queried rows with a batch of
 * Merkle siblings.
 *
 * <h2>Binary format, version {@value #VERSION}</h2>
 * Big-endian, as {@link DataOutput} writes:
 * <pre>
 *   u8  version = 1
 *   u8  log2 domain size
 *   u8  folding factor k
 *   u8  L = number of committed layers (at least 1)
 *   (L-1) × 32 bytes     roots of layers 1..L-1
 *   u16 m                remainder coefficient count, then m × (u64 c0, u64 c1), low degree first
 *   u64 nonce
 *   L × { u16 r, r × 2k × u64 row values;  u16 s, s × 32 bytes siblings }
 * </pre>
 * Field elements must be canonical; the reader rejects trailing bytes. The verifier checks every
 * count against what the parameters and the transcript imply, so no byte is free.
 */
public final class FriProof {
    /** The format version written by {@link #write(DataOutput)}. */
    public static final int VERSION = 1;

    private final int logDomainSize;
    private final int foldingFactor;
    private final byte[][] layerRoots;
    private final long[] remainder;
    private final long nonce;
    private final FriLayerOpening[] openings;

    FriProof(int logDomainSize, int foldingFactor, byte[][] layerRoots, long[] remainder, long nonce,
            FriLayerOpening[] openings) {
        this.logDomainSize = logDomainSize;
        this.foldingFactor = foldingFactor;
        this.layerRoots = layerRoots;
        this.remainder = remainder;
        this.nonce = nonce;
        this.openings = openings;
    }

    /** log2 of the size of the evaluation domain that was proven. */
    public int logDomainSize() {
        return logDomainSize;
    }

    /** The number of committed layers (layer 0 included). */
    public int layerCount() {
        return openings.length;
    }

    /** The proof-of-work nonce. */
    public long nonce() {
        return nonce;
    }

    /** The remainder polynomial's coefficients, lowest degree first. */
    public Ext2[] remainder() {
        Ext2[] out = new Ext2[remainder.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Ext2(remainder[2 * i], remainder[2 * i + 1]);
        }
        return out;
    }

    /** The number of rows the proof opens in the first layer (the distinct queried rows). */
    public int openedRowsOfFirstLayer() {
        return openings.length == 0 ? 0 : openings[0].rows().length;
    }

    int foldingFactor() {
        return foldingFactor;
    }

    byte[][] layerRoots() {
        return layerRoots;
    }

    long[] remainderInterleaved() {
        return remainder;
    }

    FriLayerOpening[] openings() {
        return openings;
    }

    /** The same proof with another nonce (for tests of the proof-of-work check). */
    FriProof withNonce(long other) {
        return new FriProof(logDomainSize, foldingFactor, layerRoots, remainder, other, openings);
    }

    /** The encoded size in bytes. */
    public int size() {
        long n = 4 + (long) layerRoots.length * Hasher.DIGEST_SIZE + 2 + 8L * remainder.length + 8;
        for (FriLayerOpening o : openings) {
            n += 2 + (long) o.rows().length * 2 * foldingFactor * 8 + 2 + (long) o.siblings().length * Hasher.DIGEST_SIZE;
        }
        return Math.toIntExact(n);
    }

    /** Writes the proof in the format above. */
    public void write(DataOutput out) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(logDomainSize);
        out.writeByte(foldingFactor);
        out.writeByte(openings.length);
        for (byte[] r : layerRoots) {
            out.write(r);
        }
        out.writeShort(remainder.length / 2);
        for (long v : remainder) {
            out.writeLong(v);
        }
        out.writeLong(nonce);
        for (FriLayerOpening o : openings) {
            out.writeShort(o.rows().length);
            for (long[] row : o.rows()) {
                for (long v : row) {
                    out.writeLong(v);
                }
            }
            out.writeShort(o.siblings().length);
            for (byte[] s : o.siblings()) {
                out.write(s);
            }
        }
    }

    /** The encoded proof. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a whole proof.
     *
     * @throws InvalidFriProofException if the bytes are not exactly one well-formed proof
     */
    public static FriProof fromBytes(byte[] bytes) throws InvalidFriProofException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        FriProof proof = read(new DataInputStream(in));
        if (in.available() != 0) {
            throw new InvalidFriProofException("trailing bytes after the proof");
        }
        return proof;
    }

    /**
     * Reads one proof.
     *
     * @throws InvalidFriProofException if the input ends early or holds a malformed proof
     */
    public static FriProof read(DataInput in) throws InvalidFriProofException {
        try {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new InvalidFriProofException("unsupported FRI proof version " + version);
            }
            int logDomainSize = in.readUnsignedByte();
            if (logDomainSize > FriLayout.MAX_LOG_DOMAIN) {
                throw new InvalidFriProofException("domain too large: 2^" + logDomainSize);
            }
            int k = in.readUnsignedByte();
            if (k != 2 && k != 4 && k != 8) {
                throw new InvalidFriProofException("bad folding factor " + k);
            }
            int layers = in.readUnsignedByte();
            if (layers < 1 || layers > FriLayout.MAX_LOG_DOMAIN) {
                throw new InvalidFriProofException("bad layer count " + layers);
            }
            byte[][] roots = new byte[layers - 1][Hasher.DIGEST_SIZE];
            for (byte[] r : roots) {
                in.readFully(r);
            }
            long[] remainder = readFields(in, 2 * in.readUnsignedShort());
            long nonce = in.readLong();
            FriLayerOpening[] openings = new FriLayerOpening[layers];
            for (int i = 0; i < layers; i++) {
                long[][] rows = new long[in.readUnsignedShort()][];
                for (int r = 0; r < rows.length; r++) {
                    rows[r] = readFields(in, 2 * k);
                }
                // Allocated one digest at a time, so a count that the input does not back costs nothing.
                byte[][] siblings = new byte[in.readUnsignedShort()][];
                for (int s = 0; s < siblings.length; s++) {
                    siblings[s] = new byte[Hasher.DIGEST_SIZE];
                    in.readFully(siblings[s]);
                }
                openings[i] = new FriLayerOpening(rows, siblings);
            }
            return new FriProof(logDomainSize, k, roots, remainder, nonce, openings);
        } catch (IOException e) {
            throw new InvalidFriProofException("truncated FRI proof");
        }
    }

    private static long[] readFields(DataInput in, int count) throws IOException, InvalidFriProofException {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long v = in.readLong();
            if (!Goldilocks.isCanonical(v)) {
                throw new InvalidFriProofException("non-canonical field element");
            }
            out[i] = v;
        }
        return out;
    }
}
