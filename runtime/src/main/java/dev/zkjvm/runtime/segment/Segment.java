package dev.zkjvm.runtime.segment;

import java.util.Arrays;
import java.util.Objects;

/**
 * One segment of a run: its start and end states, its steps, and the cells it touches with their
 * values before and after it. Everything a fresh machine needs to re-execute exactly these steps
 * ({@link SegmentReplay}), given the programs and the run's streams.
 *
 * @param index  the segment's position in the run, from 0
 * @param start  the state its first step starts from; segment {@code k + 1}'s start is segment
 *               {@code k}'s end
 * @param end    the state after its last step
 * @param steps  number of steps: the driver's segment size, except for the last segment
 *               ({@code 1 <= steps <= size}), and 0 only for the one segment of a run of no step
 * @param cells  every cell index ({@code address >>> log2(wordSize)}, in the whole address space:
 *               memory, stack and registers) some record of the segment touches, strictly ascending
 * @param before {@code before[i]}: the limbs ({@code WordType.limbs()} many, least significant
 *               first, as {@code Trace.valueLimb} gives them) of {@code cells[i]} when the segment
 *               starts; zeros for a cell never written
 * @param after  {@code after[i]}: the limbs of {@code cells[i]} when the segment ends
 */
public record Segment(int index, SegmentState start, SegmentState end, long steps,
        long[] cells, long[][] before, long[][] after) implements java.io.Serializable {
    /** @throws IllegalArgumentException if {@code cells}, {@code before} and {@code after} differ in length */
    public Segment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.length != cells.length || after.length != cells.length) {
            throw new IllegalArgumentException(cells.length + " cells but " + before.length + " values before and "
                    + after.length + " after");
        }
    }

    /** The index of {@code cell} in {@link #cells}, or a negative number if the segment does not touch it. */
    public int indexOfCell(long cell) {
        return Arrays.binarySearch(cells, cell);
    }

    /** Equal when every component is, the arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && index == s.index && steps == s.steps && start.equals(s.start)
                && end.equals(s.end) && Arrays.equals(cells, s.cells) && Arrays.deepEquals(before, s.before)
                && Arrays.deepEquals(after, s.after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, start, end, steps, Arrays.hashCode(cells), Arrays.deepHashCode(before),
                Arrays.deepHashCode(after));
    }

    @Override
    public String toString() {
        return "Segment[index=" + index + ", start=" + start + ", end=" + end + ", steps=" + steps + ", cells="
                + cells.length + "]";
    }
}
