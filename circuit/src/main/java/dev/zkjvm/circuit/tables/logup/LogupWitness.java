package dev.zkjvm.circuit.tables.logup;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import java.util.ArrayList;
import java.util.List;

/**
 * The challenge-dependent half of a table system's witness: per table its columns extended by the
 * LogUp helpers and running sum (built with challenges drawn after the MAIN commitment), and the
 * table's share.
 */
public final class LogupWitness {
    private final List<TableAir> airs;
    private final BusChallenges challenges;
    /** {@code columns[table]}: indexed like {@link TableAir#columns()}. */
    private final long[][][] columns;
    private final Ext2[] shares;

    private LogupWitness(List<TableAir> airs, BusChallenges challenges, long[][][] columns, Ext2[] shares) {
        this.airs = airs;
        this.challenges = challenges;
        this.columns = columns;
        this.shares = shares;
    }

    /** The AIR of every table of {@code system}, with the default degree budget. */
    public static List<TableAir> airs(TableSystem system) {
        List<TableAir> out = new ArrayList<>();
        for (Table t : system.tables()) {
            out.add(TableAir.of(system, t, TableAir.MIN_BUDGET));
        }
        return out;
    }

    /**
     * Builds the LogUp columns of every table. The trace's own columns are shared, not copied.
     *
     * @param challenges drawn after every table's MAIN columns were committed
     */
    public static LogupWitness build(List<TableAir> airs, SystemTrace trace, BusChallenges challenges) {
        long[][][] columns = new long[airs.size()][][];
        Ext2[] shares = new Ext2[airs.size()];
        for (TableAir air : airs) {
            int t = air.table().index();
            long[][] own = trace.columnsUnsafe(t);
            long[][] all = new long[air.columns().size()][];
            System.arraycopy(own, 0, all, 0, own.length);
            shares[t] = RunningSums.fill(air, all, trace.height(t), challenges);
            columns[t] = all;
        }
        return new LogupWitness(List.copyOf(airs), challenges, columns, shares);
    }

    /** The tables' AIRs, by table index. */
    public List<TableAir> airs() {
        return airs;
    }

    /** The challenges the columns were built with. */
    public BusChallenges challenges() {
        return challenges;
    }

    /** The live columns of table {@code index}, indexed like its {@link TableAir#columns()}. */
    public long[][] columnsUnsafe(int tableIndex) {
        return columns[tableIndex];
    }

    /** Table {@code index}'s share: its running sum on the last row (zero without interactions). */
    public Ext2 share(int tableIndex) {
        return shares[tableIndex];
    }

    /** Every table's share, by table index (a copy). */
    public Ext2[] shares() {
        return shares.clone();
    }
}
