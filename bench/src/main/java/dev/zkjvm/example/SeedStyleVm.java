package dev.zkjvm.example;

import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.SectionViolationException;
import dev.zkjvm.runtime.StackOverflowException;
import dev.zkjvm.runtime.StackUnderflowException;
import dev.zkjvm.runtime.TraceRecord;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordStack;
import dev.zkjvm.runtime.WordType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The baseline for the benchmarks: the same machine API and semantics as the generated
 * machines, stored the way the seed's library stores it, a {@code TreeMap} from cell address to
 * value and one object per trace record in an {@code ArrayList}. No rollback journal (the seed
 * has none), so it does strictly less work per access than {@code MachineCore}.
 *
 * @param <W> word type
 */
final class SeedStyleVm<W extends Word<W>> implements Vm<W> {
    private final WordType<W> type;
    private final int wordSize;
    private final long memoryFirstCell;
    private final long memoryEndCell;
    private final long stackFirstCell;
    private final long maxDepth;
    private final long registerFirstCell;
    private final TreeMap<Long, W> memory = new TreeMap<>();
    final List<TraceRecord<W>> trace = new ArrayList<>();
    private final WordStack<W> stack = new WordStack<>() {
        @Override
        public void push(W value) {
            if (depth >= maxDepth) {
                throw new StackOverflowException("full", -1);
            }
            long cell = stackFirstCell + depth;
            depth++;
            record(MemoryInstruction.WRITE, cell, value);
        }

        @Override
        public W pop() {
            if (depth == 0) {
                throw new StackUnderflowException("empty", -1);
            }
            depth--;
            return record(MemoryInstruction.READ, stackFirstCell + depth, null);
        }

        @Override
        public int depth() {
            return depth;
        }
    };

    int depth;
    long pc;
    long nextPc;
    long step;
    int opcode;
    boolean halted;

    SeedStyleVm(WordType<W> type, MemoryLayout layout) {
        this.type = type;
        this.wordSize = layout.wordSize();
        this.memoryFirstCell = layout.memory().firstCell();
        this.memoryEndCell = layout.memory().endCell();
        this.stackFirstCell = layout.stack().firstCell();
        this.maxDepth = layout.stackDepth();
        this.registerFirstCell = layout.registers().firstCell();
    }

    WordStack<W> stack() {
        return stack;
    }

    private W record(MemoryInstruction kind, long cell, W value) {
        Long key = cell * wordSize;
        W v = value;
        if (kind == MemoryInstruction.WRITE) {
            memory.put(key, value);
        } else {
            v = memory.getOrDefault(key, type.zero());
        }
        trace.add(new TraceRecord<>(trace.size(), depth, kind, key, v, step, opcode));
        return v;
    }

    private long memoryCell(long address) {
        long cell = address / wordSize;
        if (cell < memoryFirstCell || cell >= memoryEndCell) {
            throw new SectionViolationException("outside memory", address);
        }
        return cell;
    }

    @Override
    public W read(W address) {
        long a = address.longValue();
        int offset = (int) (a % wordSize);
        long cell = memoryCell(a);
        if (offset == 0) {
            return record(MemoryInstruction.READ, cell, null);
        }
        memoryCell(a + wordSize);
        W high = record(MemoryInstruction.READ, cell, null);
        W low = record(MemoryInstruction.READ, cell + 1, null);
        return high.shl(8 * offset).or(low.shr(8 * (wordSize - offset)));
    }

    @Override
    public void write(W address, W value) {
        long a = address.longValue();
        int offset = (int) (a % wordSize);
        long cell = memoryCell(a);
        if (offset == 0) {
            record(MemoryInstruction.WRITE, cell, value);
            return;
        }
        memoryCell(a + wordSize);
        int keepBits = 8 * offset;
        int valueBits = 8 * (wordSize - offset);
        // Read, read, write, write: the kept bytes are recorded, as the generated machine does.
        W first = record(MemoryInstruction.READ, cell, null);
        W second = record(MemoryInstruction.READ, cell + 1, null);
        record(MemoryInstruction.WRITE, cell, first.shr(valueBits).shl(valueBits).or(value.shr(keepBits)));
        record(MemoryInstruction.WRITE, cell + 1, value.shl(valueBits).or(second.shl(keepBits).shr(keepBits)));
    }

    @Override
    public W get(Reg register) {
        return record(MemoryInstruction.READ, registerFirstCell + register.index(), null);
    }

    @Override
    public void set(Reg register, W value) {
        record(MemoryInstruction.WRITE, registerFirstCell + register.index(), value);
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
        nextPc = target.longValue();
    }

    @Override
    public void jumpIf(W condition, W target) {
        if (!condition.isZero()) {
            jump(target);
        }
    }

    @Override
    public void halt() {
        halted = true;
    }

    @Override
    public W memoryBase() {
        return type.of(memoryFirstCell * wordSize);
    }

    // Streams as plain lists (no rollback, like the rest of this baseline); no advice, which the
    // benchmarked programs do not read.
    private final List<W> input = new ArrayList<>();
    private int inputRead;
    final List<W> output = new ArrayList<>();

    /** Appends words to the public input that {@link #input()} reads. */
    void supplyInput(long... values) {
        for (long v : values) {
            input.add(type.of(v));
        }
    }

    @Override
    public W input() {
        if (inputRead == input.size()) {
            throw new IllegalStateException("the input has only " + input.size() + " words");
        }
        return input.get(inputRead++);
    }

    @Override
    public W advice() {
        throw new UnsupportedOperationException("the seed-style VM has no advice stream");
    }

    @Override
    public void output(W value) {
        output.add(value);
    }
}
