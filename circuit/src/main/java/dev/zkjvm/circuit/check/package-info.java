/**
 * The checker: evaluates every constraint on every row of a
 * {@link dev.zkjvm.circuit.witness.Witness} in parallel and reports each failure by name, row,
 * polynomial and cell values ({@link dev.zkjvm.circuit.check.Checker},
 * {@link dev.zkjvm.circuit.check.CheckReport}).
 */
package dev.zkjvm.circuit.check;
