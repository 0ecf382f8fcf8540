/**
 * Constraint systems in AIR style, written as data: {@link dev.zkjvm.circuit.air.Column}s in phases
 * (FIXED, MAIN, AUX), {@link dev.zkjvm.circuit.air.Expr} trees (sealed interface of records), named
 * {@link dev.zkjvm.circuit.air.Constraint}s of four kinds (every row, transition, first row, last
 * row), LogUp {@link dev.zkjvm.circuit.air.Lookup}s, range checks batched per width into one LogUp
 * argument ({@link dev.zkjvm.circuit.air.RangeBatch}) and grand-product
 * {@link dev.zkjvm.circuit.air.Permutation}s whose identities are ordinary constraints over AUX
 * extension columns. Declare everything through
 * {@link dev.zkjvm.circuit.air.ConstraintSystem#builder(String)}.
 */
package dev.zkjvm.circuit.air;
