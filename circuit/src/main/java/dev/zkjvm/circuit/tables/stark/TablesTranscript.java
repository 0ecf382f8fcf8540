package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.logup.BusChallenges;
import java.nio.charset.StandardCharsets;

/**
 * The Fiat-Shamir schedule of the multi-table STARK, shared by prover and verifier:
 * <ol>
 *   <li>the statement: proof version, whether it is zero-knowledge, system description, every table's height, the parameters,
 *       the public tuples, the preprocessed root (verifying key) and the other FIXED columns' root;</li>
 *   <li>the MAIN root (every table's MAIN columns), then the bus challenges α, β;</li>
 *   <li>the AUX root and every table's share, then the composition challenge λ;</li>
 *   <li>the composition root, then the out-of-domain point z (outside every table's trace domain
 *       and coset);</li>
 *   <li>every out-of-domain value, then γ (column weights), δ (next-row weight) and μ (table
 *       weights);</li>
 *   <li>then FRI's own schedule.</li>
 * </ol>
 */
final class TablesTranscript {
    static final String DOMAIN = "zkjvm/tables/stark/";

    private TablesTranscript() {
    }

    static Transcript begin(SystemShape shape, PublicTuples publicTuples, byte[] preprocessedRoot, byte[] fixedRoot) {
        StarkConfig config = shape.config;
        Transcript t = new Transcript(DOMAIN + shape.system.name(), config.hash());
        t.absorbLong("tables/version", TableProof.VERSION);
        t.absorbLong("tables/zero-knowledge", shape.hiding.on ? 1 : 0);
        t.absorbBytes("tables/system", shape.system.describe().getBytes(StandardCharsets.UTF_8));
        for (TableShape ts : shape.tables) {
            t.absorbLong("tables/log-height", ts.logRows);
        }
        t.absorbLong("tables/blowup", config.fri().blowup());
        t.absorbLong("tables/folding", config.fri().foldingFactor());
        t.absorbLong("tables/queries", shape.fri.queries());
        t.absorbLong("tables/grinding", config.fri().grindingBits());
        t.absorbLong("tables/remainder", config.fri().remainderMaxDegree());
        t.absorbBytes("tables/hash", config.hash().name().getBytes(StandardCharsets.UTF_8));
        t.absorbField("tables/public", publicTuples.encode());
        if (preprocessedRoot != null) {
            t.absorbRoot("tables/preprocessed-root", preprocessedRoot);
        }
        if (fixedRoot != null) {
            t.absorbRoot("tables/fixed-root", fixedRoot);
        }
        return t;
    }

    static BusChallenges mainRoot(Transcript t, byte[] root) {
        t.absorbRoot("tables/main-root", root);
        return BusChallenges.draw(t);
    }

    static Ext2 auxRoot(Transcript t, byte[] root, Ext2[] shares) {
        if (root != null) {
            t.absorbRoot("tables/aux-root", root);
        }
        long[] values = new long[2 * shares.length];
        for (int i = 0; i < shares.length; i++) {
            values[2 * i] = shares[i].c0();
            values[2 * i + 1] = shares[i].c1();
        }
        t.absorbField("tables/shares", values);
        return t.challengeExt("tables/composition-lambda");
    }

    /** Absorbs the composition root and draws z, redrawn while it lies in some table's domains. */
    static Ext2 compositionRoot(Transcript t, byte[] root, SystemShape shape) {
        t.absorbRoot("tables/composition-root", root);
        while (true) {
            Ext2 z = t.challengeExt("tables/ood-point");
            boolean bad = false;
            for (TableShape ts : shape.tables) {
                int logCoset = Integer.numberOfTrailingZeros(ts.ldeSize);
                long cosetPower = Goldilocks.pow(TwoAdic.GENERATOR, 1L << logCoset);
                bad |= z.pow(1L << ts.logRows).equals(Ext2.ONE) || z.pow(1L << logCoset).equals(Ext2.of(cosetPower));
            }
            if (!bad) {
                return z;
            }
        }
    }

    /** Absorbs the out-of-domain values of every table; draws γ, δ and μ. */
    static Ext2[] oodValues(Transcript t, long[][] ood) {
        for (long[] values : ood) {
            t.absorbField("tables/ood-values", values);
        }
        return new Ext2[] {t.challengeExt("tables/deep-gamma"), t.challengeExt("tables/deep-delta"),
            t.challengeExt("tables/table-mu")};
    }
}
