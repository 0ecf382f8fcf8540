package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import java.util.List;

/**
 * One memory-operation slot of the execution table: the k-th access of a step. Its time, kind,
 * read/write flag and stack depth are expressions of the step's columns; these are its own.
 *
 * @param used  1 if the step makes this access
 * @param cell  the cell index accessed
 * @param value the value's 16-bit limbs, least significant first
 */
record Slot(Column used, Column cell, List<Column> value) {
}
