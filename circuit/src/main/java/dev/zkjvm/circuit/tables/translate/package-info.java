/**
 * One-table constraint systems as table systems: {@link dev.zkjvm.circuit.tables.translate.TranslatedSystem}
 * turns a {@link dev.zkjvm.circuit.air.ConstraintSystem} whose range checks, lookups and permutations
 * run inside its one trace into a main table joined by buses to preprocessed range tables, and a
 * one-table witness into the {@link dev.zkjvm.circuit.tables.SystemTrace} of that system, so that
 * the multi-table STARK proves it without the range tables' row floor.
 */
package dev.zkjvm.circuit.tables.translate;
