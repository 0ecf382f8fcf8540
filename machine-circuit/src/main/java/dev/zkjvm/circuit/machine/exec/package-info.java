/**
 * The execution table of a machine's circuit and the compiler that derives each instruction's
 * constraints from its own body: the body runs once on symbolic words ({@link
 * dev.zkjvm.circuit.machine.exec.SymbolicWord}) and a symbolic machine API, and every stack,
 * register and memory operation and every word operation becomes constraints over the table's
 * current row, multiplied by the instruction's selector. See {@code docs/constraints.md}.
 */
package dev.zkjvm.circuit.machine.exec;
