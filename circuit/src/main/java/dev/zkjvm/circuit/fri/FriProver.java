package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.Ntt;
import java.util.Arrays;

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
     * <p>Three stages over the one transcript: {@link #fold} (commit every layer, interpolate the
     * last), {@link #remainder} (refuse a final polynomial of too high a degree) and
     * {@link #answer} (grind, draw the queries, open every layer). They are package-private so
     * that soundness tests can recompose them as a cheating prover; this method is the only
     * composition in production.
     *
     * @param transcript advanced exactly as {@link FriVerifier} advances its copy; must use the
     *     commitment's hash algorithm
     * @throws IllegalArgumentException if the evaluations are not of that degree (an honest
     *     prover finds out when the remainder has too many coefficients) or the hashes differ
     */
    public static FriProof prove(FriCommitment commitment, Transcript transcript) {
        Folded folded = fold(commitment, transcript);
        return answer(folded, remainder(folded), transcript);
    }

    /**
     * The layers folded and committed, and the final layer interpolated.
     *
     * @param coefficients all coefficients of the final layer's polynomial p, interleaved
     *     {@code p_0.c0, p_0.c1, p_1.c0, ...}: as many as the final domain has points, of which
     *     only the first {@code remainderLength} may be non-zero for an honest proof
     */
    record Folded(FriLayout layout, long[][][] columns, MerkleTree[] trees, byte[][] roots, long[] coefficients) {
    }

    /**
     * Stage 1: absorbs the first root, then for every layer draws its folding challenge, folds it
     * and commits (and absorbs) the next layer's root; the last fold is interpolated instead.
     */
    static Folded fold(FriCommitment commitment, Transcript transcript) {
        if (transcript.algorithm() != commitment.algorithm()) {
            throw new IllegalArgumentException("the transcript hashes with " + transcript.algorithm()
                    + " but the commitment with " + commitment.algorithm());
        }
        FriLayout layout = commitment.layout();
        int k = layout.params().foldingFactor();
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
        return new Folded(layout, columns, trees, roots, interpolate(last[0], last[1], layout));
    }

    /**
     * Stage 2: the remainder, the first {@code remainderLength} coefficients of the final
     * polynomial, after checking that it has no others.
     *
     * @throws IllegalArgumentException if a later coefficient is non-zero: the committed
     *     evaluations were not of the claimed degree
     */
    static long[] remainder(Folded folded) {
        FriLayout layout = folded.layout();
        long[] coefficients = folded.coefficients();
        int m = layout.remainderLength();
        for (int i = 2 * m; i < coefficients.length; i++) {
            if (coefficients[i] != 0) {
                throw new IllegalArgumentException("the committed evaluations are not of degree below "
                        + layout.degreeBound());
            }
        }
        return Arrays.copyOf(coefficients, 2 * m);
    }

    /**
     * Stage 3: absorbs the remainder, grinds the proof of work, draws the queries and opens every
     * layer at them.
     */
    static FriProof answer(Folded folded, long[] remainder, Transcript transcript) {
        FriLayout layout = folded.layout();
        FriParameters params = layout.params();
        int k = params.foldingFactor();
        FriTranscript.remainder(transcript, remainder);
        long nonce = FriGrinding.find(transcript, params.grindingBits());
        FriTranscript.nonce(transcript, nonce);
        int[] queries = FriTranscript.queries(transcript, layout);

        int layers = layout.layers();
        FriLayerOpening[] openings = new FriLayerOpening[layers];
        for (int i = 0; i < layers; i++) {
            int[] rows = FriTranscript.rowsAt(queries, layout, i);
            long[][] values = new long[rows.length][2 * k];
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 2 * k; c++) {
                    values[r][c] = folded.columns()[i][c][rows[r]];
                }
            }
            openings[i] = new FriLayerOpening(values, MerkleBatch.open(folded.trees()[i], rows));
        }
        return new FriProof(layout.logDomainSize(), k, folded.roots(), remainder, nonce, openings);
    }

    /**
     * Interpolates the final values on the coset {@code s·⟨ω⟩} into the coefficients of p,
     * interleaved. Interpolation gives the coefficients {@code q_i = p_i·s^i} of {@code p(s·X)};
     * dividing by {@code s^i} recovers p.
     */
    private static long[] interpolate(long[] c0, long[] c1, FriLayout layout) {
        Ntt.inverse(c0);
        Ntt.inverse(c1);
        long sInv = Goldilocks.inverse(layout.shift(layout.layers()));
        long[] out = new long[2 * c0.length];
        long scale = 1;
        for (int i = 0; i < c0.length; i++) {
            out[2 * i] = Goldilocks.mul(c0[i], scale);
            out[2 * i + 1] = Goldilocks.mul(c1[i], scale);
            scale = Goldilocks.mul(scale, sInv);
        }
        return out;
    }
}
