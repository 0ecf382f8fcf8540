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
    /** {@code heights[table]}. */
    private final int[] heights;

    private LogupWitness(List<TableAir> airs, BusChallenges challenges, long[][][] columns, int[] heights) {
        this.airs = airs;
        this.challenges = challenges;
        this.columns = columns;
        this.heights = heights;
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
        int[] heights = new int[airs.size()];
        for (TableAir air : airs) {
            int t = air.table().index();
            long[][] own = trace.columnsUnsafe(t);
            long[][] all = new long[air.columns().size()][];
            System.arraycopy(own, 0, all, 0, own.length);
            heights[t] = trace.height(t);
            RunningSums.fill(air, all, heights[t], challenges);
            columns[t] = all;
        }
        return new LogupWitness(List.copyOf(airs), challenges, columns, heights);
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

    /**
     * Table {@code index}'s share as its live columns give it: the value for which the running sum's
     * step identity holds on the last row (zero without interactions; for honest columns, the sum
     * of every row's fractions).
     */
    public Ext2 share(int tableIndex) {
        return RunningSums.share(airs.get(tableIndex), columns[tableIndex], heights[tableIndex], challenges);
    }

    /** Every table's share, by table index. */
    public Ext2[] shares() {
        Ext2[] out = new Ext2[airs.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = share(t);
        }
        return out;
    }
}
