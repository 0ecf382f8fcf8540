package dev.zkjvm.circuit.tables;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.field.Goldilocks;

/**
 * Fills a {@link SystemTrace}: a height per table (preprocessed tables have theirs), then the MAIN
 * columns; {@link #build()}
 * generates the FIXED columns and checks that everything is there, of the right length and
 * canonical.
 */
public final class SystemTraceBuilder {
    /**
     * The tallest table accepted: 2^22 rows, the one-table verifier's bound too. A verifier derives
     * FIXED columns at the heights a proof claims, so the bound is also what a forged proof can make
     * it allocate.
     */
    public static final int MAX_LOG_HEIGHT = 22;

    private final TableSystem system;
    private final int[] heights;
    private final long[][][] columns;
    private boolean built;

    SystemTraceBuilder(TableSystem system) {
        this.system = system;
        this.heights = new int[system.tables().size()];
        this.columns = new long[heights.length][][];
        for (Table t : system.tables()) {
            columns[t.index()] = new long[t.columns().size()][];
            heights[t.index()] = t.fixedHeight(); // preprocessed tables have theirs already
        }
    }

    /** Sets a table's height: a power of two, at least the table's {@link Table#minHeight()}. */
    public SystemTraceBuilder height(Table t, int rows) {
        checkOpen();
        checkTable(t);
        if (rows < 1 || Integer.bitCount(rows) != 1 || rows > (1 << MAX_LOG_HEIGHT)) {
            throw new IllegalArgumentException("table " + t.name() + ": height must be a power of two in [1, 2^"
                    + MAX_LOG_HEIGHT + "], got " + rows);
        }
        if (rows < t.minHeight()) {
            throw new IllegalArgumentException("table " + t.name() + " needs at least " + t.minHeight()
                    + " rows (its FIXED columns), got " + rows);
        }
        if (t.isPreprocessed() && rows != t.fixedHeight()) {
            throw new IllegalArgumentException("table " + t.name() + " is preprocessed at " + t.fixedHeight()
                    + " rows, got " + rows);
        }
        if (heights[t.index()] != 0 && heights[t.index()] != rows) {
            throw new IllegalArgumentException("table " + t.name() + " already has height " + heights[t.index()]);
        }
        heights[t.index()] = rows;
        return this;
    }

    /** Supplies a MAIN column of a table whose height is set; the array is taken over, not copied. */
    public SystemTraceBuilder set(Table t, Column c, long[] values) {
        checkOpen();
        checkTable(t);
        if (c.phase() != Phase.MAIN || c.index() >= t.columns().size() || !t.columns().get(c.index()).equals(c)) {
            throw new IllegalArgumentException("not a MAIN column of table " + t.name() + ": " + c);
        }
        if (heights[t.index()] == 0) {
            throw new IllegalStateException("set the height of table " + t.name() + " before its columns");
        }
        if (values.length != heights[t.index()]) {
            throw new IllegalArgumentException("table " + t.name() + " column " + c + " has " + values.length
                    + " values, the table " + heights[t.index()] + " rows");
        }
        for (int r = 0; r < values.length; r++) {
            if (!Goldilocks.isCanonical(values[r])) {
                throw new IllegalArgumentException("table " + t.name() + " column " + c + " row " + r + ": "
                        + Long.toUnsignedString(values[r]) + " is not a canonical field element");
            }
        }
        columns[t.index()][c.index()] = values;
        return this;
    }

    /** Supplies a MAIN column from signed values (-1 becomes p - 1). */
    public SystemTraceBuilder setSigned(Table t, Column c, long[] signed) {
        long[] v = new long[signed.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Goldilocks.fromSigned(signed[i]);
        }
        return set(t, c, v);
    }

    /**
     * Generates the FIXED columns and returns the trace.
     *
     * @throws IllegalStateException if a height or a MAIN column is missing
     */
    public SystemTrace build() {
        checkOpen();
        for (Table t : system.tables()) {
            int n = heights[t.index()];
            if (n == 0) {
                throw new IllegalStateException("table " + t.name() + " has no height");
            }
            for (Column c : t.columns()) {
                if (c.phase() == Phase.FIXED) {
                    columns[t.index()][c.index()] = t.air().fixedValues(c).generate(n);
                } else if (columns[t.index()][c.index()] == null) {
                    throw new IllegalStateException("MAIN column " + c + " of table " + t.name() + " was not set");
                }
            }
        }
        built = true;
        return new SystemTrace(system, heights, columns);
    }

    private void checkTable(Table t) {
        if (t.index() >= system.tables().size() || system.tables().get(t.index()) != t) {
            throw new IllegalArgumentException("table " + t + " is not part of " + system.name());
        }
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("this trace is already built");
        }
    }
}
