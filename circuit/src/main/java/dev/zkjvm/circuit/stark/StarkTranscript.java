package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.TwoAdic;
import java.nio.charset.StandardCharsets;

/**
 * The Fiat-Shamir schedule of the STARK, one method per step, shared by prover and verifier:
 * <ol>
 *   <li>the instance: proof version, system description (which holds the program's digest), trace
 *       length, parameters and hash. The root of the FIXED columns (the verifying key) is not
 *       absorbed: it is a function of exactly these (the description fixes every FIXED column's
 *       contents, the rest fixes their extension and tree), so absorbing it would bind nothing more,
 *       and leaving it out lets the verifier replay the transcript and check FRI before it spends
 *       the one expensive step of deriving the key. The FIXED openings are still checked against the
 *       verifier's own root;</li>
 *   <li>the MAIN root, then the system's challenges (lookups, permutations);</li>
 *   <li>the AUX root, then the composition challenge α;</li>
 *   <li>the composition root, then the out-of-domain point z;</li>
 *   <li>every opened value at z and z·ω, then the DEEP challenges: one weight per column, and δ;</li>
 *   <li>then FRI (its own schedule, starting from the DEEP commitment).</li>
 * </ol>
 */
final class StarkTranscript {
    static final String DOMAIN = "zkjvm/stark/";

    private StarkTranscript() {
    }

    static Transcript begin(ConstraintSystem system, int logRows, StarkConfig config) {
        Transcript t = new Transcript(DOMAIN + system.name(), config.hash());
        t.absorbLong("stark/version", StarkProof.VERSION);
        t.absorbBytes("stark/system", system.describe().getBytes(StandardCharsets.UTF_8));
        t.absorbLong("stark/log-rows", logRows);
        t.absorbLong("stark/blowup", config.fri().blowup());
        t.absorbLong("stark/folding", config.fri().foldingFactor());
        t.absorbLong("stark/queries", config.fri().queries());
        t.absorbLong("stark/grinding", config.fri().grindingBits());
        t.absorbLong("stark/remainder", config.fri().remainderMaxDegree());
        t.absorbBytes("stark/hash", config.hash().name().getBytes(StandardCharsets.UTF_8));
        return t;
    }

    static Ext2[] mainRoot(Transcript t, ConstraintSystem system, byte[] root) {
        t.absorbRoot("stark/main-root", root);
        Ext2[] out = new Ext2[system.challenges().size()];
        for (var ch : system.challenges()) {
            out[ch.index()] = t.challengeExt(ch.name());
        }
        return out;
    }

    static Ext2 auxRoot(Transcript t, byte[] root) {
        if (root != null) {
            t.absorbRoot("stark/aux-root", root);
        }
        return t.challengeExt("stark/composition-alpha");
    }

    /**
     * Absorbs the composition root and draws z, outside the trace domain and the evaluation coset
     * (redrawn in the negligible event that it is not, identically on both sides).
     */
    static Ext2 compositionRoot(Transcript t, byte[] root, int logRows, int logDomain) {
        t.absorbRoot("stark/composition-root", root);
        long cosetPower = Goldilocks.pow(TwoAdic.GENERATOR, 1L << logDomain);
        while (true) {
            Ext2 z = t.challengeExt("stark/ood-point");
            boolean inTraceDomain = z.pow(1L << logRows).equals(Ext2.ONE);
            boolean inCoset = z.pow(1L << logDomain).equals(Ext2.of(cosetPower));
            if (!inTraceDomain && !inCoset) {
                return z;
            }
        }
    }

    /**
     * The DEEP composition's challenges: one weight per combined column (system columns by index,
     * then composition columns) as two coordinate arrays, and δ, the weight of the z·ω term.
     */
    record DeepChallenges(long[][] weights, Ext2 delta) {
    }

    /**
     * Absorbs the out-of-domain values and draws the DEEP challenges: {@code columns} independent
     * weights rather than the powers of one γ, so that the batching step's soundness error is that
     * of a random linear combination (|D|/|F|), not of a curve of degree {@code columns - 1}
     * ({@code (columns - 1)·|D|/|F|}), which is what lets the provable level reach 100 bits (see
     * {@link StarkConfig}).
     */
    static DeepChallenges oodValues(Transcript t, long[] interleaved, int columns) {
        t.absorbField("stark/ood-values", interleaved);
        long[] w0 = new long[columns];
        long[] w1 = new long[columns];
        for (int i = 0; i < columns; i++) {
            Ext2 w = t.challengeExt("stark/deep-weight");
            w0[i] = w.c0();
            w1[i] = w.c1();
        }
        return new DeepChallenges(new long[][] {w0, w1}, t.challengeExt("stark/deep-delta"));
    }
}
