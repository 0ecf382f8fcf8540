package dev.zkjvm.circuit.machine.segment;

import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.runtime.segment.SegmentState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A proof of one run made of segment proofs: per segment, what its verifier cannot compute itself
 * (where the segment ends, how many accesses it made, which cells it touched and what they held
 * after it) and its proof on tables. Where a segment starts and what its cells held before it are
 * not in the file: the verifier takes them from the segment before, so they cannot disagree.
 *
 * <p>Format {@value #VERSION}, big-endian: the magic {@code ZKSG}, the version, the segment steps,
 * the word's 64-bit limbs, the number of segments, then per segment its end (run, pc, clk, depth,
 * input words read, output words written), its records, its cells and, per cell, the word after
 * it, and its table proof's length and bytes. The advice read is not in it: it stays private.
 *
 * @param segmentSteps the steps of every segment but the last (which has at most as many)
 * @param limbs 64-bit limbs per word
 * @param segments the segments, in run order
 */
public record SegmentedProof(long segmentSteps, int limbs, List<Part> segments) {
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    private static final int MAGIC = 0x5A4B5347; // "ZKSG"
    /** Bytes of a part's fixed fields: end state (4 + 8 + 8 + 4 + 4 + 4), records, cells, proof length. */
    private static final int PART_HEADER = 32 + 4 + 4 + 4;

    /** Copies the list. */
    public SegmentedProof {
        segments = List.copyOf(segments);
    }

    /**
     * One segment's part of the proof.
     *
     * @param end where the segment ends (its advice count is not stated: 0 here)
     * @param records the accesses its steps made
     * @param cells the cells it touched, ascending
     * @param after per cell, the word's 64-bit limbs after the segment
     * @param proof its proof on tables, as bytes
     */
    public record Part(SegmentState end, int records, long[] cells, long[][] after, byte[] proof) {
    }

    /** The proof as bytes. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(segmentSteps);
            out.writeInt(limbs);
            out.writeInt(segments.size());
            for (Part p : segments) {
                SegmentState e = p.end();
                out.writeInt(e.run());
                out.writeLong(e.pc());
                out.writeLong(e.clk());
                out.writeInt(e.depth());
                out.writeInt(e.inputRead());
                out.writeInt(e.outputWritten());
                out.writeInt(p.records());
                out.writeInt(p.cells().length);
                for (int i = 0; i < p.cells().length; i++) {
                    out.writeLong(p.cells()[i]);
                    for (long v : p.after()[i]) {
                        out.writeLong(v);
                    }
                }
                out.writeInt(p.proof().length);
                out.write(p.proof());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a proof, checking every count against the bytes left before allocating for it, so that a
     * short or forged file is refused cheaply.
     *
     * @throws InvalidProofException if the bytes are not a segmented proof of this version
     */
    public static SegmentedProof fromBytes(byte[] bytes) throws InvalidProofException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC) {
                throw new InvalidProofException("not a segmented proof (no ZKSG magic)");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new InvalidProofException("segmented proof format version " + version + ", this verifier reads "
                        + VERSION);
            }
            long segmentSteps = in.getLong();
            int limbs = in.getInt();
            int count = in.getInt();
            if (segmentSteps < 1 || limbs < 1 || limbs > 8 || count < 1 || (long) count * PART_HEADER > in.remaining()) {
                throw new InvalidProofException("a segmented proof header that no prover writes: " + segmentSteps
                        + " steps a segment, " + limbs + " limbs, " + count + " segments in " + bytes.length + " bytes");
            }
            List<Part> parts = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                SegmentState end = new SegmentState(in.getInt(), in.getLong(), in.getLong(), in.getInt(), in.getInt(), 0,
                        in.getInt());
                int records = in.getInt();
                int cells = in.getInt();
                if (records < 0 || cells < 0 || (long) cells * 8 * (1 + limbs) > in.remaining()) {
                    throw new InvalidProofException("segment " + k + " claims " + cells + " cells and " + records
                            + " records, more than its bytes hold");
                }
                long[] cellIndex = new long[cells];
                long[][] after = new long[cells][limbs];
                for (int i = 0; i < cells; i++) {
                    cellIndex[i] = in.getLong();
                    for (int l = 0; l < limbs; l++) {
                        after[i][l] = in.getLong();
                    }
                }
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw new InvalidProofException("segment " + k + "'s proof claims " + length + " bytes, "
                            + in.remaining() + " are left");
                }
                byte[] proof = new byte[length];
                in.get(proof);
                parts.add(new Part(end, records, cellIndex, after, proof));
            }
            if (in.hasRemaining()) {
                throw new InvalidProofException(in.remaining() + " bytes after the last segment");
            }
            return new SegmentedProof(segmentSteps, limbs, parts);
        } catch (BufferUnderflowException e) {
            throw new InvalidProofException("the segmented proof ends early (" + bytes.length + " bytes)");
        }
    }
}
