package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Expr;
import java.util.List;

/**
 * One memory-operation slot of the execution table: the k-th access of a step. Its time, kind,
 * read/write flag and stack depth are expressions of the step's columns; these are its own.
 *
 * <p>Whether the step makes the access is a column when some instruction makes it only sometimes
 * (the second cell of an unaligned access); when every instruction that has a k-th access makes it
 * on each of its steps, the flag is the sum of those instructions' row flags instead, which is
 * what the column would be forced to (see {@link StepPools#slot}).
 *
 * @param usedColumn the column of the used flag, or null when the flag is the row flags' sum
 * @param used       1 if the step makes this access: {@code usedColumn}, or the row flags' sum
 * @param cell       the cell index accessed
 * @param value      the value's 16-bit limbs, least significant first
 */
record Slot(Column usedColumn, Expr used, Column cell, List<Column> value) {
    /** Whether the used flag is implied by the row's instruction, so no body constrains it. */
    boolean implied() {
        return usedColumn == null;
    }
}
