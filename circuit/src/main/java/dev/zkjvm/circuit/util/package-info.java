/** Explicitly sized parallel loops ({@link dev.zkjvm.circuit.util.Parallel}). */
package dev.zkjvm.circuit.util;
