package dev.zkjvm.circuit.tables.logup;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.tables.Bus;

/**
 * The two LogUp challenges of a table system, in GF(p²), drawn after every table's MAIN columns
 * are committed.
 *
 * <p>A tuple t on bus b is fingerprinted as {@code f = (b + 1) + Σ_k β^(k+1)·t_k}: a polynomial in β
 * whose coefficients are the bus number and the tuple, so two different (bus, tuple) pairs share a
 * fingerprint only if β is a root of their difference (degree at most the widest bus). An
 * interaction contributes {@code ±m/(α - f)}.
 *
 * @param alpha α, the pole
 * @param beta β, the compression
 */
public record BusChallenges(Ext2 alpha, Ext2 beta) {
    /** Transcript labels. */
    static final String ALPHA = "tables/logup-alpha";
    static final String BETA = "tables/logup-beta";

    /** Draws α then β from the transcript. */
    public static BusChallenges draw(Transcript t) {
        return new BusChallenges(t.challengeExt(ALPHA), t.challengeExt(BETA));
    }

    /** {@code α - f} for a tuple of base values on bus {@code bus}. */
    public Ext2 denominator(Bus bus, long[] tuple) {
        Ext2 f = Ext2.of(bus.index() + 1);
        Ext2 power = beta;
        for (long v : tuple) {
            f = f.add(power.mul(v));
            power = power.mul(beta);
        }
        return alpha.sub(f);
    }
}
