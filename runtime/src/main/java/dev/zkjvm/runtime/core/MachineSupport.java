package dev.zkjvm.runtime.core;

import dev.zkjvm.runtime.AbstractInstruction;
import dev.zkjvm.runtime.AbstractMachine;
import dev.zkjvm.runtime.AbstractMemoryMachine;
import dev.zkjvm.runtime.AbstractRegisterMachine;
import dev.zkjvm.runtime.AbstractStackMachine;
import dev.zkjvm.runtime.CellInteraction;
import dev.zkjvm.runtime.InstructionFailedException;
import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.StepLimitExceededException;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.VmException;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.List;
import java.util.function.Supplier;

/**
 * What every generated machine shares: the seed's abstract machine interfaces implemented on a
 * {@link MachineCore}, atomic instruction execution and the run loop. A generated machine adds
 * only {@link #dispatch}, which calls the instruction's body in the annotated class.
 *
 * @param <W> word type
 * @param <I> the machine's instruction type
 */
public abstract class MachineSupport<W extends Word<W>, I extends AbstractInstruction<W, ?>>
        implements AbstractMachine<W, I>, AbstractMemoryMachine<W>, AbstractStackMachine<W>,
        AbstractRegisterMachine<W> {

    /** The engine: cells, stack, program counter and trace. */
    protected final MachineCore<W> core;
    private final long defaultMaxSteps;
    /** The program {@link #enter}ed, as arrays the run loop reads without casts or interface calls. */
    private AbstractInstruction<?, ?>[] code;
    private int[] opcodes;

    /**
     * @param type     word type
     * @param layout   address space
     * @param maxSteps steps a {@link #run(List)} may take before it fails
     */
    protected MachineSupport(WordType<W> type, MemoryLayout layout, long maxSteps) {
        this.core = new MachineCore<>(type, layout);
        this.defaultMaxSteps = maxSteps;
    }

    /**
     * Runs the body of {@code instruction}, whose opcode is {@code opcode}, against {@link #core}.
     * The instruction is one of this machine's ({@code I}); the parameter is not typed {@code I}
     * so that no bridge method casts it to the machine's instruction interface on every step (an
     * interface type check that scans the class's interfaces when its one-entry cache misses).
     */
    protected abstract void dispatch(AbstractInstruction<?, ?> instruction, int opcode);

    @Override
    public final void exec(I instruction) {
        step(instruction, instruction.opcode());
    }

    // The run loop passes opcodes it read once per program, so the hot path makes no
    // megamorphic interface call per step.
    private void step(AbstractInstruction<?, ?> instruction, int opcode) {
        core.begin(opcode);
        try {
            dispatch(instruction, opcode);
        } catch (VmException e) {
            core.rollback();
            throw e.at(core.step(), instruction.toString());
        } catch (RuntimeException e) {
            core.rollback();
            throw new InstructionFailedException("the body of " + instruction.mnemonic() + " threw " + e, -1, e)
                    .at(core.step(), instruction.toString());
        } catch (Error e) {
            core.rollback();
            throw e;
        }
        core.commit();
    }

    /**
     * Runs {@code program} from instruction 0 until it halts or runs off its end, with the
     * machine's default step limit. Memory and trace carry over from earlier runs.
     *
     * @return the number of steps executed
     * @throws VmException if an instruction fails (the machine is left as before it) or the
     *                     step limit is reached
     */
    public long run(List<? extends I> program) {
        return run(program, defaultMaxSteps);
    }

    /** {@link #run(List)} with an explicit step limit. */
    public long run(List<? extends I> program, long maxSteps) {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be >= 0, not " + maxSteps);
        }
        enter(program, 0);
        long executed = advance(maxSteps);
        if (!core.halted()) {
            throw stepLimitExceeded(maxSteps);
        }
        return executed;
    }

    /** The step limit a {@link #run(List)} gets. */
    public long maxSteps() {
        return defaultMaxSteps;
    }

    /**
     * Makes {@code program} the one {@link #advance} runs, at instruction {@code pc}, not halted;
     * memory, stack, streams, trace and step count stay as they are. {@link #run(List, long)} is
     * {@code enter(program, 0)} then {@code advance} until the program halts.
     *
     * @throws IllegalArgumentException if {@code pc} is not in {@code [0, program.size()]}
     */
    public void enter(List<? extends I> program, long pc) {
        int length = program.size();
        // A typed array: loading from it needs no cast, so the only type check per step is the
        // generated dispatch's cast to the instruction's record class.
        AbstractInstruction<?, ?>[] code = program.toArray(new AbstractInstruction<?, ?>[0]);
        int[] opcodes = new int[length];
        for (int i = 0; i < length; i++) {
            opcodes[i] = program.get(i).opcode();
        }
        core.startProgram(length, pc);
        this.code = code;
        this.opcodes = opcodes;
    }

    /**
     * Runs at most {@code maxSteps} steps of the program {@link #enter}ed, from the current
     * instruction; stops early when it halts or runs off its end ({@link MachineCore#halted()} is
     * then true). Reaching {@code maxSteps} is no failure: a later call goes on at the same
     * instruction, which is how a run is cut into segments.
     *
     * @return the number of steps executed
     * @throws VmException if an instruction fails (the machine is left as before it)
     * @throws IllegalStateException if no program was entered
     */
    public long advance(long maxSteps) {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be >= 0, not " + maxSteps);
        }
        AbstractInstruction<?, ?>[] code = this.code;
        int[] opcodes = this.opcodes;
        if (code == null) {
            throw new IllegalStateException("no program was entered");
        }
        int length = code.length;
        long executed = 0;
        while (!core.halted()) {
            int pc = (int) core.programCounter();
            if (pc == length) {
                core.stop();
                break;
            }
            if (executed == maxSteps) {
                break;
            }
            step(code[pc], opcodes[pc]);
            executed++;
        }
        return executed;
    }

    /**
     * The failure of a run that took {@code maxSteps} steps without halting, naming the instruction
     * it would run next (of the program {@link #enter}ed).
     */
    public StepLimitExceededException stepLimitExceeded(long maxSteps) {
        StepLimitExceededException e = new StepLimitExceededException("the program did not halt within "
                + maxSteps + " steps", -1);
        e.at(core.step(), code[(int) core.programCounter()].toString());
        return e;
    }

    @Override
    public Trace<W> trace() {
        return core.trace();
    }

    // ---- streams ---------------------------------------------------------------------------------

    /**
     * Appends {@code words} to the public input that instruction bodies read with
     * {@link dev.zkjvm.runtime.Vm#input()}. A proof states the whole public input: supply exactly
     * the words the program reads.
     */
    public void supplyInput(List<? extends W> words) {
        core.supplyInput(words);
    }

    /** {@link #supplyInput(List)} of words made from {@code values}. */
    public void supplyInput(long... values) {
        core.supplyInput(words(values));
    }

    /**
     * Appends {@code words} to the private input (advice) that instruction bodies read with
     * {@link dev.zkjvm.runtime.Vm#advice()}; a zero-knowledge proof keeps it hidden.
     */
    public void supplyAdvice(List<? extends W> words) {
        core.supplyAdvice(words);
    }

    /** {@link #supplyAdvice(List)} of words made from {@code values}. */
    public void supplyAdvice(long... values) {
        core.supplyAdvice(words(values));
    }

    private List<W> words(long[] values) {
        List<W> out = new java.util.ArrayList<>(values.length);
        for (long v : values) {
            out.add(core.wordType().of(v));
        }
        return out;
    }

    /** The words written to the public output so far, in order (a copy). */
    public List<W> output() {
        return core.streams().output();
    }

    /** The words read from the public input and the advice and written to the output so far. */
    public Streams<W> streams() {
        return core.streams();
    }

    /** The engine's state: time log, stack depth, program counter, step. */
    public MachineCore<W> core() {
        return core;
    }

    // ---- seed-level direct accesses -------------------------------------------------------------

    @Override
    public CellInteraction<W> read(long address) {
        return direct(MemoryInstruction.READ, address, () -> core.readAt(address));
    }

    @Override
    public CellInteraction<W> write(long address, W value) {
        return direct(MemoryInstruction.WRITE, address, () -> {
            core.writeAt(address, value);
            return value;
        });
    }

    @Override
    public StackAccess<W> push(W value) {
        long address = core.stackPointer();
        CellInteraction<W> cell = direct(MemoryInstruction.WRITE, address, () -> {
            core.push(value);
            return value;
        });
        return new StackAccess<>(core.stackDepth(), cell);
    }

    @Override
    public StackAccess<W> pop() {
        CellInteraction<W> cell = direct(MemoryInstruction.READ, -1, core::pop);
        return new StackAccess<>(core.stackDepth(), cell);
    }

    @Override
    public CellInteraction<W> set(Reg register, W value) {
        return direct(MemoryInstruction.WRITE, core.layout().registerAddress(register.index()), () -> {
            core.set(register, value);
            return value;
        });
    }

    @Override
    public CellInteraction<W> get(Reg register) {
        return direct(MemoryInstruction.READ, core.layout().registerAddress(register.index()),
                () -> core.get(register));
    }

    private CellInteraction<W> direct(MemoryInstruction kind, long address, Supplier<W> access) {
        core.beginDirect();
        int before = (int) core.timeLog();
        W value;
        try {
            value = access.get();
        } catch (RuntimeException | Error e) {
            core.rollback();
            throw e;
        }
        core.commit();
        Trace<W> t = core.trace();
        if (t.size() - before == 1) {
            return new CellInteraction.SingleCell<>(kind, t.address(before), value);
        }
        return new CellInteraction.DoubleCell<>(kind, address, value, t.address(before), t.value(before),
                t.address(before + 1), t.value(before + 1));
    }
}
