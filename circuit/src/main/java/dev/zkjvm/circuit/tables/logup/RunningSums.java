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
 * (the denominators of a row range inverted in one batch), then the running sum, which starts at
 * zero and steps by each row's fractions (helpers and the last group's terms) minus share/n, so that
 * it returns to zero after the last row.
 */
final class RunningSums {
    private static final int GRAIN = 1 << 14;

    private RunningSums() {
    }

    /**
     * @param columns the table's columns followed by room for the LogUp columns (null entries),
     *     indexed like {@link TableAir#columns()}; filled in place
     * @throws IllegalStateException if some denominator is zero (a negligible event for random α)
     */
    static void fill(TableAir air, long[][] columns, int n, BusChallenges challenges) {
        if (air.runningSum() == null) {
            return;
        }
        List<List<Interaction>> groups = air.groups();
        for (int j = 0; j < air.helpers().size(); j++) {
            long[][] g = fractions(groups.get(j), columns, 0, n, challenges);
            columns[air.helpers().get(j).c0().index()] = g[0];
            columns[air.helpers().get(j).c1().index()] = g[1];
        }
        long[][] f = fractions(groups.get(groups.size() - 1), columns, 0, n, challenges);
        long[] row0 = f[0];
        long[] row1 = f[1];
        for (ExtColumn g : air.helpers()) {
            long[] g0 = columns[g.c0().index()];
            long[] g1 = columns[g.c1().index()];
            for (int r = 0; r < n; r++) {
                row0[r] = Goldilocks.add(row0[r], g0[r]);
                row1[r] = Goldilocks.add(row1[r], g1[r]);
            }
        }
        long total0 = 0;
        long total1 = 0;
        for (int r = 0; r < n; r++) {
            total0 = Goldilocks.add(total0, row0[r]);
            total1 = Goldilocks.add(total1, row1[r]);
        }
        long inverse = Goldilocks.inverse(n);
        long mean0 = Goldilocks.mul(total0, inverse);
        long mean1 = Goldilocks.mul(total1, inverse);
        long[] s0 = new long[n];
        long[] s1 = new long[n];
        long acc0 = 0;
        long acc1 = 0;
        for (int r = 0; r < n; r++) {
            s0[r] = acc0;
            s1[r] = acc1;
            acc0 = Goldilocks.add(acc0, Goldilocks.sub(row0[r], mean0));
            acc1 = Goldilocks.add(acc1, Goldilocks.sub(row1[r], mean1));
        }
        columns[air.runningSum().c0().index()] = s0;
        columns[air.runningSum().c1().index()] = s1;
    }

    /**
     * The share that the last row's step identity gives the columns as they are:
     * {@code n·(s[n-1] - s[0] + that row's helpers and last-group fractions)} (zero without
     * interactions). For the honest columns it is the sum of every row's fractions.
     */
    static Ext2 share(TableAir air, long[][] columns, int n, BusChallenges challenges) {
        if (air.runningSum() == null) {
            return Ext2.ZERO;
        }
        int r = n - 1;
        long[][] f = fractions(air.groups().get(air.groups().size() - 1), columns, r, n, challenges);
        long[] s0 = columns[air.runningSum().c0().index()];
        long[] s1 = columns[air.runningSum().c1().index()];
        long acc0 = Goldilocks.add(Goldilocks.sub(s0[r], s0[0]), f[0][0]);
        long acc1 = Goldilocks.add(Goldilocks.sub(s1[r], s1[0]), f[1][0]);
        for (ExtColumn g : air.helpers()) {
            acc0 = Goldilocks.add(acc0, columns[g.c0().index()][r]);
            acc1 = Goldilocks.add(acc1, columns[g.c1().index()][r]);
        }
        return new Ext2(Goldilocks.mul(acc0, n), Goldilocks.mul(acc1, n));
    }

    /** {@code Σ_{i∈group} ±m_i/D_i} on rows {@code [start, n)}, as its two coordinates' arrays. */
    private static long[][] fractions(List<Interaction> group, long[][] columns, int start, int n,
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
        int rows = n - start;
        long[] g0 = new long[rows];
        long[] g1 = new long[rows];
        Ext2 alpha = challenges.alpha();
        Parallel.forRange(rows, GRAIN, (from, to) -> {
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
                        long t = tuple[i][f][start + from + r];
                        a0 = Goldilocks.sub(a0, Goldilocks.mul(betaPowers[f + 1].c0(), t));
                        a1 = Goldilocks.sub(a1, Goldilocks.mul(betaPowers[f + 1].c1(), t));
                    }
                    if (a0 == 0 && a1 == 0) {
                        throw new IllegalStateException("interaction " + in.name() + " row " + (start + from + r)
                                + ": its LogUp denominator is zero for these challenges");
                    }
                    d0[r] = a0;
                    d1[r] = a1;
                }
                Ext2Arrays.batchInverseInPlace(d0, d1, 0, len);
                boolean send = in.direction() == Direction.SEND;
                for (int r = 0; r < len; r++) {
                    long mv = send ? m[i][start + from + r] : Goldilocks.neg(m[i][start + from + r]);
                    g0[from + r] = Goldilocks.add(g0[from + r], Goldilocks.mul(d0[r], mv));
                    g1[from + r] = Goldilocks.add(g1[from + r], Goldilocks.mul(d1[r], mv));
                }
            }
        });
        return new long[][] {g0, g1};
    }
}
