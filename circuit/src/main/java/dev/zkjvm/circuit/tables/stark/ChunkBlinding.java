package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.field.Goldilocks;
import java.util.Arrays;

/**
 * Blinds a table's composition chunks for zero knowledge: {@code H'_j = H_j + x^P·b_j - b_(j-1)}
 * with random b_0 .. b_(c-2) of {@link Hiding#chunkRandomizers} coefficients (b_(-1) = b_(c-1) = 0),
 * for each of the two base coordinates. The sum {@code Σ_j x^(jP)·H'_j} telescopes back to the
 * composition polynomial, so the verifier's check at z is unchanged, while the chunks' values at
 * the points the proof reveals are uniform apart from that sum.
 */
final class ChunkBlinding {
    private ChunkBlinding() {
    }

    /**
     * @param chunks the chunks' coefficients as base columns {@code H_0.c0, H_0.c1, H_1.c0, ...}
     * @return the blinded chunks (new arrays where they grow)
     */
    static long[][] blind(long[][] chunks, TableShape ts, int table, ProverRandomness rnd) {
        int c = chunks.length / 2;
        if (c < 2) {
            return chunks;
        }
        int p = ts.polyRows;
        int h = ts.hiding.chunkRandomizers;
        long[][] out = chunks.clone();
        for (int coord = 0; coord < 2; coord++) {
            for (int j = 0; j + 1 < c; j++) {
                long[] b = rnd.elements(ProverRandomness.Purpose.CHUNK_BLINDING,
                        ((long) table << 32) | (2L * j + coord), h);
                long[] lower = grow(out, 2 * j + coord, p + h);
                for (int i = 0; i < h; i++) {
                    lower[p + i] = Goldilocks.add(lower[p + i], b[i]);
                }
                long[] upper = grow(out, 2 * (j + 1) + coord, h);
                for (int i = 0; i < h; i++) {
                    upper[i] = Goldilocks.sub(upper[i], b[i]);
                }
            }
        }
        return out;
    }

    /** {@code out[i]} as a fresh copy of at least {@code length} coefficients. */
    private static long[] grow(long[][] out, int i, int length) {
        long[] grown = Arrays.copyOf(out[i], Math.max(out[i].length, length));
        out[i] = grown;
        return grown;
    }
}
