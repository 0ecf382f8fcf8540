package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.fri.MerkleBatch;
import dev.zkjvm.circuit.poly.CosetExtender;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;

/**
 * A group of columns extended onto the evaluation coset {@code 7·⟨ω_N⟩} (N = n·blowup) and
 * committed with a {@link MerkleTree}.
 *
 * <h2>Layout</h2>
 * Each column's N evaluations are kept in natural order in one array, followed by
 * {@code blowup} extra entries that repeat its first ones: the trace's next row is
 * {@code blowup} points further on the coset, so any block of points can be evaluated with its
 * next-row values in place, the last block wrapping around to the first.
 *
 * <p>The tree sees the N points as k parts of {@code R = N/k} (k the FRI folding factor): leaf r
 * is row r of all parts, {@code (part 0 of every column, part 1 of every column, ...)}, i.e. the
 * k points {@code r, r + R, ..., r + (k-1)·R} that FRI folds together. A FRI query therefore
 * opens exactly one leaf of each commitment, and the k values it needs come with one path. The
 * parts are windows of the column arrays (offsets {@code t·R}), not copies.
 */
final class LdeCommitment {
    private final int width;
    private final int parts;
    private final int partRows;
    /** {@code values[column]}, of length {@code N + blowup}. */
    private final long[][] values;
    private final MerkleTree tree;

    private LdeCommitment(int width, int parts, int partRows, long[][] values, MerkleTree tree) {
        this.width = width;
        this.parts = parts;
        this.partRows = partRows;
        this.values = values;
        this.tree = tree;
    }

    /** Extends columns given by their n evaluations on the trace domain, then commits. */
    static LdeCommitment ofEvaluations(long[][] columns, int blowup, int parts, HashAlgorithm hash) {
        int n = columns[0].length;
        return build(columns, CosetExtender.ofEvaluations(n, blowup, TwoAdic.GENERATOR), blowup, parts, hash);
    }

    /** Evaluates polynomials given by n coefficients each on the coset, then commits. */
    static LdeCommitment ofCoefficients(long[][] coefficients, int blowup, int parts, HashAlgorithm hash) {
        int n = coefficients[0].length;
        return build(coefficients, CosetExtender.ofCoefficients(n, blowup, TwoAdic.GENERATOR), blowup, parts, hash);
    }

    private static LdeCommitment build(long[][] columns, CosetExtender extender, int blowup, int parts,
            HashAlgorithm hash) {
        int width = columns.length;
        int size = extender.extendedLength();
        int partRows = size / parts;
        long[][] values = new long[width][];
        // One column per task: each worker's transforms then stay inside one array.
        Parallel.forChunks(width, Parallel.parallelism(), () -> null, (ignored, c) -> {
            long[] out = new long[size + blowup];
            extender.extendInto(columns[c], out);
            System.arraycopy(out, 0, out, size, blowup);
            values[c] = out;
        });
        long[][] hashed = new long[width * parts][];
        int[] offsets = new int[width * parts];
        for (int t = 0; t < parts; t++) {
            for (int c = 0; c < width; c++) {
                hashed[t * width + c] = values[c];
                offsets[t * width + c] = t * partRows;
            }
        }
        MerkleTree tree = MerkleTree.commit(hash, hashed, offsets, partRows, 1);
        return new LdeCommitment(width, parts, partRows, values, tree);
    }

    /** The number of columns. */
    int width() {
        return width;
    }

    /** The root of the commitment. */
    byte[] root() {
        return tree.root();
    }

    /** The N values of column c on the coset and the {@code blowup} that repeat its first ones. */
    long[] column(int column) {
        return values[column];
    }

    /** The values of leaf r in leaf order: part 0 of every column, then part 1, ... */
    long[] leaf(int r) {
        long[] out = new long[parts * width];
        for (int t = 0; t < parts; t++) {
            for (int c = 0; c < width; c++) {
                out[t * width + c] = values[c][t * partRows + r];
            }
        }
        return out;
    }

    /** The siblings that open the distinct, increasing leaves {@code rows}. */
    byte[][] open(int[] rows) {
        return MerkleBatch.open(tree, rows);
    }
}
