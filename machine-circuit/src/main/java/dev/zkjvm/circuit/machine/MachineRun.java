package dev.zkjvm.circuit.machine;

import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.core.MachineSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link MachineDescriptor#execute} left behind: the halted machine with its whole trace, and
 * the steps of each run. Reading registers, stack and memory here records no access.
 *
 * @param machine the machine after the last run
 * @param steps   steps of each run, in order
 * @param <W>     word type
 */
public record MachineRun<W extends Word<W>>(MachineSupport<W, ?> machine, List<Long> steps) {
    /** @throws IllegalArgumentException if {@code steps} is empty */
    public MachineRun {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one program");
        }
    }

    /** The trace of every run, in time order. */
    public Trace<W> trace() {
        return machine.trace();
    }

    /** The words the runs wrote to the public output, in order. */
    public List<W> output() {
        return machine.output();
    }

    /** The public input and advice words the runs read, and the output words they wrote. */
    public Streams<W> streams() {
        return machine.streams();
    }

    /** Steps of all runs together. */
    public long totalSteps() {
        return steps.stream().mapToLong(Long::longValue).sum();
    }

    /** Steps of the last run. */
    public long lastSteps() {
        return steps.get(steps.size() - 1);
    }

    /** The value of {@code register} now. */
    public W register(Reg register) {
        MemoryLayout layout = machine.core().layout();
        if (register.index() < 0 || register.index() >= layout.registerCount()) {
            throw new IllegalArgumentException("not a register of this machine: " + register);
        }
        return machine.core().peekCell(layout.registers().firstCell() + register.index());
    }

    /** The word in memory cell {@code index} (byte address {@code index * wordSize}). */
    public W memoryWord(long index) {
        MemoryLayout layout = machine.core().layout();
        if (index < 0 || index >= layout.memory().cells()) {
            throw new IllegalArgumentException("not a memory cell of this machine: " + index);
        }
        return machine.core().peekCell(layout.memory().firstCell() + index);
    }

    /** The words on the stack, bottom first. */
    public List<W> stack() {
        long first = machine.core().layout().stack().firstCell();
        List<W> words = new ArrayList<>();
        for (int i = 0; i < machine.core().stackDepth(); i++) {
            words.add(machine.core().peekCell(first + i));
        }
        return List.copyOf(words);
    }
}
