package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.poly.TwoAdic;

/**
 * The commitment to the first FRI layer: GF(p²) evaluations {@code c0[i] + c1[i]·x} on the coset
 * {@code 7·⟨ω_N⟩} (natural order, as {@code LowDegreeExtension} produces them), committed in
 * rows of k values that fold together (see {@link FriLayout}). Its {@link #root()} is what the
 * verifier receives; the prover keeps the rest to answer queries.
 */
public final class FriCommitment {
    private final FriLayout layout;
    private final HashAlgorithm algorithm;
    private final long[][] columns;
    private final MerkleTree tree;

    private FriCommitment(FriLayout layout, HashAlgorithm algorithm, long[][] columns, MerkleTree tree) {
        this.layout = layout;
        this.algorithm = algorithm;
        this.columns = columns;
        this.tree = tree;
    }

    /**
     * Commits to the evaluations.
     *
     * @param params the FRI parameters (the folding factor fixes the leaf layout)
     * @param algorithm the Merkle hash; the transcript used to prove must use the same
     * @param c0 the constant coordinates, canonical, a power-of-two count N
     * @param c1 the coordinates of x, same length
     * @throws IllegalArgumentException on mismatched or non-canonical input, or a domain too
     *     small for the parameters
     */
    public static FriCommitment commit(FriParameters params, HashAlgorithm algorithm, long[] c0, long[] c1) {
        return commit(params, algorithm, c0, c1, -1);
    }

    /**
     * Commits to evaluations of a polynomial of degree below {@code degreeBound}, which may exceed
     * the domain's size over the blowup a little (see {@code FriVerifier.check} with a bound).
     */
    public static FriCommitment commit(FriParameters params, HashAlgorithm algorithm, long[] c0, long[] c1,
            long degreeBound) {
        if (c0.length != c1.length) {
            throw new IllegalArgumentException("coordinate arrays differ in length: " + c0.length + " vs " + c1.length);
        }
        FriLayout layout = new FriLayout(params, TwoAdic.log2(c0.length), degreeBound);
        for (int i = 0; i < c0.length; i++) {
            if (!Goldilocks.isCanonical(c0[i]) || !Goldilocks.isCanonical(c1[i])) {
                throw new IllegalArgumentException("non-canonical evaluation at index " + i);
            }
        }
        long[][] columns = toRows(c0, c1, params.foldingFactor());
        return new FriCommitment(layout, algorithm, columns, MerkleTree.commit(algorithm, columns, columns[0].length));
    }

    /** Splits natural-order values into 2k columns: column 2t (c0) and 2t+1 (c1) hold indices t·R .. t·R+R-1. */
    static long[][] toRows(long[] c0, long[] c1, int k) {
        int rows = c0.length / k;
        long[][] out = new long[2 * k][];
        for (int t = 0; t < k; t++) {
            out[2 * t] = java.util.Arrays.copyOfRange(c0, t * rows, (t + 1) * rows);
            out[2 * t + 1] = java.util.Arrays.copyOfRange(c1, t * rows, (t + 1) * rows);
        }
        return out;
    }

    /** The 32-byte Merkle root. */
    public byte[] root() {
        return tree.root();
    }

    /** log2 of the number of committed evaluations. */
    public int logDomainSize() {
        return layout.logDomainSize();
    }

    /** The Merkle hash. */
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** The parameters. */
    public FriParameters params() {
        return layout.params();
    }

    FriLayout layout() {
        return layout;
    }

    long[][] columns() {
        return columns;
    }

    MerkleTree tree() {
        return tree;
    }
}
