package dev.zkjvm.runtime.core;

/**
 * The cells a stretch of a run touched, with their values before and after it.
 *
 * @param cells  cell indices, strictly ascending
 * @param before {@code before[i]}: the limbs of {@code cells[i]} before the stretch's first access to it
 * @param after  {@code after[i]}: its limbs at the end of the stretch
 */
public record CellChanges(long[] cells, long[][] before, long[][] after) {
}
