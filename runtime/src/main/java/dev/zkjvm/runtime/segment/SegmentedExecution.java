package dev.zkjvm.runtime.segment;

import dev.zkjvm.runtime.AbstractInstruction;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.core.CellChanges;
import dev.zkjvm.runtime.core.MachineCore;
import dev.zkjvm.runtime.core.MachineSupport;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs programs once, cut into segments of a fixed number of steps, keeping no more than one
 * segment's trace: each {@link Segment} goes to a sink as soon as its last step is done, and then
 * its trace records are dropped. What it records per segment is what {@link SegmentReplay} needs to
 * re-execute that segment alone.
 *
 * <p>The runs behave exactly as {@link MachineSupport#run(List)} called once per program: each starts
 * at instruction 0, memory, stack, streams and step count carry over, and each run gets the
 * machine's step limit ({@link MachineSupport#maxSteps()}). Segments may cross run boundaries.
 *
 * <p>Memory: the machine's cells, one segment's trace records, and the cells the current segment
 * touched with their values before it.
 */
public final class SegmentedExecution {
    private SegmentedExecution() {
    }

    /**
     * Runs {@code runs} in order on {@code machine}, a new machine with its input and advice already
     * supplied, calling {@code sink} with every segment of {@code segmentSteps} steps (the last one
     * may be shorter; a run of no step at all gives one segment of 0 steps). While the sink runs,
     * {@code machine.trace()} holds exactly the segment's records, with times from 0; they are
     * dropped when it returns, so the sink must not keep that view.
     *
     * @return the steps of each run, the number of segments and the streams
     * @throws dev.zkjvm.runtime.VmException if an instruction fails or a run reaches the step limit,
     *     as the plain run would; segments before the failure have been handed to the sink
     * @throws IllegalArgumentException if {@code segmentSteps < 1} or the machine has run already
     */
    public static <W extends Word<W>, I extends AbstractInstruction<W, ?>> SegmentedRun<W> run(
            MachineSupport<W, I> machine, List<? extends List<? extends I>> runs, long segmentSteps,
            Consumer<? super Segment> sink) {
        if (segmentSteps < 1) {
            throw new IllegalArgumentException("a segment has at least one step, not " + segmentSteps);
        }
        MachineCore<W> core = machine.core();
        if (core.step() != 0 || core.timeLog() != 0) {
            throw new IllegalArgumentException("a segmented run needs a new machine; this one has run "
                    + core.step() + " steps");
        }
        long maxSteps = machine.maxSteps();
        core.startCellJournal();
        RunCursor<W, I> cursor = new RunCursor<>(machine, runs, 0, 0);
        SegmentState start = cursor.state();
        long inSegment = 0;
        int segments = 0;
        while (!cursor.done()) {
            if (cursor.stepsInRun() == maxSteps) {
                throw machine.stepLimitExceeded(maxSteps);
            }
            inSegment += cursor.advance(Math.min(segmentSteps - inSegment, maxSteps - cursor.stepsInRun()));
            if (inSegment == segmentSteps) {
                start = emit(machine, cursor, segments++, start, inSegment, sink);
                inSegment = 0;
            }
        }
        if (inSegment > 0 || segments == 0) {
            emit(machine, cursor, segments++, start, inSegment, sink);
        }
        return new SegmentedRun<>(cursor.finishedRunSteps(), segments, core.streams());
    }

    /** Hands the segment ending now to the sink, then drops its records; returns the next segment's start. */
    private static <W extends Word<W>> SegmentState emit(MachineSupport<W, ?> machine, RunCursor<W, ?> cursor,
            int index, SegmentState start, long steps, Consumer<? super Segment> sink) {
        SegmentState end = cursor.state();
        CellChanges cells = machine.core().takeCellChanges();
        sink.accept(new Segment(index, start, end, steps, cells.cells(), cells.before(), cells.after()));
        machine.core().clearTrace();
        return end;
    }
}
