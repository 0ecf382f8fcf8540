package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.hash.Transcript;
import java.util.Arrays;

/**
 * The Fiat-Shamir schedule of FRI, one method per step, used by prover and verifier alike so that
 * both absorb and squeeze the same things in the same order:
 * instance (parameters, domain size, hash) and first root; then per layer a folding challenge
 * and the next root; the remainder; the proof-of-work nonce; the query positions.
 */
final class FriTranscript {
    private FriTranscript() {
    }

    /** Binds the parameters, the domain size and the initial commitment. */
    static void begin(Transcript t, FriLayout layout, byte[] initialRoot) {
        FriParameters p = layout.params();
        t.absorbBytes("fri/instance", new byte[] {
            (byte) FriProof.VERSION,
            (byte) p.logBlowup(), (byte) p.logFoldingFactor(), (byte) (p.queries() >>> 8), (byte) p.queries(),
            (byte) p.grindingBits(), (byte) (p.remainderMaxDegree() >>> 8), (byte) p.remainderMaxDegree(),
            (byte) layout.logDomainSize()
        });
        t.absorbRoot("fri/layer-root", initialRoot);
    }

    static Ext2 foldingChallenge(Transcript t) {
        return t.challengeExt("fri/fold");
    }

    static void layerRoot(Transcript t, byte[] root) {
        t.absorbRoot("fri/layer-root", root);
    }

    /** Absorbs the remainder coefficients, interleaved (c0, c1) per coefficient. */
    static void remainder(Transcript t, long[] interleaved) {
        t.absorbField("fri/remainder", interleaved);
    }

    /** Absorbs the accepted proof-of-work nonce. */
    static void nonce(Transcript t, long nonce) {
        t.absorbLong(FriGrinding.LABEL, nonce);
    }

    /**
     * Draws the query positions: points of layer 0's domain, in draw order (duplicates possible).
     * A position's row is its low bits ({@link #rowsAt}), so the rows are as uniform as the points.
     */
    static int[] queries(Transcript t, FriLayout layout) {
        int points = 1 << layout.logDomainSize();
        int[] q = new int[layout.params().queries()];
        for (int i = 0; i < q.length; i++) {
            // p = 1 mod 2^32, so a uniform element of GF(p) reduced modulo a power of two up to 2^30
            // is uniform up to a bias of about 2^-64.
            q[i] = (int) (t.challengeBase("fri/query") & (points - 1));
        }
        return q;
    }

    /** The distinct positions of the queries, increasing. */
    static int[] positions(int[] queries) {
        return Arrays.stream(queries).sorted().distinct().toArray();
    }

    /** The distinct rows of layer i that the queries open, increasing. */
    static int[] rowsAt(int[] queries, FriLayout layout, int layer) {
        int mask = layout.rows(layer) - 1;
        return Arrays.stream(queries).map(q -> q & mask).sorted().distinct().toArray();
    }
}
