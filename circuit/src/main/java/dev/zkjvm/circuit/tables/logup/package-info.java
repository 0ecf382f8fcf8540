/**
 * The LogUp form of a table system's buses, what a prover commits after the challenges: per table
 * an AIR extended with helper and running-sum columns in GF(p²) ({@link dev.zkjvm.circuit.tables.logup.TableAir}),
 * the witness of those columns ({@link dev.zkjvm.circuit.tables.logup.LogupWitness}) and the
 * verifier's balance of the tables' final shares against the public tuples
 * ({@link dev.zkjvm.circuit.tables.logup.BusBalance}).
 */
package dev.zkjvm.circuit.tables.logup;
