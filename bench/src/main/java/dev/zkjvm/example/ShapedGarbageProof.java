package dev.zkjvm.example;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The hardest garbage for a verifier's shape checks: a proof of {@code 2^logRows} rows whose every
 * count and width is what the system and the parameters imply (so it decodes and passes every
 * size check) and whose every value is zero: zero roots, zero out-of-domain values, one opened row
 * per FRI layer, one opened leaf per commitment, no sibling. Written from the public format of
 * {@link StarkProof} and {@code FriProof}; for benchmarks and tests of rejection cost only.
 */
final class ShapedGarbageProof {
    private ShapedGarbageProof() {
    }

    /** The bytes of such a proof for {@code system} under {@code config}. */
    static byte[] bytes(ConstraintSystem system, StarkConfig config, int logRows) {
        FriParameters p = config.fri();
        int k = p.foldingFactor();
        int chunks = config.compositionChunks(system, logRows);
        boolean aux = !system.columns(Phase.AUX).isEmpty();
        int logDomain = logRows + p.logBlowup();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(StarkProof.VERSION);
            out.writeByte(logRows);
            out.writeByte(config.hash().ordinal());
            out.writeByte(p.logBlowup());
            out.writeByte(p.logFoldingFactor());
            out.writeShort(p.queries());
            out.writeByte(p.grindingBits());
            out.writeShort(p.remainderMaxDegree());
            int roots = aux ? 4 : 3;
            out.writeByte(roots);
            out.write(new byte[32 * roots]);
            int ood = 4 * system.columns().size() + 4 * chunks;
            out.writeInt(ood);
            out.write(new byte[8 * ood]);
            byte[] fri = fri(p, logDomain);
            out.writeInt(fri.length);
            out.write(fri);
            int groups = 0;
            for (Phase phase : Phase.values()) {
                groups += system.columns(phase).isEmpty() ? 0 : 1;
            }
            out.writeByte(groups + 1);
            for (Phase phase : Phase.values()) {
                int width = system.columns(phase).size();
                if (width > 0) {
                    opening(out, k * width);
                }
            }
            opening(out, k * 2 * chunks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void opening(DataOutputStream out, int width) throws IOException {
        out.writeShort(1);
        out.writeShort(width);
        out.write(new byte[8 * width]);
        out.writeShort(0);
    }

    /** FRI's layers, as its layout derives them: fold while the degree bound exceeds the remainder's. */
    private static byte[] fri(FriParameters p, int logDomain) throws IOException {
        int logK = p.logFoldingFactor();
        int logDegree = logDomain - p.logBlowup();
        int layers = 0;
        while ((1L << logDegree) > p.remainderMaxDegree() + 1L && logDegree >= logK) {
            logDegree -= logK;
            layers++;
        }
        int remainder = (1 << (logDomain - layers * logK)) / p.blowup();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeByte(logDomain);
            out.writeByte(p.foldingFactor());
            out.writeByte(layers);
            out.write(new byte[32 * (layers - 1)]);
            out.writeShort(remainder);
            out.write(new byte[16 * remainder]);
            out.writeLong(0);
            for (int i = 0; i < layers; i++) {
                out.writeShort(1);
                out.write(new byte[16 * p.foldingFactor()]);
                out.writeShort(0);
            }
        }
        return bytes.toByteArray();
    }
}
