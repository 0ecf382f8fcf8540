package dev.zkjvm.circuit.tables.logup;

import dev.zkjvm.circuit.air.ExtColumn;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Ext2Arrays;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.Interaction;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.circuit.witness.ArgumentColumns;
import java.util.List;

/**
 * Fills one table's LogUp columns: each helper {@code g_j = Σ_{i∈j} ±m_i/(α - f_i)} row by row
 * (the denominators of a row range inverted in one batch), then the running sum
 * {@code s[r] = Σ_{r' ≤ r} Σ_j g_j[r']}.
 */
final class RunningSums {
    private static final int GRAIN = 1 << 14;

    private RunningSums() {
    }

    /**
     * @param columns the table's columns followed by room for the LogUp columns (null entries),
     *     indexed like {@link TableAir#columns()}; filled in place
     * @return the table's share {@code s[n-1]} (zero without interactions)
     * @throws IllegalStateException if some denominator is zero (a negligible event for random α)
     */
    static Ext2 fill(TableAir air, long[][] columns, int n, BusChallenges challenges) {
        if (air.runningSum() == null) {
            return Ext2.ZERO;
        }
        for (int j = 0; j < air.helpers().size(); j++) {
            fillHelper(air.groups().get(j), air.helpers().get(j), columns, n, challenges);
        }
        ExtColumn s = air.runningSum();
        long[] s0 = new long[n];
        long[] s1 = new long[n];
        long acc0 = 0;
        long acc1 = 0;
        for (int r = 0; r < n; r++) {
            for (ExtColumn g : air.helpers()) {
                acc0 = Goldilocks.add(acc0, columns[g.c0().index()][r]);
                acc1 = Goldilocks.add(acc1, columns[g.c1().index()][r]);
            }
            s0[r] = acc0;
            s1[r] = acc1;
        }
        columns[s.c0().index()] = s0;
        columns[s.c1().index()] = s1;
        return new Ext2(acc0, acc1);
    }

    private static void fillHelper(List<Interaction> group, ExtColumn g, long[][] columns, int n,
            BusChallenges challenges) {
        int k = group.size();
        long[][] m = new long[k][];
        long[][][] tuple = new long[k][][];
        for (int i = 0; i < k; i++) {
            Interaction in = group.get(i);
            m[i] = ArgumentColumns.baseValues(in.multiplicity(), columns, n);
            tuple[i] = new long[in.tuple().size()][];
            for (int f = 0; f < tuple[i].length; f++) {
                tuple[i][f] = ArgumentColumns.baseValues(in.tuple().get(f), columns, n);
            }
        }
        Ext2[] betaPowers = new Ext2[group.stream().mapToInt(in -> in.bus().width()).max().orElse(0) + 1];
        betaPowers[0] = Ext2.ONE;
        for (int p = 1; p < betaPowers.length; p++) {
            betaPowers[p] = betaPowers[p - 1].mul(challenges.beta());
        }
        long[] g0 = new long[n];
        long[] g1 = new long[n];
        Ext2 alpha = challenges.alpha();
        Parallel.forRange(n, GRAIN, (from, to) -> {
            int len = to - from;
            long[] d0 = new long[len];
            long[] d1 = new long[len];
            for (int i = 0; i < k; i++) {
                Interaction in = group.get(i);
                // D = α - (b + 1) - Σ_f β^(f+1)·t_f; t_f are base values
                long c0 = Goldilocks.sub(alpha.c0(), in.bus().index() + 1);
                for (int r = 0; r < len; r++) {
                    long a0 = c0;
                    long a1 = alpha.c1();
                    for (int f = 0; f < tuple[i].length; f++) {
                        long t = tuple[i][f][from + r];
                        a0 = Goldilocks.sub(a0, Goldilocks.mul(betaPowers[f + 1].c0(), t));
                        a1 = Goldilocks.sub(a1, Goldilocks.mul(betaPowers[f + 1].c1(), t));
                    }
                    if (a0 == 0 && a1 == 0) {
                        throw new IllegalStateException("interaction " + in.name() + " row " + (from + r)
                                + ": its LogUp denominator is zero for these challenges");
                    }
                    d0[r] = a0;
                    d1[r] = a1;
                }
                Ext2Arrays.batchInverseInPlace(d0, d1, 0, len);
                boolean send = in.direction() == Direction.SEND;
                for (int r = 0; r < len; r++) {
                    long mv = send ? m[i][from + r] : Goldilocks.neg(m[i][from + r]);
                    g0[from + r] = Goldilocks.add(g0[from + r], Goldilocks.mul(d0[r], mv));
                    g1[from + r] = Goldilocks.add(g1[from + r], Goldilocks.mul(d1[r], mv));
                }
            }
        });
        columns[g.c0().index()] = g0;
        columns[g.c1().index()] = g1;
    }
}
