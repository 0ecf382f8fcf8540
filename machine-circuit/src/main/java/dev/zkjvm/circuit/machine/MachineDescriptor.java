package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import dev.zkjvm.runtime.core.MachineSupport;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentReplay;
import dev.zkjvm.runtime.segment.SegmentedExecution;
import dev.zkjvm.runtime.segment.SegmentedRun;
import java.util.List;
import java.util.function.Consumer;

/**
 * One generated machine seen through a single interface, so that a tool (the {@code zkvm} command
 * line) can run, check, prove and verify programs on a machine it was not compiled against. The
 * processor generates an implementation, {@code <Name>Descriptor}, for every machine that gets a
 * circuit, and lists it in {@code META-INF/services/dev.zkjvm.circuit.machine.MachineDescriptor},
 * so {@link java.util.ServiceLoader} finds every machine on the class path.
 *
 * <p>It lives here, not in the runtime, because three of its jobs (check, prove, verify) are the
 * circuit's: the runtime stays free of the circuit, and a machine compiled without
 * {@code zkjvm-machine-circuit} gets no descriptor.
 *
 * @param <W> word type
 * @param <P> the machine's program type, {@code <Name>Program}
 */
public interface MachineDescriptor<W extends Word<W>, P> {
    /** The machine's name: the prefix of its generated types, e.g. {@code Cpu64}. */
    String name();

    /** Qualified name of the annotated class the machine was generated from. */
    String definition();

    /** The word type. */
    WordType<W> wordType();

    /** The address space. */
    MemoryLayout layout();

    /** The registers, by index. */
    List<Reg> registers();

    /** The mnemonics of the instruction set, by opcode order of declaration. */
    List<String> mnemonics();

    /** The mnemonic of an opcode, as trace records and reports print it. */
    String mnemonicOf(int opcode);

    /**
     * The program written in {@code source}, in the machine's assembly text.
     *
     * @throws dev.zkjvm.runtime.asm.AssemblyException naming the line and column of the first mistake
     */
    P parse(String source);

    /**
     * Runs {@code runs} one after another on a new machine (memory, trace and step count carry over;
     * each run starts at instruction 0).
     *
     * @throws dev.zkjvm.runtime.VmException if an instruction fails or a run reaches the step limit
     */
    default MachineRun<W> execute(List<P> runs) {
        return execute(runs, List.of(), List.of());
    }

    /**
     * Runs {@code runs} one after another on a new machine that reads {@code input} as its public
     * input and {@code advice} as its private input ({@link dev.zkjvm.runtime.Vm#input()},
     * {@link dev.zkjvm.runtime.Vm#advice()}); the run's output is {@link MachineRun#output()}.
     *
     * @throws dev.zkjvm.runtime.VmException if an instruction fails (reading past the end of a stream
     *     included) or a run reaches the step limit
     */
    MachineRun<W> execute(List<P> runs, List<W> input, List<W> advice);

    /** The number of instructions in {@code program} (a run of an empty program takes no step). */
    int programSize(P program);

    /** A new machine: all cells zero, nothing supplied, nothing run. */
    MachineSupport<W, ?> newMachine();

    /**
     * Runs {@code runs} as {@link #execute(List, List, List)} does, but cut into segments of
     * {@code segmentSteps} steps, handing each {@link Segment} to {@code sink} as soon as it is done
     * and keeping no more than one segment's trace (see {@link SegmentedExecution#run}).
     *
     * @return the steps of each run, the number of segments and the streams, whose lists are the
     *     {@code input}, {@code advice} and {@code output} a {@link #replaySegment} takes
     * @throws dev.zkjvm.runtime.VmException as {@link #execute(List, List, List)} would
     */
    SegmentedRun<W> executeInSegments(List<P> runs, List<W> input, List<W> advice, long segmentSteps,
            Consumer<? super Segment> sink);

    /**
     * Re-executes {@code segment} of a run of {@code runs} on a new machine: its records exactly as
     * the run made them, with times from 0 at the segment's first record, and the whole run's streams
     * (see {@link SegmentReplay#replay}).
     *
     * @throws dev.zkjvm.runtime.segment.SegmentMismatchException if the replay contradicts the segment
     *     (its end state, cells, values after, or the output)
     * @throws dev.zkjvm.runtime.VmException if an instruction fails on the segment's values
     */
    Trace<W> replaySegment(List<P> runs, Segment segment, List<W> input, List<W> advice, List<W> output);

    /** The whole circuit of a trace made by {@code runs}: memory, layout and execution table. */
    MachineCircuit<W> circuit(List<P> runs);

    /** Checks that {@code trace} is exactly the runs of {@code runs}, in order, on a new machine. */
    default CheckReport check(List<P> runs, Trace<W> trace) {
        return circuit(runs).check(trace, this::mnemonicOf);
    }

    /**
     * Proves that {@code trace} is exactly the runs of {@code runs}, in order, on a new machine.
     *
     * @throws dev.zkjvm.circuit.stark.UnsatisfiedTraceException if it is not
     */
    default StarkProof prove(List<P> runs, Trace<W> trace, StarkConfig config, ProofProgress progress) {
        return circuit(runs).prove(trace, this::mnemonicOf, config, progress);
    }

    /**
     * Verifies that {@code proof} shows a run of {@code runs}; needs nothing but the programs and the proof.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected
     */
    default void verify(List<P> runs, StarkProof proof, StarkConfig config) throws InvalidProofException {
        circuit(runs).verify(proof, config);
    }
}
