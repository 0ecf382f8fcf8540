package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.Hasher;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.Polynomial;
import java.util.Arrays;

/**
 * The FRI verifier. It needs only the proof, the root of the first layer, the parameters, the
 * domain size and the transcript in the state the prover started from; the Merkle hash is the
 * transcript's. The structure of the proof (layer count, remainder length, which rows are opened)
 * is derived from these, never taken from the proof.
 *
 * <p>Checks, in order: the shape; the proof of work on the transcript after the remainder; each
 * layer's opened rows against its root; for every query, that each fold lands on the value the
 * next layer opened and that the last fold equals the remainder polynomial at that point. The
 * remainder has exactly {@code N / (blowup·k^L)} coefficients, which is the degree check.
 */
public final class FriVerifier {
    private FriVerifier() {
    }

    /**
     * Whether the proof is accepted. Never throws on a bad proof.
     *
     * @throws IllegalArgumentException if the parameters and domain size do not describe an
     *     instance (a caller error, not a property of the proof)
     */
    public static boolean verify(FriParameters params, byte[] initialRoot, int logDomainSize, FriProof proof,
            Transcript transcript) {
        try {
            check(params, initialRoot, logDomainSize, proof, transcript);
            return true;
        } catch (InvalidFriProofException e) {
            return false;
        }
    }

    /**
     * Verifies the proof, advancing {@code transcript} as the prover did. A prover that needs the
     * query positions (to open other commitments at them) can run this on its own proof with a
     * copy of its starting transcript.
     *
     * @return the opened values of the first layer, which the caller must tie to its own data
     *
     * @throws InvalidFriProofException with the reason, if the proof is rejected
     * @throws IllegalArgumentException if the parameters and domain size do not describe an instance
     */
    public static FriQueries check(FriParameters params, byte[] initialRoot, int logDomainSize, FriProof proof,
            Transcript transcript) throws InvalidFriProofException {
        return check(params, initialRoot, logDomainSize, -1, proof, transcript);
    }

    /**
     * {@link #check} for polynomials of degree below {@code degreeBound} rather than the domain's size
     * over the blowup: the remainder then carries {@code ceil(degreeBound / k^layers)} coefficients.
     * Soundness is that of the code of this dimension on the domain (rate {@code degreeBound / N}).
     *
     * @param degreeBound the bound (exclusive), or -1 for the domain's size over the blowup
     */
    public static FriQueries check(FriParameters params, byte[] initialRoot, int logDomainSize, long degreeBound,
            FriProof proof, Transcript transcript) throws InvalidFriProofException {
        FriLayout layout = new FriLayout(params, logDomainSize, degreeBound);
        if (initialRoot.length != Hasher.DIGEST_SIZE) {
            throw new IllegalArgumentException("a root has " + Hasher.DIGEST_SIZE + " bytes");
        }
        int k = params.foldingFactor();
        int layers = layout.layers();
        checkShape(proof, layout);

        Ext2[] alphas = new Ext2[layers];
        int[] queries = replay(params, layout, initialRoot, proof, transcript, alphas, true);

        HashAlgorithm algorithm = transcript.algorithm();
        int[][] rowIndex = new int[layers][];
        for (int i = 0; i < layers; i++) {
            rowIndex[i] = FriTranscript.rowsAt(queries, layout, i);
            FriLayerOpening o = proof.openings()[i];
            if (o.rows().length != rowIndex[i].length) {
                throw new InvalidFriProofException("layer " + i + " opens " + o.rows().length + " rows, expected " + rowIndex[i].length);
            }
            byte[][] digests = new byte[o.rows().length][];
            for (int r = 0; r < digests.length; r++) {
                if (o.rows()[r].length != 2 * k) {
                    throw new InvalidFriProofException("layer " + i + " row of wrong width");
                }
                digests[r] = MerkleTree.leafHash(algorithm, o.rows()[r]);
            }
            byte[] root = i == 0 ? initialRoot : proof.layerRoots()[i - 1];
            int depth = layout.logSize(i) - params.logFoldingFactor();
            if (!MerkleBatch.verify(algorithm, root, depth, rowIndex[i], digests, o.siblings())) {
                throw new InvalidFriProofException("layer " + i + " openings do not match its root");
            }
        }

        FriFolding.Twiddles twiddles = FriFolding.Twiddles.of(k);
        long[] scratch = new long[2 * k];
        long[] rem = proof.remainderInterleaved();
        long[] rem0 = new long[rem.length / 2];
        long[] rem1 = new long[rem.length / 2];
        for (int i = 0; i < rem0.length; i++) {
            rem0[i] = rem[2 * i];
            rem1[i] = rem[2 * i + 1];
        }
        long[] folded = new long[2];
        for (int q : queries) {
            for (int i = 0; i < layers; i++) {
                int j = q & (layout.rows(i) - 1);
                long[] row = proof.openings()[i].rows()[Arrays.binarySearch(rowIndex[i], j)];
                if (i > 0) {
                    // The previous fold produced the value at index prev of this layer's domain,
                    // stored in row (prev mod rows) and value slot prev / rows.
                    int prev = q & (layout.rows(i - 1) - 1);
                    int slot = prev / layout.rows(i);
                    if (row[2 * slot] != folded[0] || row[2 * slot + 1] != folded[1]) {
                        throw new InvalidFriProofException("layer " + i + " disagrees with the fold of layer " + (i - 1));
                    }
                }
                long xInv = Goldilocks.inverse(layout.point(i, j));
                FriFolding.foldRow(row, k, twiddles, xInv, alphas[i].c0(), alphas[i].c1(), scratch, folded);
            }
            int index = q & (layout.rows(layers - 1) - 1);
            Ext2 expected = Polynomial.evaluate(rem0, rem1, Ext2.of(layout.point(layers, index)));
            if (expected.c0() != folded[0] || expected.c1() != folded[1]) {
                throw new InvalidFriProofException("the last fold disagrees with the remainder polynomial");
            }
        }
        return firstLayer(layout, rowIndex[0], proof.openings()[0].rows(), FriTranscript.positions(queries));
    }

    /**
     * The distinct layer-0 rows that the queries of {@code proof} open, increasing, derived by
     * replaying the transcript as {@link #check} does but without checking anything: for a prover
     * that must open its other commitments at the same rows (it made the proof, so there is nothing
     * to check).
     */
    public static int[] queriedRows(FriParameters params, byte[] initialRoot, int logDomainSize, FriProof proof,
            Transcript transcript) {
        return queriedRows(params, initialRoot, logDomainSize, -1, proof, transcript);
    }

    /** {@link #queriedRows} of an instance with an explicit degree bound (see {@link #check}). */
    public static int[] queriedRows(FriParameters params, byte[] initialRoot, int logDomainSize, long degreeBound,
            FriProof proof, Transcript transcript) {
        FriLayout layout = new FriLayout(params, logDomainSize, degreeBound);
        return FriTranscript.rowsAt(replayUnchecked(params, layout, initialRoot, proof, transcript), layout, 0);
    }

    /**
     * The distinct query points of {@code proof} (layer-0 domain indices, increasing), replayed as
     * {@link #queriedRows} does: for a prover that opens its other commitments at single points.
     */
    public static int[] queriedPositions(FriParameters params, byte[] initialRoot, int logDomainSize,
            long degreeBound, FriProof proof, Transcript transcript) {
        FriLayout layout = new FriLayout(params, logDomainSize, degreeBound);
        return FriTranscript.positions(replayUnchecked(params, layout, initialRoot, proof, transcript));
    }

    private static int[] replayUnchecked(FriParameters params, FriLayout layout, byte[] initialRoot, FriProof proof,
            Transcript transcript) {
        try {
            return replay(params, layout, initialRoot, proof, transcript, new Ext2[layout.layers()], false);
        } catch (InvalidFriProofException e) {
            throw new IllegalStateException("unreachable: nothing is checked", e);
        }
    }

    /** Absorbs the proof's commitments into the transcript, fills the folding challenges, returns the queries. */
    private static int[] replay(FriParameters params, FriLayout layout, byte[] initialRoot, FriProof proof,
            Transcript transcript, Ext2[] alphas, boolean checkWork) throws InvalidFriProofException {
        int layers = layout.layers();
        FriTranscript.begin(transcript, layout, initialRoot);
        for (int i = 0; i < layers; i++) {
            alphas[i] = FriTranscript.foldingChallenge(transcript);
            if (i + 1 < layers) {
                FriTranscript.layerRoot(transcript, proof.layerRoots()[i]);
            }
        }
        FriTranscript.remainder(transcript, proof.remainderInterleaved());
        if (checkWork && !FriGrinding.check(transcript, params.grindingBits(), proof.nonce())) {
            throw new InvalidFriProofException("proof-of-work nonce does not meet " + params.grindingBits() + " bits");
        }
        FriTranscript.nonce(transcript, proof.nonce());
        return FriTranscript.queries(transcript, layout);
    }

    private static FriQueries firstLayer(FriLayout layout, int[] rows, long[][] values, int[] positions) {
        int k = layout.foldingFactor();
        int stride = layout.rows(0);
        int[] indices = new int[rows.length * k];
        long[] c0 = new long[indices.length];
        long[] c1 = new long[indices.length];
        for (int r = 0; r < rows.length; r++) {
            for (int t = 0; t < k; t++) {
                indices[r * k + t] = rows[r] + t * stride;
                c0[r * k + t] = values[r][2 * t];
                c1[r * k + t] = values[r][2 * t + 1];
            }
        }
        return new FriQueries(indices, c0, c1, positions);
    }

    /**
     * Checks everything about the proof's shape that the parameters and the domain size alone fix,
     * without hashing anything: the domain, the folding factor, the layer count, the roots, the
     * remainder's length, and per layer between 1 and {@code queries} opened rows of the right
     * width with at most as many siblings as their paths have nodes. {@link #check} starts with
     * it; a caller that must do expensive work before {@link #check} can run it first.
     *
     * @throws InvalidFriProofException with the reason, if the shape is wrong (including a domain
     *     size that the parameters cannot fold)
     */
    public static void checkShape(FriParameters params, int logDomainSize, FriProof proof)
            throws InvalidFriProofException {
        FriLayout layout;
        try {
            layout = new FriLayout(params, logDomainSize);
        } catch (IllegalArgumentException e) {
            throw new InvalidFriProofException("no FRI instance for this domain: " + e.getMessage());
        }
        checkShape(proof, layout);
    }

    private static void checkShape(FriProof proof, FriLayout layout) throws InvalidFriProofException {
        if (proof.logDomainSize() != layout.logDomainSize()) {
            throw new InvalidFriProofException("proof is for a domain of size 2^" + proof.logDomainSize());
        }
        if (proof.foldingFactor() != layout.foldingFactor()) {
            throw new InvalidFriProofException("proof folds by " + proof.foldingFactor());
        }
        if (proof.layerCount() != layout.layers() || proof.layerRoots().length != layout.layers() - 1) {
            throw new InvalidFriProofException("proof has " + proof.layerCount() + " layers, expected " + layout.layers());
        }
        for (byte[] r : proof.layerRoots()) {
            if (r.length != Hasher.DIGEST_SIZE) {
                throw new InvalidFriProofException("layer root of wrong length");
            }
        }
        if (proof.remainderInterleaved().length != 2 * layout.remainderLength()) {
            throw new InvalidFriProofException("remainder has " + proof.remainderInterleaved().length / 2
                    + " coefficients, the degree bound allows " + layout.remainderLength());
        }
        int queries = layout.params().queries();
        int k = layout.foldingFactor();
        for (int i = 0; i < layout.layers(); i++) {
            FriLayerOpening o = proof.openings()[i];
            int rows = o.rows().length;
            if (rows < 1 || rows > Math.min(queries, layout.rows(i))) {
                throw new InvalidFriProofException("layer " + i + " opens " + rows + " rows, expected 1 to "
                        + Math.min(queries, layout.rows(i)));
            }
            for (long[] row : o.rows()) {
                if (row.length != 2 * k) {
                    throw new InvalidFriProofException("layer " + i + " row of wrong width");
                }
            }
            long depth = layout.logSize(i) - layout.params().logFoldingFactor();
            if (o.siblings().length > rows * depth) {
                throw new InvalidFriProofException("layer " + i + " sends " + o.siblings().length
                        + " siblings, its rows' paths have at most " + rows * depth);
            }
        }
    }
}
