package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.check.Failure;

/**
 * A row constraint of one table that does not vanish on one row.
 *
 * @param table the table's name
 * @param failure the constraint, row and cell values
 */
public record RowFailure(String table, Failure failure) {
    @Override
    public String toString() {
        return "table " + table + ": " + failure;
    }
}
