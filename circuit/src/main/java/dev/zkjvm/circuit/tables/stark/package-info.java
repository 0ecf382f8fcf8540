/**
 * The multi-table STARK: one transcript, one mixed-height commitment per phase, per-table
 * composition and out-of-domain openings, and one FRI proof over the largest table's domain into
 * which every table's DEEP quotient enters through the map {@code x ↦ 7^(1-2^s)·x^(2^s)}
 * ({@link dev.zkjvm.circuit.tables.stark.TableProver}, {@link dev.zkjvm.circuit.tables.stark.TableVerifier}).
 */
package dev.zkjvm.circuit.tables.stark;
