/**
 * Filling a table for a constraint system in the order a prover must follow: FIXED columns,
 * MAIN columns and multiplicities, commitment, challenges from the transcript, then AUX columns
 * ({@link dev.zkjvm.circuit.witness.WitnessBuilder}, {@link dev.zkjvm.circuit.witness.Witness}).
 */
package dev.zkjvm.circuit.witness;
