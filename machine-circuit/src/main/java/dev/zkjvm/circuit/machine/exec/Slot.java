package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Expr;
import java.util.List;

/**
 * One memory-operation slot of the execution table: the k-th access of a step. Its time, kind,
 * read/write flag and stack depth are expressions of the step's columns; these are its own.
 *
 * <p>On an instruction table, a slot's used flag and cell may be expressions of the row flags and
 * the step's depth instead of columns, where every instruction that has a k-th access fixes them
 * alike, and its value may be its bytes, where every such instruction splits it into bytes (see
 * {@link StepPools#slot}); a body then states nothing about them.
 *
 * @param usedColumn the column of the used flag, or null when the flag is implied
 * @param used       1 if the step makes this access: {@code usedColumn}, or the users' flags' sum
 * @param cellColumn the column of the cell index, or null when the cell is implied
 * @param cell       the cell index accessed: {@code cellColumn}, or the implied stack cell
 * @param bytes      per value limb m, its (high, low) byte columns, 8-bit range-checked, when the
 *                   value is its bytes; else null
 * @param valueColumns the value's limb columns, or null when the value is its bytes
 * @param value      the value's 16-bit limbs, least significant first: {@code valueColumns}, or
 *                   {@code 256 high + low} of the bytes
 */
record Slot(Column usedColumn, Expr used, Column cellColumn, Expr cell, Column[][] bytes, List<Column> valueColumns,
        List<Expr> value) {
    /** Whether the used flag is implied by the row's instruction, so no body constrains it. */
    boolean usedImplied() {
        return usedColumn == null;
    }

    /** Whether the cell is implied by the row's instruction and depth, so no body constrains it. */
    boolean cellImplied() {
        return cellColumn == null;
    }

    /** Whether the value is its bytes, so a body splitting it takes {@link #bytes} as they are. */
    boolean byteValue() {
        return bytes != null;
    }

    /**
     * What a table fixes of slot k for every instruction with a k-th access; a null part is a
     * column.
     *
     * @param used  the used flag, or null
     * @param cell  the cell, or null
     * @param bytes whether the value is its bytes (every such instruction splits it into bytes)
     */
    record Implied(Expr used, Expr cell, boolean bytes) {
        /** Nothing implied: a used column, a cell column and value columns. */
        static final Implied NONE = new Implied(null, null, false);
    }
}
