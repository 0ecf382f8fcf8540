/**
 * Table systems: a proof's statement as several tables (AIRs), each with its own power-of-two
 * height, columns and constraints, joined by named buses on which tables send and receive tuples
 * with multiplicities (LogUp). Declared as data with {@link dev.zkjvm.circuit.tables.TableSystem#builder(String)};
 * filled with {@link dev.zkjvm.circuit.tables.SystemTrace#builder(TableSystem)}; checked exactly by
 * {@code dev.zkjvm.circuit.tables.check.TableSystemChecker}; the LogUp running sums that a prover
 * commits are built by {@code dev.zkjvm.circuit.tables.logup}; proven and verified by
 * {@code dev.zkjvm.circuit.tables.stark} (keys for preprocessed tables, one mixed-height commitment
 * per phase from {@code dev.zkjvm.circuit.tables.commit}, one FRI proof).
 */
package dev.zkjvm.circuit.tables;
