package dev.zkjvm.circuit.tables;

import dev.zkjvm.circuit.air.Column;

/**
 * The values of every table of a {@link TableSystem}: per table a power-of-two height and its
 * columns as {@code long[]} of that length, FIXED columns generated, MAIN columns supplied. Build one
 * with {@link #builder(TableSystem)}.
 *
 * <p>The arrays are live: tests corrupt a cell and check again.
 */
public final class SystemTrace {
    private final TableSystem system;
    private final int[] heights;
    /** {@code columns[table][column]}. */
    private final long[][][] columns;

    SystemTrace(TableSystem system, int[] heights, long[][][] columns) {
        this.system = system;
        this.heights = heights;
        this.columns = columns;
    }

    /** Starts a trace of {@code system}. */
    public static SystemTraceBuilder builder(TableSystem system) {
        return new SystemTraceBuilder(system);
    }

    /** The system this trace fills. */
    public TableSystem system() {
        return system;
    }

    /** The height of a table (a power of two). */
    public int height(Table t) {
        return heights[t.index()];
    }

    /** The height of table {@code index}. */
    public int height(int tableIndex) {
        return heights[tableIndex];
    }

    /** Every table's height, by table index (a copy). */
    public int[] heights() {
        return heights.clone();
    }

    /** The live columns of table {@code index}, by column index. */
    public long[][] columnsUnsafe(int tableIndex) {
        return columns[tableIndex];
    }

    /** The live values of one column of one table. */
    public long[] column(Table t, Column c) {
        return columns[t.index()][checked(t, c).index()];
    }

    /** Overwrites one cell (for experiments and negative tests). */
    public void set(Table t, Column c, int row, long value) {
        if (!dev.zkjvm.circuit.field.Goldilocks.isCanonical(value)) {
            throw new IllegalArgumentException("not canonical: " + Long.toUnsignedString(value));
        }
        column(t, c)[row] = value;
    }

    private Column checked(Table t, Column c) {
        if (system.tables().get(t.index()) != t) {
            throw new IllegalArgumentException("table " + t + " is not part of " + system.name());
        }
        if (c.index() >= t.columns().size() || !t.columns().get(c.index()).equals(c)) {
            throw new IllegalArgumentException("column " + c + " is not a column of table " + t.name());
        }
        return c;
    }
}
