package dev.zkjvm.runtime.segment;

import dev.zkjvm.runtime.AbstractInstruction;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.core.CellChanges;
import dev.zkjvm.runtime.core.MachineCore;
import dev.zkjvm.runtime.core.MachineSupport;
import java.util.Arrays;
import java.util.List;

/**
 * Re-executes one {@link Segment} of a run on a new machine, from nothing but the programs, the
 * segment and the run's streams, and hands back exactly the trace records the run made in it.
 *
 * <p>The replay loads {@link Segment#before} into {@link Segment#cells} without recording an
 * access, puts the machine at {@link Segment#start} (run, instruction, step count, stack depth,
 * stream positions), and runs {@link Segment#steps} steps, entering the next runs at instruction 0
 * as the plain run does. Then it checks the segment against what it did, so that a segment that
 * lies about its run fails here rather than later: see {@link #replay}. An access to a cell the
 * segment does not name fails at once, before it is made: a cell left out would read as zero and
 * could send the replay anywhere.
 *
 * <p>What a replay cannot check: the value before of a cell whose first access in the segment is a
 * write. Nothing in the segment reads it, so a false one replays to the same records; it is pinned
 * by the run, as the value after of the last earlier segment that touched the cell (zero if none),
 * which only a check across segments sees.
 */
public final class SegmentReplay {
    private SegmentReplay() {
    }

    /**
     * Replays {@code segment} of a run of {@code runs} on {@code machine}, a new machine with nothing
     * supplied. {@code input}, {@code advice} and {@code output} are the whole run's streams (as
     * {@link SegmentedRun#streams()} gives them).
     *
     * @return the segment's records, as the run made them (addresses, flags, values, stack depths,
     *     steps, opcodes) except that times count from 0 at the segment's first record; its
     *     {@link Trace#streams()} are the whole {@code input}, {@code advice} and {@code output}
     *     lists, so that word {@code k} of a stream is word {@code k} of the whole run
     * @throws SegmentMismatchException if the segment is malformed (cells not strictly ascending or
     *     outside the address space, values of the wrong width), its start cannot be a state of
     *     these runs and streams, or the replay ends in a state other than {@link Segment#end}, touches
     *     other cells than {@link Segment#cells}, leaves other values than {@link Segment#after}, or
     *     writes other output words than {@code output} holds
     * @throws dev.zkjvm.runtime.VmException if an instruction fails on the segment's values (the run
     *     that made a true segment did not fail)
     */
    public static <W extends Word<W>, I extends AbstractInstruction<W, ?>> Trace<W> replay(
            MachineSupport<W, I> machine, List<? extends List<? extends I>> runs, Segment segment,
            List<W> input, List<W> advice, List<W> output) {
        MachineCore<W> core = machine.core();
        if (core.step() != 0 || core.timeLog() != 0) {
            throw new IllegalArgumentException("a replay needs a new machine; this one has run " + core.step()
                    + " steps");
        }
        SegmentState start = segment.start();
        checkStart(core, runs, segment, input, advice, output);
        for (int i = 0; i < segment.cells().length; i++) {
            core.loadCell(segment.cells()[i], segment.before()[i]);
        }
        core.supplyInput(input);
        core.supplyAdvice(advice);
        core.resume(start.clk(), start.depth(), start.inputRead(), start.adviceRead(),
                output.subList(0, start.outputWritten()));
        core.startCellJournal(segment.cells(), cell -> new SegmentMismatchException("segment " + segment.index()
                + " does not name cell " + cell + ", which its replay touches"));

        RunCursor<W, I> cursor = new RunCursor<>(machine, runs, start.run(), start.pc());
        long left = segment.steps();
        while (left > 0 && !cursor.done()) {
            left -= cursor.advance(left);
        }
        if (left > 0) {
            throw new SegmentMismatchException("segment " + segment.index() + " has " + segment.steps()
                    + " steps, but the runs end after " + (segment.steps() - left) + " of them");
        }
        checkEnd(core, cursor.state(), segment, output);
        return core.trace().withStreams(new Streams<>(input, advice, output));
    }

    private static <W extends Word<W>> void checkStart(MachineCore<W> core, List<? extends List<?>> runs,
            Segment segment, List<W> input, List<W> advice, List<W> output) {
        SegmentState s = segment.start();
        String where = "segment " + segment.index() + " starts at " + s + ", but ";
        if (s.run() < 0 || s.run() > runs.size()) {
            throw new SegmentMismatchException(where + "there are " + runs.size() + " runs");
        }
        long length = s.run() < runs.size() ? runs.get(s.run()).size() : 0;
        if (s.run() < runs.size() ? s.pc() < 0 || s.pc() >= length : s.pc() != 0) {
            throw new SegmentMismatchException(where + "run " + s.run() + " has " + length + " instructions");
        }
        if (s.clk() < 0 || segment.steps() < 0) {
            throw new SegmentMismatchException(where + "step count and steps must not be negative (steps "
                    + segment.steps() + ")");
        }
        if (s.depth() < 0 || s.depth() > core.layout().stackDepth()) {
            throw new SegmentMismatchException(where + "the stack holds at most " + core.layout().stackDepth()
                    + " words");
        }
        if (s.inputRead() < 0 || s.inputRead() > input.size() || s.adviceRead() < 0
                || s.adviceRead() > advice.size() || s.outputWritten() < 0 || s.outputWritten() > output.size()) {
            throw new SegmentMismatchException(where + "the streams have " + input.size() + " input, "
                    + advice.size() + " advice and " + output.size() + " output words");
        }
        long[] cells = segment.cells();
        int limbs = core.wordType().limbs();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] < 0 || cells[i] >= core.layout().totalCells() || i > 0 && cells[i] <= cells[i - 1]) {
                throw new SegmentMismatchException("segment " + segment.index() + "'s cells are not strictly "
                        + "ascending cells of the address space of " + core.layout().totalCells() + " cells, at "
                        + "index " + i + ": " + cells[i]);
            }
            if (segment.before()[i].length != limbs || segment.after()[i].length != limbs) {
                throw new SegmentMismatchException("segment " + segment.index() + "'s values of cell " + cells[i]
                        + " are not " + limbs + " limbs wide");
            }
        }
    }

    private static <W extends Word<W>> void checkEnd(MachineCore<W> core, SegmentState end, Segment segment,
            List<W> output) {
        String which = "segment " + segment.index();
        if (!end.equals(segment.end())) {
            throw new SegmentMismatchException(which + " ends at " + segment.end() + ", but its replay ends at "
                    + end);
        }
        List<W> written = core.streams().output();
        if (!written.equals(output.subList(0, end.outputWritten()))) {
            throw new SegmentMismatchException(which + "'s replay writes output " + written.subList(
                    segment.start().outputWritten(), written.size()) + ", but the run's output there is "
                    + output.subList(segment.start().outputWritten(), end.outputWritten()));
        }
        CellChanges touched = core.takeCellChanges();
        if (!Arrays.equals(touched.cells(), segment.cells())) {
            throw new SegmentMismatchException(which + " names " + segment.cells().length + " cells and its replay "
                    + "touches " + touched.cells().length + "; " + firstDifference(segment.cells(), touched.cells()));
        }
        for (int i = 0; i < touched.cells().length; i++) {
            if (!Arrays.equals(touched.after()[i], segment.after()[i])) {
                throw new SegmentMismatchException(which + " leaves " + Arrays.toString(segment.after()[i])
                        + " in cell " + touched.cells()[i] + ", but its replay leaves "
                        + Arrays.toString(touched.after()[i]));
            }
        }
    }

    /** The first cell that one of two ascending lists has and the other has not, said in words. */
    private static String firstDifference(long[] named, long[] touched) {
        int i = 0;
        int j = 0;
        while (i < named.length && j < touched.length && named[i] == touched[j]) {
            i++;
            j++;
        }
        if (j < touched.length && (i == named.length || touched[j] < named[i])) {
            return "the replay touches cell " + touched[j] + ", which the segment does not name";
        }
        return "the segment names cell " + named[i] + ", which the replay does not touch";
    }
}
