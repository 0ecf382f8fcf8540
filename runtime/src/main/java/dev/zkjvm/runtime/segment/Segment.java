package dev.zkjvm.runtime.segment;

/**
 * One segment of a run: its start and end states, its steps, and every cell it touches with the
 * cell's word at the segment's start ({@code before}) and end ({@code after}), as 64-bit limbs.
 *
 * @param index the segment's position in the run, from 0
 * @param start the state before its first step
 * @param end the state after its last step
 * @param steps its steps
 * @param cells the cells its records touch, strictly ascending
 * @param before per cell, the word's limbs at the start (zeros for a cell never written)
 * @param after per cell, the word's limbs at the end
 */
public record Segment(int index, SegmentState start, SegmentState end, long steps, long[] cells, long[][] before,
        long[][] after) implements java.io.Serializable {
}
