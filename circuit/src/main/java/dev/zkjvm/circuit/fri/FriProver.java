package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.Ntt;

/**
 * The FRI prover: folds the committed layer down to a small remainder, committing every
 * intermediate layer, grinds the proof of work and answers the queries.
 *
 * <pre>
 *   FriCommitment c = FriCommitment.commit(params, HashAlgorithm.SHA256, c0, c1);
 *   FriProof proof = FriProver.prove(c, transcript);       // transcript advanced
 *   FriVerifier.verify(params, c.root(), c.logDomainSize(), proof, verifierTranscript);
 * </pre>
 */
public final class FriProver {
    private FriProver() {
    }

    /**
     * Proves that the committed evaluations are those of a polynomial of degree below
     * {@code N / blowup}.
     *
     * @param transcript advanced exactly as {@link FriVerifier} advances its copy; must use the
     *     commitment's hash algorithm
     * @throws IllegalArgumentException if the evaluations are not of that degree (an honest
     *     prover finds out when the remainder has too many coefficients) or the hashes differ
     */
    public static FriProof prove(FriCommitment commitment, Transcript transcript) {
        return prove(commitment, transcript, false);
    }

    /**
     * As {@link #prove(FriCommitment, Transcript)}, optionally as a cheating prover would: for
     * soundness tests of FRI and of protocols built on it, never for real proofs.
     *
     * @param truncateRemainder drop the remainder's excess coefficients instead of refusing: lets
     *     tests play a cheating prover against the verifier
     */
    public static FriProof prove(FriCommitment commitment, Transcript transcript, boolean truncateRemainder) {
        if (transcript.algorithm() != commitment.algorithm()) {
            throw new IllegalArgumentException("the transcript hashes with " + transcript.algorithm()
                    + " but the commitment with " + commitment.algorithm());
        }
        FriLayout layout = commitment.layout();
        FriParameters params = layout.params();
        int k = params.foldingFactor();
        int layers = layout.layers();
        long[][][] columns = new long[layers][][];
        MerkleTree[] trees = new MerkleTree[layers];
        columns[0] = commitment.columns();
        trees[0] = commitment.tree();
        byte[][] roots = new byte[layers - 1][];
        FriTranscript.begin(transcript, layout, trees[0].root());

        long[][] last = null;
        for (int i = 0; i < layers; i++) {
            Ext2 alpha = FriTranscript.foldingChallenge(transcript);
            if (i + 1 < layers) {
                int rows = layout.rows(i + 1);
                long[][] next = new long[2 * k][rows];
                FriFolding.foldLayer(columns[i], k, layout.logSize(i), layout.shift(i), alpha, next, rows);
                columns[i + 1] = next;
                trees[i + 1] = MerkleTree.commit(commitment.algorithm(), next, rows);
                roots[i] = trees[i + 1].root();
                FriTranscript.layerRoot(transcript, roots[i]);
            } else {
                int size = layout.finalDomainSize();
                last = new long[][] {new long[size], new long[size]};
                FriFolding.foldLayer(columns[i], k, layout.logSize(i), layout.shift(i), alpha, last, size);
            }
        }

        long[] remainder = remainder(last[0], last[1], layout, truncateRemainder);
        FriTranscript.remainder(transcript, remainder);
        long nonce = FriGrinding.find(transcript, params.grindingBits());
        FriTranscript.nonce(transcript, nonce);
        int[] queries = FriTranscript.queries(transcript, layout);

        FriLayerOpening[] openings = new FriLayerOpening[layers];
        for (int i = 0; i < layers; i++) {
            int[] rows = FriTranscript.rowsAt(queries, layout, i);
            long[][] values = new long[rows.length][2 * k];
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 2 * k; c++) {
                    values[r][c] = columns[i][c][rows[r]];
                }
            }
            openings[i] = new FriLayerOpening(values, MerkleBatch.open(trees[i], rows));
        }
        return new FriProof(layout.logDomainSize(), k, roots, remainder, nonce, openings);
    }

    /**
     * Interpolates the final values on the coset {@code s·⟨ω⟩} and returns the first
     * {@code remainderLength} coefficients, interleaved. Interpolation gives the coefficients
     * {@code q_i = p_i·s^i} of {@code p(s·X)}; dividing by {@code s^i} recovers p.
     */
    private static long[] remainder(long[] c0, long[] c1, FriLayout layout, boolean truncate) {
        Ntt.inverse(c0);
        Ntt.inverse(c1);
        int m = layout.remainderLength();
        for (int i = m; i < c0.length; i++) {
            if ((c0[i] | c1[i]) != 0 && !truncate) {
                throw new IllegalArgumentException("the committed evaluations are not of degree below "
                        + (1L << (layout.logDomainSize() - layout.params().logBlowup())));
            }
        }
        long sInv = Goldilocks.inverse(layout.shift(layout.layers()));
        long[] out = new long[2 * m];
        long scale = 1;
        for (int i = 0; i < m; i++) {
            out[2 * i] = Goldilocks.mul(c0[i], scale);
            out[2 * i + 1] = Goldilocks.mul(c1[i], scale);
            scale = Goldilocks.mul(scale, sInv);
        }
        return out;
    }
}
