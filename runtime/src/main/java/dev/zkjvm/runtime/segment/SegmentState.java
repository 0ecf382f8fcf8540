package dev.zkjvm.runtime.segment;

/**
 * The machine's state at a segment boundary, apart from the cells: what a run's next step starts
 * from. Serializable, so that a cluster can ship it to the worker that proves the segment.
 *
 * @param run           index, in the list of runs, of the program the next step belongs to; after the
 *                      last run has halted, the number of runs (and {@code pc} is 0)
 * @param pc            the next step's instruction index (0 at a run's start)
 * @param clk           steps taken before this point, over all runs together: the global step
 *                      number of the next step
 * @param depth         stack depth
 * @param inputRead     words of the public input read so far
 * @param adviceRead    words of the advice read so far
 * @param outputWritten words written to the output so far
 */
public record SegmentState(int run, long pc, long clk, int depth, int inputRead, int adviceRead, int outputWritten)
        implements java.io.Serializable {
}
