package dev.zkjvm.runtime.segment;

/**
 * The machine's state at a segment boundary, apart from its cells.
 *
 * @param run the run (index in the list of programs) the next step belongs to; after the last run
 *     halts, the number of runs
 * @param pc the next step's instruction index (0 at a run's start and after the last run)
 * @param clk the steps taken before this point, over all runs together
 * @param depth the stack depth
 * @param inputRead public input words consumed so far
 * @param adviceRead advice words consumed so far
 * @param outputWritten output words written so far
 */
public record SegmentState(int run, long pc, long clk, int depth, int inputRead, int adviceRead, int outputWritten)
        implements java.io.Serializable {
}
