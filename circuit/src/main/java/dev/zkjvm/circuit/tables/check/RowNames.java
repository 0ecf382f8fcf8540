package dev.zkjvm.circuit.tables.check;

/**
 * What a row of a table stands for, in the caller's terms (a machine names an execution table's
 * row by its step and instruction), for reports of the {@link TableSystemChecker}.
 */
@FunctionalInterface
public interface RowNames {
    /** No names: reports give tables and rows only. */
    RowNames NONE = (table, row) -> null;

    /** A description of row {@code row} of table {@code table}, or null if there is nothing to add. */
    String describe(String table, int row);
}
