package dev.zkjvm.circuit.tables.logup;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.PublicTuples;

/**
 * The verifier's side of the buses: the public tuples' contribution, which the verifier computes
 * itself from the statement, and the check that it cancels the tables' shares.
 *
 * <p>All buses share α and β and a fingerprint includes the bus number, so one sum covers them all:
 * {@code Σ_tables share + Σ_public ±m/(α - f) = 0}. A single table's share says nothing alone; only
 * this total is bound to zero.
 */
public final class BusBalance {
    private BusBalance() {
    }

    /** {@code Σ ±m/(α - f)} over the public tuples (+ for tuples the statement sends). */
    public static Ext2 publicValue(PublicTuples publicTuples, BusChallenges challenges) {
        Ext2 sum = Ext2.ZERO;
        for (PublicTuples.Entry e : publicTuples.entries()) {
            Ext2 term = challenges.denominator(e.bus(), e.tuple()).inverse().mul(e.multiplicity());
            sum = e.direction() == Direction.SEND ? sum.add(term) : sum.sub(term);
        }
        return sum;
    }

    /** The shares plus the public value: zero exactly when the buses balance (up to the challenges). */
    public static Ext2 imbalance(Ext2[] shares, PublicTuples publicTuples, BusChallenges challenges) {
        Ext2 sum = publicValue(publicTuples, challenges);
        for (Ext2 s : shares) {
            sum = sum.add(s);
        }
        return sum;
    }
}
