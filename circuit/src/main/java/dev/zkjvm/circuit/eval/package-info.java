/**
 * Fast evaluation of expressions over columnar tables: expressions compile to flat programs
 * ({@link dev.zkjvm.circuit.eval.ProgramCompiler}) that run over blocks of rows with one
 * {@code long[]} per scratch slot ({@link dev.zkjvm.circuit.eval.BlockEvaluator}). Used by the
 * checker and the witness builder; later by the prover's constraint evaluation.
 */
package dev.zkjvm.circuit.eval;
