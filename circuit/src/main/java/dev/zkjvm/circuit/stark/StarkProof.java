package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.fri.FriProof;
import dev.zkjvm.circuit.fri.InvalidFriProofException;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.Hasher;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A STARK proof that a witness satisfies a constraint system.
 *
 * <h2>Binary format, version {@value #VERSION}</h2>
 * Big-endian:
 * <pre>
 *   u8  version = 2 (1 drew its challenges after absorbing the FIXED root)
 *   u8  log2 of the trace length n
 *   u8  hash (0 SHA-256, 1 Keccak-256, 2 BLAKE3)
 *   u8  log2 blowup, u8 log2 folding factor, u16 queries, u8 grinding bits, u16 remainder max degree
 *   u8  r, r × 32 bytes      roots: MAIN, AUX (when the system has AUX columns), composition
 *   u32 v, v × u64           out-of-domain values (see {@link #oodValues()})
 *   u32 f, f bytes           the FRI proof ({@link FriProof} format)
 *   u8  g, g × opening       per commitment: FIXED (when present), MAIN, AUX (when present),
 *                            composition; an opening is u16 leaves, u16 width,
 *                            leaves × width × u64 values, u16 s, s × 32 bytes siblings
 * </pre>
 * Field elements must be canonical; the reader rejects trailing bytes; the verifier checks every
 * count against what the system and the parameters imply.
 */
public final class StarkProof {
    /** The format version. */
    public static final int VERSION = 2;

    /** The opened leaves of one commitment, with the sibling digests of their batch path. */
    public record Opening(long[][] leaves, byte[][] siblings) {
    }

    private final int logRows;
    private final StarkConfig config;
    private final List<byte[]> roots;
    private final long[] oodValues;
    private final FriProof fri;
    private final List<Opening> openings;

    StarkProof(int logRows, StarkConfig config, List<byte[]> roots, long[] oodValues, FriProof fri,
            List<Opening> openings) {
        this.logRows = logRows;
        this.config = config;
        this.roots = List.copyOf(roots);
        this.oodValues = oodValues;
        this.fri = fri;
        this.openings = List.copyOf(openings);
    }

    /** log2 of the number of trace rows proven. */
    public int logRows() {
        return logRows;
    }

    /** The parameters the proof was made with (the verifier insists on its own). */
    public StarkConfig config() {
        return config;
    }

    /** The roots of the MAIN, AUX (if any) and composition commitments. */
    public List<byte[]> roots() {
        return roots;
    }

    /**
     * The out-of-domain values: per system column (by index) its value at z and at z·ω (4 longs),
     * then per composition column its value at z (2 longs).
     */
    public long[] oodValues() {
        return oodValues;
    }

    /** The FRI proof of the DEEP composition. */
    public FriProof fri() {
        return fri;
    }

    /** The query openings, one per commitment. */
    public List<Opening> openings() {
        return openings;
    }

    /** The encoded proof. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(logRows);
            out.writeByte(config.hash().ordinal());
            FriParameters p = config.fri();
            out.writeByte(p.logBlowup());
            out.writeByte(p.logFoldingFactor());
            out.writeShort(p.queries());
            out.writeByte(p.grindingBits());
            out.writeShort(p.remainderMaxDegree());
            out.writeByte(roots.size());
            for (byte[] r : roots) {
                out.write(r);
            }
            out.writeInt(oodValues.length);
            for (long v : oodValues) {
                out.writeLong(v);
            }
            byte[] friBytes = fri.toBytes();
            out.writeInt(friBytes.length);
            out.write(friBytes);
            out.writeByte(openings.size());
            for (Opening o : openings) {
                int width = o.leaves().length == 0 ? 0 : o.leaves()[0].length;
                out.writeShort(o.leaves().length);
                out.writeShort(width);
                for (long[] leaf : o.leaves()) {
                    for (long v : leaf) {
                        out.writeLong(v);
                    }
                }
                out.writeShort(o.siblings().length);
                for (byte[] s : o.siblings()) {
                    out.write(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a proof.
     *
     * @throws InvalidProofException if the bytes are not exactly one well-formed proof
     */
    public static StarkProof fromBytes(byte[] bytes) throws InvalidProofException {
        // A ByteBuffer reads a long in one step (a DataInputStream over a ByteArrayInputStream
        // makes eight synchronized calls), which is most of what rejecting a large proof costs.
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int version = in.get() & 0xFF;
            if (version != VERSION) {
                throw new InvalidProofException("proof format version " + version + ", this reader knows " + VERSION);
            }
            int logRows = in.get() & 0xFF;
            int hashId = in.get() & 0xFF;
            if (hashId >= HashAlgorithm.values().length) {
                throw new InvalidProofException("unknown hash " + hashId);
            }
            int logBlowup = in.get() & 0xFF;
            int logFolding = in.get() & 0xFF;
            int queries = in.getShort() & 0xFFFF;
            int grinding = in.get() & 0xFF;
            int remainder = in.getShort() & 0xFFFF;
            if (logBlowup > 8 || logFolding > 3) {
                throw new InvalidProofException("parameters out of range");
            }
            FriParameters params;
            try {
                params = new FriParameters(1 << logBlowup, 1 << logFolding, queries, grinding, remainder);
            } catch (IllegalArgumentException e) {
                throw new InvalidProofException("bad parameters: " + e.getMessage(), e);
            }
            StarkConfig config = new StarkConfig(params, HashAlgorithm.values()[hashId]);
            int rootCount = in.get() & 0xFF;
            java.util.ArrayList<byte[]> roots = new java.util.ArrayList<>();
            for (int i = 0; i < rootCount; i++) {
                roots.add(readBytes(in, Hasher.DIGEST_SIZE));
            }
            long[] ood = readFields(in, in.getInt());
            int friLength = in.getInt();
            if (friLength < 0 || friLength > in.remaining()) {
                throw new InvalidProofException("FRI proof length " + friLength + " out of range: " + in.remaining()
                        + " bytes left");
            }
            FriProof fri;
            try {
                fri = FriProof.fromBytes(readBytes(in, friLength));
            } catch (InvalidFriProofException e) {
                throw new InvalidProofException("malformed FRI proof: " + e.getMessage(), e);
            }
            int groups = in.get() & 0xFF;
            java.util.ArrayList<Opening> openings = new java.util.ArrayList<>();
            for (int g = 0; g < groups; g++) {
                int leaves = in.getShort() & 0xFFFF;
                int width = in.getShort() & 0xFFFF;
                long[][] values = new long[leaves][];
                for (int r = 0; r < leaves; r++) {
                    values[r] = readFields(in, width);
                }
                int siblings = in.getShort() & 0xFFFF;
                byte[][] s = new byte[siblings][];
                for (int i = 0; i < siblings; i++) {
                    s[i] = readBytes(in, Hasher.DIGEST_SIZE);
                }
                openings.add(new Opening(values, s));
            }
            if (in.hasRemaining()) {
                throw new InvalidProofException("trailing bytes after the proof");
            }
            return new StarkProof(logRows, config, roots, ood, fri, openings);
        } catch (BufferUnderflowException e) {
            throw new InvalidProofException("proof is truncated", e);
        }
    }

    private static byte[] readBytes(ByteBuffer in, int length) {
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    /** {@code count} canonical field elements; a count the remaining bytes cannot hold allocates nothing. */
    private static long[] readFields(ByteBuffer in, int count) throws InvalidProofException {
        if (count < 0) {
            throw new InvalidProofException("element count out of range: " + count);
        }
        if (count > in.remaining() / 8) {
            throw new InvalidProofException("proof is truncated: " + count + " field elements announced, "
                    + in.remaining() + " bytes left");
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long v = in.getLong();
            if (!Goldilocks.isCanonical(v)) {
                throw new InvalidProofException("non-canonical field element");
            }
            out[i] = v;
        }
        return out;
    }

    /** The encoded size in bytes. */
    public int size() {
        return toBytes().length;
    }
}
