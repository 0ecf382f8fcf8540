/**
 * The Goldilocks prime field ({@link dev.zkjvm.circuit.field.Goldilocks}, elements as canonical
 * {@code long}s) and its quadratic extension ({@link dev.zkjvm.circuit.field.Ext2},
 * {@link dev.zkjvm.circuit.field.Ext2Arrays}) in which all challenges are drawn.
 */
package dev.zkjvm.circuit.field;
