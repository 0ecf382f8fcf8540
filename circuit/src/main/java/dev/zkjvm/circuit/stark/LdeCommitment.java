package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.fri.MerkleBatch;
import dev.zkjvm.circuit.poly.LowDegreeExtension;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;

/**
 * A group of columns extended onto the evaluation coset {@code 7·⟨ω_N⟩} (N = n·blowup) and
 * committed with a {@link MerkleTree}.
 *
 * <h2>Layout</h2>
 * The N evaluations of a column are kept in k parts of {@code R = N/k} points (k the FRI folding
 * factor): part t holds the points {@code t·R .. t·R + R - 1}. Leaf r of the tree is row r of all
 * parts, {@code (part 0 of every column, part 1 of every column, ...)}, i.e. the k points
 * {@code r, r + R, ..., r + (k-1)·R} that FRI folds together. A FRI query therefore opens exactly
 * one leaf of each commitment, and the k values it needs come with one path.
 *
 * <p>Each part carries {@code blowup} extra entries, a copy of the start of the next part (the
 * last part wraps to the first): the trace's next row is {@code blowup} points further on the
 * coset, so a block of points of one part can be evaluated with its next-row values in place.
 */
final class LdeCommitment {
    private final int width;
    private final int parts;
    private final int partRows;
    /** {@code values[column][t]}, each of length {@code partRows + blowup}. */
    private final long[][][] values;
    private final MerkleTree tree;

    private LdeCommitment(int width, int parts, int partRows, long[][][] values, MerkleTree tree) {
        this.width = width;
        this.parts = parts;
        this.partRows = partRows;
        this.values = values;
        this.tree = tree;
    }

    /** Extends columns given by their n evaluations on the trace domain, then commits. */
    static LdeCommitment ofEvaluations(long[][] columns, int blowup, int parts, HashAlgorithm hash) {
        return build(columns, blowup, parts, hash, true);
    }

    /** Evaluates polynomials given by n coefficients each on the coset, then commits. */
    static LdeCommitment ofCoefficients(long[][] coefficients, int blowup, int parts, HashAlgorithm hash) {
        return build(coefficients, blowup, parts, hash, false);
    }

    private static LdeCommitment build(long[][] columns, int blowup, int parts, HashAlgorithm hash,
            boolean fromEvaluations) {
        int width = columns.length;
        int n = columns[0].length;
        int size = n * blowup;
        int partRows = size / parts;
        long[][][] values = new long[width][][];
        // One column per task: the extension allocates N longs, which are split and dropped at once.
        Parallel.forChunks(width, Parallel.parallelism(), () -> null, (ignored, c) -> {
            long[] big = fromEvaluations
                    ? LowDegreeExtension.extend(columns[c], blowup)
                    : LowDegreeExtension.extendCoefficients(columns[c], blowup, TwoAdic.GENERATOR);
            long[][] split = new long[parts][partRows + blowup];
            for (int t = 0; t < parts; t++) {
                System.arraycopy(big, t * partRows, split[t], 0, partRows);
            }
            for (int t = 0; t < parts; t++) {
                long[] nextPart = split[(t + 1) % parts];
                System.arraycopy(nextPart, 0, split[t], partRows, blowup);
            }
            values[c] = split;
        });
        long[][] hashed = new long[width * parts][];
        for (int t = 0; t < parts; t++) {
            for (int c = 0; c < width; c++) {
                hashed[t * width + c] = values[c][t];
            }
        }
        MerkleTree tree = MerkleTree.commit(hash, hashed, partRows);
        return new LdeCommitment(width, parts, partRows, values, tree);
    }

    /** The number of columns. */
    int width() {
        return width;
    }

    /** The points per part, {@code R = N / k}, which is also the number of leaves. */
    int partRows() {
        return partRows;
    }

    /** The root of the commitment. */
    byte[] root() {
        return tree.root();
    }

    /** Part t of column c (length {@code R + blowup}; see the class comment). */
    long[] part(int column, int t) {
        return values[column][t];
    }

    /** The values of leaf r in leaf order: part 0 of every column, then part 1, ... */
    long[] leaf(int r) {
        long[] out = new long[parts * width];
        for (int t = 0; t < parts; t++) {
            for (int c = 0; c < width; c++) {
                out[t * width + c] = values[c][t][r];
            }
        }
        return out;
    }

    /** The siblings that open the distinct, increasing leaves {@code rows}. */
    byte[][] open(int[] rows) {
        return MerkleBatch.open(tree, rows);
    }
}
