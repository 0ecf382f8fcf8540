package dev.zkjvm.runtime.segment;

import dev.zkjvm.runtime.AbstractInstruction;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.core.MachineCore;
import dev.zkjvm.runtime.core.MachineSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a machine is in a list of runs: steps it a given number of times across run boundaries,
 * entering each next run at instruction 0 as soon as the current one has halted or run off its
 * end, so that its {@link #state()} always names the run and instruction of the next step.
 *
 * @param <W> word type
 * @param <I> instruction type
 */
final class RunCursor<W extends Word<W>, I extends AbstractInstruction<W, ?>> {
    private final MachineSupport<W, I> machine;
    private final List<? extends List<? extends I>> runs;
    private final List<Long> finishedRunSteps = new ArrayList<>();
    private int run;
    private long stepsInRun;

    /** The machine at instruction {@code pc} of run {@code run} (or past the last run, if {@code run == runs.size()}). */
    RunCursor(MachineSupport<W, I> machine, List<? extends List<? extends I>> runs, int run, long pc) {
        this.machine = machine;
        this.runs = runs;
        this.run = run;
        if (run < runs.size()) {
            machine.enter(runs.get(run), pc);
        }
        settle();
    }

    /** Whether every run has finished. */
    boolean done() {
        return run == runs.size();
    }

    /** Steps of the current run so far. */
    long stepsInRun() {
        return stepsInRun;
    }

    /** Steps of each run that has finished, in order. */
    List<Long> finishedRunSteps() {
        return finishedRunSteps;
    }

    /**
     * Runs at most {@code maxSteps} steps of the current run; stops early when it finishes, and
     * then enters the next run.
     *
     * @return the steps executed
     */
    long advance(long maxSteps) {
        long n = machine.advance(maxSteps);
        stepsInRun += n;
        settle();
        return n;
    }

    /** The state the next step starts from. */
    SegmentState state() {
        MachineCore<W> core = machine.core();
        return new SegmentState(run, done() ? 0 : core.programCounter(), core.step(), core.stackDepth(),
                core.inputRead(), core.adviceRead(), core.outputWritten());
    }

    private void settle() {
        while (run < runs.size() && finished()) {
            finishedRunSteps.add(stepsInRun);
            stepsInRun = 0;
            run++;
            if (run < runs.size()) {
                machine.enter(runs.get(run), 0);
            }
        }
    }

    private boolean finished() {
        MachineCore<W> core = machine.core();
        return core.halted() || core.programCounter() == runs.get(run).size();
    }
}
