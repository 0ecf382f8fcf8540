package dev.zkjvm.runtime.core;

import dev.zkjvm.runtime.AbstractContext;
import dev.zkjvm.runtime.InvalidAddressException;
import dev.zkjvm.runtime.InvalidJumpException;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Section;
import dev.zkjvm.runtime.SectionKind;
import dev.zkjvm.runtime.SectionViolationException;
import dev.zkjvm.runtime.WordStack;
import dev.zkjvm.runtime.StackOverflowException;
import dev.zkjvm.runtime.StackUnderflowException;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;

/**
 * The execution engine every generated machine delegates to: cells, stack pointer, program
 * counter, time log and trace, with instruction-level atomicity.
 *
 * <p>Every access appends one trace record per touched cell. {@link #begin} opens a step;
 * {@link #commit} ends it; {@link #rollback} undoes every cell write, trace record, stack move
 * and jump of the step in progress, which is how a failed instruction leaves no trace.
 *
 * <p>Unaligned words are spliced big-endian: the word at byte address {@code a} is bytes
 * {@code a .. a + wordSize - 1}, most significant first, where cell {@code c} holds bytes
 * {@code c * wordSize ..} with its most significant byte at the lowest address.
 *
 * @param <W> word type
 */
public final class MachineCore<W extends Word<W>> implements Vm<W>, AbstractContext<W> {
    private static final int READ = 0;
    private static final int WRITE = 1;
    /** Flag bit of the record for the second cell of an unaligned (double-cell) access. */
    private static final int SECOND_CELL = Trace.SECOND_CELL_BIT;

    private final WordType<W> type;
    private final MemoryLayout layout;
    private final int wordSize;
    private final int wordShift;
    private final int limbs;
    private final long endAddress;
    private final long memoryFirstCell;
    private final long memoryEndCell;
    private final long stackFirstCell;
    private final int maxDepth;
    private final long registerFirstCell;
    private final long registerCount;
    private final W memoryBase;
    private final PagedMemory memory;
    private final TraceBuffer<W> trace;
    private final UndoLog undo;
    private final long[] scratch;
    private final WordStack<W> stackView = new StackView();

    private int depth;
    private long pc;
    private long step;
    private boolean halted;

    private long programLength = Long.MAX_VALUE;
    private int opcode = -1;
    private long stepMark = -1;
    private int savedTraceSize;
    private int savedDepth;
    private long nextPc;
    private boolean haltRequested;

    private final WordSource<W> input = new WordSource<>("public input", "the input");
    private final WordSource<W> advice = new WordSource<>("advice", "the advice");
    private final java.util.ArrayList<W> output = new java.util.ArrayList<>();
    private int savedOutputSize;

    /** Null unless a segmented run or a replay asked for the cells touched (see {@link #startCellJournal}). */
    private CellJournal journal;
    private int savedJournalSize;

    /** A machine with all cells zero, an empty stack and an empty trace. */
    public MachineCore(WordType<W> type, MemoryLayout layout) {
        if (type.bytes() != layout.wordSize()) {
            throw new IllegalArgumentException(type + " does not match a layout of " + layout.wordSize() + "-byte words");
        }
        if (layout.stackDepth() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stack depth " + layout.stackDepth() + " is too large");
        }
        this.type = type;
        this.layout = layout;
        this.wordSize = layout.wordSize();
        this.wordShift = Integer.numberOfTrailingZeros(wordSize);
        this.limbs = type.limbs();
        this.endAddress = layout.endAddress();
        Section mem = layout.memory();
        this.memoryFirstCell = mem.firstCell();
        this.memoryEndCell = mem.endCell();
        this.stackFirstCell = layout.stack().firstCell();
        this.maxDepth = (int) layout.stackDepth();
        this.registerFirstCell = layout.registers().firstCell();
        this.registerCount = layout.registerCount();
        this.memoryBase = type.of(layout.memoryBase());
        this.memory = new PagedMemory(layout.totalCells(), limbs);
        this.trace = new TraceBuffer<>(type, 1 << 12);
        this.undo = new UndoLog(limbs);
        this.scratch = new long[limbs];
    }

    // ---- steps -------------------------------------------------------------------------

    /** Opens step {@link #step()} for the instruction with {@code opcode}. */
    public void begin(int opcode) {
        this.opcode = opcode;
        this.stepMark = step;
        openAtomic();
        nextPc = pc + 1;
    }

    /** Opens an access made from outside any instruction (recorded with step and opcode -1). */
    public void beginDirect() {
        this.opcode = -1;
        this.stepMark = -1;
        openAtomic();
        nextPc = pc;
    }

    private void openAtomic() {
        savedTraceSize = trace.size();
        savedDepth = depth;
        input.mark();
        advice.mark();
        savedOutputSize = output.size();
        savedJournalSize = journal == null ? 0 : journal.size();
        haltRequested = false;
        undo.clear();
    }

    /** Ends the step in progress: the program counter moves on and the step count grows. */
    public void commit() {
        if (stepMark >= 0) {
            step++;
        }
        pc = nextPc;
        if (haltRequested) {
            halted = true;
        }
        opcode = -1;
        stepMark = -1;
    }

    /** Undoes everything the step in progress did. */
    public void rollback() {
        undo.undo(memory);
        trace.truncate(savedTraceSize);
        depth = savedDepth;
        input.reset();
        advice.reset();
        output.subList(savedOutputSize, output.size()).clear();
        if (journal != null) {
            journal.truncate(savedJournalSize);
        }
        haltRequested = false;
        opcode = -1;
        stepMark = -1;
    }

    /** Starts a program of {@code length} instructions at instruction 0. */
    public void startProgram(long length) {
        startProgram(length, 0);
    }

    /**
     * Enters a program of {@code length} instructions at instruction {@code pc}, not halted: how a
     * replay of a segment picks a run up in its middle.
     */
    public void startProgram(long length, long pc) {
        if (pc < 0 || pc > length) {
            throw new IllegalArgumentException("instruction " + pc + " is outside a program of " + length
                    + " instructions");
        }
        programLength = length;
        this.pc = pc;
        halted = false;
    }

    /** Marks the machine halted (the program counter ran off the end of the program). */
    public void stop() {
        halted = true;
    }

    // ---- state --------------------------------------------------------------------------

    @Override
    public MemoryLayout layout() {
        return layout;
    }

    @Override
    public WordType<W> wordType() {
        return type;
    }

    @Override
    public long timeLog() {
        return trace.size();
    }

    @Override
    public int stackDepth() {
        return depth;
    }

    @Override
    public long stackPointer() {
        return (stackFirstCell + depth) << wordShift;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public long programCounter() {
        return pc;
    }

    @Override
    public boolean halted() {
        return halted;
    }

    /** The trace so far, as a view, with the streams read and written so far. */
    public Trace<W> trace() {
        Trace<W> t = trace.snapshot();
        return input.read().isEmpty() && advice.read().isEmpty() && output.isEmpty() ? t : t.withStreams(streams());
    }

    /** The words read from the public input and the advice, and written to the output, so far. */
    public Streams<W> streams() {
        return new Streams<>(input.read(), advice.read(), output);
    }

    // ---- segments -----------------------------------------------------------------------------

    /**
     * Starts noting every cell an access touches from now on, with its value before the first
     * access (empty journal). Costs one hash probe per access until the machine is dropped.
     */
    public void startCellJournal() {
        journal = new CellJournal(limbs, null, null);
    }

    /**
     * {@link #startCellJournal()} for a machine that may touch no cell but {@code allowed}: an access
     * to any other cell fails, before it is made, with the exception {@code outside} makes of the cell
     * (a {@link dev.zkjvm.runtime.VmException}, so that the step is undone and named as usual).
     *
     * @param allowed the cells an access may touch, strictly ascending
     */
    public void startCellJournal(long[] allowed, java.util.function.LongFunction<? extends RuntimeException> outside) {
        journal = new CellJournal(limbs, allowed.clone(), java.util.Objects.requireNonNull(outside, "outside"));
    }

    /**
     * The cells touched since {@link #startCellJournal} or the last call of this, ascending, with
     * their values before their first access and now; then empties the journal.
     *
     * @throws IllegalStateException if no journal was started
     */
    public CellChanges takeCellChanges() {
        if (journal == null) {
            throw new IllegalStateException("no cell journal was started");
        }
        CellChanges changes = journal.changes(memory);
        journal.clear();
        return changes;
    }

    /**
     * Drops every trace record: the time log starts again at 0. Views handed out earlier by
     * {@link #trace()} share storage with the buffer and must not be read afterwards.
     */
    public void clearTrace() {
        trace.truncate(0);
    }

    /**
     * Sets a cell's limbs without recording an access: how a replay loads the cells a segment
     * starts from.
     *
     * @throws IllegalArgumentException if the cell is outside the address space or the limbs are not
     *     {@code wordType().limbs()} many
     */
    public void loadCell(long cell, long[] value) {
        if (cell < 0 || cell >= layout.totalCells()) {
            throw new IllegalArgumentException("cell " + cell + " is outside the address space of "
                    + layout.totalCells() + " cells");
        }
        if (value.length != limbs) {
            throw new IllegalArgumentException("a word has " + limbs + " limbs, not " + value.length);
        }
        memory.set(cell, value, 0);
    }

    /**
     * Puts a new machine at a point of an earlier run: {@code step} instructions done, the stack
     * {@code depth} deep, {@code inputRead} and {@code adviceRead} words of the streams supplied
     * read, and {@code outputSoFar} written. The stack's cells are loaded with {@link #loadCell}.
     *
     * @throws IllegalStateException    if the machine has run or recorded anything
     * @throws IllegalArgumentException if a value is out of range
     */
    public void resume(long step, int depth, int inputRead, int adviceRead, java.util.List<? extends W> outputSoFar) {
        if (this.step != 0 || trace.size() != 0 || !output.isEmpty() || input.readCount() != 0
                || advice.readCount() != 0) {
            throw new IllegalStateException("only a new machine can resume an earlier run");
        }
        if (step < 0) {
            throw new IllegalArgumentException("step " + step + " is negative");
        }
        if (depth < 0 || depth > maxDepth) {
            throw new IllegalArgumentException("stack depth " + depth + " is outside [0, " + maxDepth + "]");
        }
        input.skip(inputRead);
        advice.skip(adviceRead);
        this.step = step;
        this.depth = depth;
        output.addAll(outputSoFar);
    }

    /** Number of public input words read so far. */
    public int inputRead() {
        return input.readCount();
    }

    /** Number of advice words read so far. */
    public int adviceRead() {
        return advice.readCount();
    }

    /** Number of output words written so far. */
    public int outputWritten() {
        return output.size();
    }

    // ---- streams ------------------------------------------------------------------------------

    /** Appends words to the public input that {@link #input()} reads. */
    public void supplyInput(java.util.List<? extends W> words) {
        input.supply(words);
    }

    /** Appends words to the advice (private input) that {@link #advice()} reads. */
    public void supplyAdvice(java.util.List<? extends W> words) {
        advice.supply(words);
    }

    /** The public input words supplied and not read yet. */
    public int inputLeft() {
        return input.left();
    }

    /** The advice words supplied and not read yet. */
    public int adviceLeft() {
        return advice.left();
    }

    @Override
    public W input() {
        return input.next();
    }

    @Override
    public W advice() {
        return advice.next();
    }

    @Override
    public void output(W value) {
        output.add(java.util.Objects.requireNonNull(value, "value"));
    }

    /** The stack as instruction bodies see it. */
    public WordStack<W> stack() {
        return stackView;
    }

    /** The value a cell holds now, without recording an access (for inspection and tests). */
    public W peekCell(long cell) {
        if (limbs == 1) {
            return type.of(memory.get(cell));
        }
        long[] v = new long[limbs];
        memory.get(cell, v, 0);
        return type.fromLimbs(v, 0);
    }

    // ---- Vm: memory ---------------------------------------------------------------------

    @Override
    public W read(W address) {
        return readAt(toAddress(address));
    }

    @Override
    public void write(W address, W value) {
        writeAt(toAddress(address), value);
    }

    /** Reads the memory word at a byte address, recording one or two accesses. */
    public W readAt(long address) {
        long cell = address >>> wordShift;
        int offset = (int) (address & (wordSize - 1));
        if (offset == 0) {
            checkMemoryCell(cell, address);
            return recordRead(cell);
        }
        checkMemoryCell(cell, address);
        checkMemoryCell(cell + 1, address);
        W high = recordRead(cell);
        W low = recordRead(cell + 1, SECOND_CELL);
        return high.shl(8 * offset).or(low.shr(8 * (wordSize - offset)));
    }

    /**
     * Writes the memory word at a byte address: one write record if aligned; otherwise reads of
     * the two cells it straddles, then writes of both (four records).
     */
    public void writeAt(long address, W value) {
        long cell = address >>> wordShift;
        int offset = (int) (address & (wordSize - 1));
        if (offset == 0) {
            checkMemoryCell(cell, address);
            recordWrite(cell, value);
            return;
        }
        checkMemoryCell(cell, address);
        checkMemoryCell(cell + 1, address);
        int keepBits = 8 * offset;
        int valueBits = 8 * (wordSize - offset);
        // The bytes kept from the two cells are read and recorded first, so that the circuit can
        // check the splice: an unaligned write is read, read, write, write.
        W first = recordRead(cell);
        W second = recordRead(cell + 1, SECOND_CELL);
        // First cell keeps its leading `offset` bytes and takes the value's leading bytes.
        W newFirst = first.shr(valueBits).shl(valueBits).or(value.shr(keepBits));
        // Second cell takes the value's trailing `offset` bytes and keeps the rest.
        W newSecond = value.shl(valueBits).or(second.shl(keepBits).shr(keepBits));
        recordWrite(cell, newFirst);
        recordWrite(cell + 1, newSecond, SECOND_CELL);
    }

    private long toAddress(W address) {
        for (int i = 1; i < limbs; i++) {
            if (address.limb(i) != 0) {
                throw new InvalidAddressException("address " + address + " is outside the address space [0, "
                        + endAddress + ")", -1);
            }
        }
        long a = address.limb(0);
        if (a < 0 || a >= endAddress) {
            throw new InvalidAddressException("address " + address + " is outside the address space [0, "
                    + endAddress + ")", a < 0 ? -1 : a);
        }
        return a;
    }

    private void checkMemoryCell(long cell, long address) {
        if (cell >= memoryFirstCell && cell < memoryEndCell) {
            return;
        }
        if (cell >= (endAddress >>> wordShift)) {
            String what = (cell << wordShift) > address
                    ? "the word at address " + address + " ends at byte " + (address + wordSize - 1) + ", past"
                    : "address " + address + " is outside";
            throw new InvalidAddressException(what + " the address space [0, " + endAddress + ")", address);
        }
        SectionKind kind = layout.sectionOfCell(cell).kind();
        throw new SectionViolationException("memory access at address " + address + " touches cell " + cell
                + " of the " + kind.name().toLowerCase() + " section, outside memory cells ["
                + memoryFirstCell + ", " + memoryEndCell + ")", address);
    }

    // ---- Vm: registers, constants, control --------------------------------------------------

    @Override
    public W get(Reg register) {
        return recordRead(registerCell(register));
    }

    @Override
    public void set(Reg register, W value) {
        recordWrite(registerCell(register), value);
    }

    private long registerCell(Reg register) {
        if (register.index() >= registerCount) {
            throw new SectionViolationException("register " + register + " (index " + register.index()
                    + ") is not one of this machine's " + registerCount + " registers",
                    (registerFirstCell + register.index()) << wordShift);
        }
        return registerFirstCell + register.index();
    }

    @Override
    public W word(long value) {
        return type.of(value);
    }

    @Override
    public W select(W condition, W ifNonZero, W ifZero) {
        return condition.isZero() ? ifZero : ifNonZero;
    }

    @Override
    public W pc() {
        return type.of(pc);
    }

    @Override
    public void jump(W target) {
        for (int i = 1; i < limbs; i++) {
            if (target.limb(i) != 0) {
                throw new InvalidJumpException("jump target " + target + " is outside the program of "
                        + programLength + " instructions", -1);
            }
        }
        long t = target.limb(0);
        if (t < 0 || t > programLength) {
            throw new InvalidJumpException("jump target " + target + " is outside the program of "
                    + programLength + " instructions", -1);
        }
        nextPc = t;
    }

    @Override
    public void jumpIf(W condition, W target) {
        if (!condition.isZero()) {
            jump(target);
        }
    }

    @Override
    public void halt() {
        haltRequested = true;
    }

    @Override
    public W memoryBase() {
        return memoryBase;
    }

    // ---- stack ----------------------------------------------------------------------------

    /** Writes at the stack pointer, then advances it. */
    public void push(W value) {
        if (depth >= maxDepth) {
            throw new StackOverflowException("push onto a full stack of depth " + maxDepth,
                    (stackFirstCell + depth) << wordShift);
        }
        long cell = stackFirstCell + depth;
        depth++;
        recordWrite(cell, value);
    }

    /** Steps the stack pointer back, then reads. */
    public W pop() {
        if (depth == 0) {
            throw new StackUnderflowException("pop from an empty stack", stackFirstCell << wordShift);
        }
        depth--;
        return recordRead(stackFirstCell + depth);
    }

    private final class StackView implements WordStack<W> {
        @Override
        public void push(W value) {
            MachineCore.this.push(value);
        }

        @Override
        public W pop() {
            return MachineCore.this.pop();
        }

        @Override
        public int depth() {
            return depth;
        }
    }

    // ---- recording ---------------------------------------------------------------------------

    private W recordRead(long cell) {
        return recordRead(cell, 0);
    }

    private W recordRead(long cell, int part) {
        if (journal != null) {
            journal.touch(cell, memory);
        }
        if (limbs == 1) {
            long v = memory.get(cell);
            trace.append(trace.size(), depth, READ | part, cell << wordShift, v, stepMark, opcode);
            return type.of(v);
        }
        memory.get(cell, scratch, 0);
        trace.append(trace.size(), depth, READ | part, cell << wordShift, scratch, 0, stepMark, opcode);
        return type.fromLimbs(scratch, 0);
    }

    private void recordWrite(long cell, W value) {
        recordWrite(cell, value, 0);
    }

    private void recordWrite(long cell, W value, int part) {
        if (journal != null) {
            journal.touch(cell, memory);
        }
        if (limbs == 1) {
            long v = value.limb(0);
            undo.remember(cell, memory.exchange(cell, v));
            trace.append(trace.size(), depth, WRITE | part, cell << wordShift, v, stepMark, opcode);
            return;
        }
        undo.remember(cell, memory);
        type.toLimbs(value, scratch, 0);
        memory.set(cell, scratch, 0);
        trace.append(trace.size(), depth, WRITE | part, cell << wordShift, scratch, 0, stepMark, opcode);
    }
}
