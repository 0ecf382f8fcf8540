package dev.zkjvm.circuit.tables;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.air.Phase;
import java.util.List;

/**
 * One table of a {@link TableSystem}: an AIR with its own columns and row constraints (every row,
 * transition, first row, last row), held as a {@link ConstraintSystem} of MAIN and FIXED columns.
 * Its name is the constraint system's. Its height is chosen per trace (a power of two, at least
 * {@link #minHeight()}), unless the table is preprocessed: then its height is fixed by the system
 * and its FIXED columns are committed once, in the verifying key. Its interactions with buses belong
 * to the table system.
 *
 * @param index position in {@link TableSystem#tables()}
 * @param air the columns and row constraints
 * @param fixedHeight the height of a preprocessed table, or 0 for a table whose height each trace chooses
 */
public record Table(int index, ConstraintSystem air, int fixedHeight) {
    /** A table whose height each trace chooses. */
    public Table(int index, ConstraintSystem air) {
        this(index, air, 0);
    }

    /** Whether the table is preprocessed: fixed height, FIXED columns committed in the verifying key. */
    public boolean isPreprocessed() {
        return fixedHeight != 0;
    }

    /** The table's name. */
    public String name() {
        return air.name();
    }

    /** The table's columns (MAIN and FIXED), by column index. */
    public List<Column> columns() {
        return air.columns();
    }

    /** The smallest height that holds every FIXED column's values (at least 1). */
    public int minHeight() {
        int min = 1;
        for (Column c : air.columns(Phase.FIXED)) {
            FixedValues v = air.fixedValues(c);
            min = Math.max(min, v.minRows());
        }
        return min;
    }

    @Override
    public String toString() {
        return name();
    }
}
