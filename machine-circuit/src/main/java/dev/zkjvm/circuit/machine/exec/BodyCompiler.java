package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordStack;
import dev.zkjvm.runtime.WordType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one instruction body on symbolic operands, stack and machine API, and turns what it does
 * into constraints on the execution table (each multiplied by the instruction's selector) and into
 * the actions that compute the step's witness cells. The body itself is the only description of
 * the instruction: nothing here knows what {@code add} or {@code jz} mean.
 *
 * @param <W> the machine's word type
 */
final class BodyCompiler<W extends Word<W>> implements SymbolicCall<W>, Vm<W>, WordStack<W>, BodyContext<W> {
    final StepColumns<W> table;
    final InstructionSpec<W> spec;
    final RegisterBinding binding;
    final List<Action> actions = new ArrayList<>();
    final List<Requirement> requirements = new ArrayList<>();
    final List<SlotUse> slotUses = new ArrayList<>();
    final List<PortSlot> portSlots = new ArrayList<>();
    /** The slots whose value the body splits into bytes (a memory access's cells, a written value). */
    final java.util.Set<Integer> byteSlots = new java.util.TreeSet<>();
    /** The words read from a stream port (by id), and the words read through a slot (by id): its index. */
    private final Map<Integer, PortSlot> portWords = new HashMap<>();
    private final Map<Integer, Integer> slotWords = new HashMap<>();
    private final WordGadgets<W> gadgets;
    private final MemoryGadgets<W> memoryGadgets;
    private final Map<Integer, W> operandWords = new HashMap<>();
    private final Map<Integer, Reg> operandRegisters = new HashMap<>();
    private final Map<Reg, Integer> registerOperands = new IdentityHashMap<>();
    private final Map<String, Integer> names = new HashMap<>();
    /** The {@link #deferred} words by id, with the name of the requirements that would put them in cells. */
    private final Map<Integer, String> deferredNames = new HashMap<>();
    private final Map<Integer, SymbolicWord<W>> linearised = new HashMap<>();
    private int words;
    private int depthOffset;
    private Expr nextPc;
    private boolean halts;
    private boolean jumps;
    private UnconstrainableBodyException failure;
    private int range16Used;
    private int freeUsed;
    private int bytesUsed;
    private int byteCellsUsed;
    private final int[] streamsUsed = new int[IoStream.values().length];

    /** One constraint of the body, {@code e = 0} on the instruction's rows, before the selector. */
    record Requirement(String name, Expr e) {
    }

    /**
     * A stream word the body states equal to a slot's value: the word read from port {@code port}
     * of {@code stream} and pushed or set through slot {@code slot}, or the word popped or got
     * through {@code slot} and written to the port. A table may then make the port's cells the
     * slot's ({@code InstructionTable}).
     */
    record PortSlot(IoStream stream, int port, int slot) {
    }

    /**
     * The operand limbs the body requires to be 0 on its rows (a requirement that is the limb's
     * cell alone, as a jump target's limbs above the second): the limbs of the operands it has.
     */
    java.util.Set<OperandLimb> zeroOperandLimbs() {
        java.util.Set<OperandLimb> out = new java.util.HashSet<>();
        for (int j = 0; j < spec.operands().size(); j++) {
            Column[] cols = table.operand(j);
            for (int m = 0; m < cols.length; m++) {
                Expr cell = cols[m] == null ? null : cols[m].cur();
                if (cell != null && requirements.stream().anyMatch(r -> r.e().equals(cell))) {
                    out.add(new OperandLimb(j, m));
                }
            }
        }
        return java.util.Set.copyOf(out);
    }

    BodyCompiler(StepColumns<W> table, InstructionSpec<W> spec, RegisterBinding binding) {
        this.table = table;
        this.spec = spec;
        this.binding = binding;
        this.gadgets = new WordGadgets<>(this);
        this.memoryGadgets = new MemoryGadgets<>(this);
        this.nextPc = table.pc().cur().add(1);
    }

    /** Runs the body; afterwards the compiler holds the instruction's slots, actions and effects. */
    void compile() {
        actions.add(row -> row.nextPc = row.pc + 1);
        try {
            spec.body().accept(this);
        } catch (UnconstrainableBodyException e) {
            throw e;
        } catch (ClassCastException e) {
            throw unconstrainable("combines a computed word with a word made outside the machine API, with the"
                    + " plain word on the left (write computed.op(plain), or make constants with Vm.word)", e);
        } catch (RuntimeException e) {
            throw unconstrainable("threw " + e + " when run symbolically", e);
        }
        if (failure != null) {
            // The body caught the error and went on along a path the VM never takes.
            throw new UnconstrainableBodyException(failure.getMessage() + " (the body caught this error and carried"
                    + " on; catching it cannot hide it)", failure);
        }
        if (halts && jumps) {
            constrainHaltingTarget();
        }
        if (table.nextPc() != null) {
            require("next_pc", table.nextPc().cur().sub(nextPc));
        } else if (jumps) {
            // the table took every instruction's target for the next line; its analysis saw no jump
            throw new IllegalStateException("instruction `" + spec.mnemonic() + "` jumps, but its table has no"
                    + " next_pc column");
        }
    }

    /**
     * A step that halts has no next row to fetch its jump target, so the target's bound is stated
     * here, as the VM checks it: {@code 0 <= next_pc <= length}, with {@code length - next_pc} in
     * two range-checked 16-bit limbs (a jump target is below 2^32 by its own limb constraints).
     */
    private void constrainHaltingTarget() {
        Column lo = range16();
        Column hi = range16();
        require("halt.target.in_program", table.length().sub(nextPc).sub(lo.cur()).sub(hi.cur().mul(1L << 16)));
        actions.add(row -> {
            long room = row.length - row.nextPc;
            row.set(lo, room & 0xFFFF);
            row.set(hi, room >>> 16 & 0xFFFF);
        });
    }

    /**
     * Whether {@code other} compiled the same instruction to exactly the same constraints, accesses
     * and effects: then the two symbolic runs took the same Java path.
     */
    boolean sameAs(BodyCompiler<W> other) {
        return requirements.equals(other.requirements) && slotUses.equals(other.slotUses)
                && portSlots.equals(other.portSlots)
                && depthOffset == other.depthOffset && halts == other.halts && words == other.words
                && java.util.Arrays.equals(streamsUsed, other.streamsUsed);
    }

    // ---- for the gadgets ---------------------------------------------------------------------

    @Override
    public WordType<W> type() {
        return table.type();
    }

    @Override
    public int limbs() {
        return table.limbs();
    }

    WordGadgets<W> gadgets() {
        return gadgets;
    }

    /** The error for a construct constraints cannot express; remembered, so a body cannot swallow it. */
    UnconstrainableBodyException unconstrainable(String what) {
        return remember(new UnconstrainableBodyException("instruction `" + spec.mnemonic() + "` " + what));
    }

    UnconstrainableBodyException unconstrainable(String what, Throwable cause) {
        return remember(new UnconstrainableBodyException("instruction `" + spec.mnemonic() + "` " + what, cause));
    }

    private UnconstrainableBodyException remember(UnconstrainableBodyException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** A constraint of this instruction: {@code selector * e = 0} on every row, once committed. */
    @Override
    public void require(String what, Expr e) {
        if (e instanceof Expr.Const k && k.value() == 0) {
            return;   // 0 = 0: an operand limb the table holds at 0, required to be 0
        }
        int n = names.merge(what, 1, Integer::sum);
        requirements.add(new Requirement(n == 1 ? what : what + "#" + n, e));
    }

    @Override
    public Column range16() {
        return table.range16Pool(range16Used++);
    }

    @Override
    public Column free() {
        return table.freePool(freeUsed++);
    }

    /** A free column constrained to 0 or 1. */
    @Override
    public Column bool(String what) {
        Column c = free();
        require(what + ".bool", c.cur().mul(c.cur().sub(1)));
        return c;
    }

    /** Three columns (x, y, x AND y) whose rows are looked up in the byte table. */
    @Override
    public Column[] bytes() {
        return table.bytePool(bytesUsed++);
    }

    /** A column range-checked to 8 bits. */
    @Override
    public Column byteCell() {
        return table.byteCellPool(byteCellsUsed++);
    }

    /** A new word with these limb expressions; its concrete value is set by a later action. */
    @Override
    public W word(Expr[] limbs) {
        return SymbolicWord.create(this, limbs, words++);
    }

    @Override
    public void action(Action action) {
        actions.add(action);
    }

    @Override
    public Expr programCounter() {
        return table.pc().cur();
    }

    @Override
    public int wordSize() {
        return table.layout().wordSize();
    }

    @Override
    public long[] takeRecordInto(ExecRow<?> row, Slot s) {
        return table.takeRecordInto(row, s);
    }

    int wordCount() {
        return words;
    }

    /** {@code w} as a word of this body whose limbs are of degree at most 1 (see {@link #linear}). */
    @Override
    public SymbolicWord<W> lift(W w) {
        return linear(stored(w));
    }

    /**
     * {@code w} as a word of this body, its limbs as they are: only for a word whose limbs are
     * stated equal to cells ({@code push}, {@code set}, {@code output}), where a limb of degree 2
     * keeps the requirement at the table's degree.
     */
    @SuppressWarnings("unchecked")
    private SymbolicWord<W> stored(W w) {
        if (w instanceof SymbolicWord<?> s) {
            if (s.owner != this) {
                throw unconstrainable("uses a word computed by another instruction's run");
            }
            return (SymbolicWord<W>) s;
        }
        long[] value = ExecutionTable.toLimbs16(type(), w);
        Expr[] limbs = new Expr[value.length];
        for (int i = 0; i < limbs.length; i++) {
            limbs[i] = Expr.constant(value[i]);
        }
        W word = word(limbs);
        int id = ((SymbolicWord<W>) word).id;
        actions.add(row -> row.values[id] = value);
        return (SymbolicWord<W>) word;
    }

    /**
     * A word whose limbs are expressions of degree 2 over cells (a memory read's spliced bytes),
     * left as they are until a gadget needs them: {@link #linear} then puts them in free cells.
     * The gadgets multiply limbs by cells, and their soundness notes assume limbs of degree at most
     * 1; {@code push}, {@code set} and {@code output} only state cells equal to the limbs, so a
     * read pushed at once (load, ldr) needs no cells for its value.
     *
     * @param what the name of the requirements that put the limbs in cells, if a gadget needs them
     */
    @Override
    @SuppressWarnings("unchecked")
    public W deferred(Expr[] limbs, String what) {
        W w = word(limbs);
        deferredNames.put(((SymbolicWord<W>) w).id, what);
        return w;
    }

    /**
     * {@code w} with limbs of degree at most 1: itself, or (a {@link #deferred} word) a word of
     * free cells {@code c_m} with {@code c_m = limb_m} required, made once per word. The cells
     * take the word's value, so the limbs keep its range.
     */
    @SuppressWarnings("unchecked")
    SymbolicWord<W> linear(SymbolicWord<W> w) {
        String what = deferredNames.get(w.id);
        if (what == null) {
            return w;
        }
        return linearised.computeIfAbsent(w.id, id -> {
            Column[] cells = new Column[w.limbs.length];
            Expr[] limbs = new Expr[cells.length];
            for (int m = 0; m < cells.length; m++) {
                cells[m] = free();
                require(what + ".value[" + m + "]", cells[m].cur().sub(w.limbs[m]));
                limbs[m] = cells[m].cur();
            }
            SymbolicWord<W> out = (SymbolicWord<W>) word(limbs);
            actions.add(row -> {
                long[] v = row.values[w.id];
                for (int m = 0; m < cells.length; m++) {
                    row.set(cells[m], v[m]);
                }
                row.values[out.id] = v;
            });
            return out;
        });
    }

    W constant(long v) {
        return type().of(v);
    }

    /** Claims the next slot for an access each step makes and records how this instruction uses it. */
    @Override
    public int claimSlot(int write, int kind) {
        return claimSlot(write, kind, false, true);
    }

    /**
     * As {@link #claimSlot(int, int)}, for the second cell of an unaligned access if {@code second},
     * for an access only some steps make unless {@code always}.
     */
    @Override
    public int claimSlot(int write, int kind, boolean second, boolean always) {
        int k = slotUses.size();
        Slot s = table.slot(k);
        if (!always && s.usedImplied()) {
            // the table took every k-th access for unconditional; its analysis compiled another body
            throw new IllegalStateException("instruction `" + spec.mnemonic() + "`: slot " + k
                    + " has no used column, but this access is made on some steps only");
        }
        slotUses.add(new SlotUse(write, kind, depthOffset, second ? 1 : 0, always));
        return k;
    }

    @Override
    public Slot slot(int k) {
        return table.slot(k);
    }

    @Override
    public void splitsSlot(int k) {
        byteSlots.add(k);
    }

    @Override
    public int slotOf(SymbolicWord<W> w) {
        return slotWords.getOrDefault(w.id, -1);
    }

    // ---- effects -----------------------------------------------------------------------------

    int depthDelta() {
        return depthOffset;
    }

    boolean halts() {
        return halts;
    }

    boolean jumps() {
        return jumps;
    }

    // ---- SymbolicCall ------------------------------------------------------------------------

    @Override
    public W word(int index) {
        return operandWords.computeIfAbsent(index, j -> {
            Column[] cols = table.operand(j);
            Expr[] limbs = new Expr[cols.length];
            for (int i = 0; i < limbs.length; i++) {
                // a limb the table has no column for is 0 on every line it fetches (InstructionTable)
                limbs[i] = cols[i] == null ? Expr.constant(0) : cols[i].cur();
            }
            W w = word(limbs);
            int id = ((SymbolicWord<W>) w).id;
            actions.add(row -> row.values[id] = row.operands[j]);
            return w;
        });
    }

    @Override
    public Reg register(int index) {
        if (binding.concrete()) {
            return table.registers().get(binding.registerAt(index));
        }
        return operandRegisters.computeIfAbsent(index, j -> {
            Reg r = new Reg(0, "operand" + j);
            registerOperands.put(r, j);
            return r;
        });
    }

    @Override
    public Vm<W> vm() {
        return this;
    }

    @Override
    public WordStack<W> stack() {
        return this;
    }

    // ---- WordStack ---------------------------------------------------------------------------

    @Override
    public void push(W value) {
        SymbolicWord<W> v = stored(value);
        int offset = depthOffset;
        depthOffset++;
        int k = claimSlot(1, ExecutionTable.KIND_STACK);
        stackAccess(k, offset, "push");
        Slot s = slot(k);
        storedThrough(v, k);
        requireValue("push", s.value(), v);
        actions.add(row -> table.takeRecordInto(row, s));
    }

    @Override
    public W pop() {
        depthOffset--;
        int k = claimSlot(0, ExecutionTable.KIND_STACK);
        stackAccess(k, depthOffset, "pop");
        return readSlot(k);
    }

    @Override
    public int depth() {
        throw unconstrainable("calls WordStack.depth(), which hands the stack depth to Java");
    }

    /**
     * Constrains slot k to be used, at {@code cell}; where the table implies the flag or the cell
     * from the row's instruction, the body states nothing about it.
     */
    private void access(int k, Expr cell, String what) {
        Slot s = slot(k);
        if (!s.usedImplied()) {
            require(what + ".used", s.used().sub(1));
        }
        if (s.cellImplied()) {
            // the table implies only stack cells (stackAccess); another access needs its cell column
            throw new IllegalStateException("instruction `" + spec.mnemonic() + "`: slot " + k
                    + " has no cell column, but its " + what + " is no stack access");
        }
        require(what + ".cell", s.cell().sub(cell));
    }

    /**
     * A push's or pop's access of the stack cell {@code offset} above the step's depth. A table
     * whose instructions all push or pop at slot k implies its cell as
     * {@code depth + stack base + depthAfter - write} of the instruction's {@link SlotUse}; this
     * checks that this is the cell the access is at.
     */
    private void stackAccess(int k, int offset, String what) {
        Slot s = slot(k);
        SlotUse use = slotUses.get(k);
        if (!s.cellImplied()) {
            access(k, table.stackCell(offset), what);
            return;
        }
        if (use.depthAfter() - use.write() != offset) {
            throw new IllegalStateException("instruction `" + spec.mnemonic() + "`: the implied cell of slot " + k
                    + " is not its " + what + "'s");
        }
        if (!s.usedImplied()) {
            require(what + ".used", s.used().sub(1));
        }
    }

    /** The word read by slot k: the slot's own value columns; the action takes the record. */
    W readSlot(int k) {
        Slot s = slot(k);
        W w = wordOf(s.value().toArray(new Expr[0]), row -> table.takeRecordInto(row, s));
        slotWords.put(((SymbolicWord<W>) w).id, k);
        return w;
    }

    /** Records a stream word stored through slot {@code k} (the first time it is stored). */
    private void storedThrough(SymbolicWord<W> v, int k) {
        PortSlot read = portWords.remove(v.id);
        if (read != null) {
            portSlots.add(new PortSlot(read.stream(), read.port(), k));
        }
    }

    /**
     * {@code cells = v} limb by limb, named {@code <what>.value[i]}; a limb that is the cell itself
     * (a port whose cells the table made the slot's) is left out, as {@code c - c} states nothing.
     */
    private void requireValue(String what, List<Expr> cells, SymbolicWord<W> v) {
        for (int i = 0; i < limbs(); i++) {
            Expr cell = cells.get(i);
            if (!cell.equals(v.limbs[i])) {
                require(what + ".value[" + i + "]", cell.sub(v.limbs[i]));
            }
        }
    }

    /** A word whose limbs are {@code columns}; {@code value} computes them on a step's row. */
    private W wordOfColumns(Column[] columns, java.util.function.Function<ExecRow<?>, long[]> value) {
        Expr[] limbs = new Expr[columns.length];
        for (int i = 0; i < limbs.length; i++) {
            limbs[i] = columns[i].cur();
        }
        return wordOf(limbs, value);
    }

    /** A word whose limbs are {@code limbs}; {@code value} computes them on a step's row. */
    private W wordOf(Expr[] limbs, java.util.function.Function<ExecRow<?>, long[]> value) {
        W w = word(limbs);
        int id = ((SymbolicWord<W>) w).id;
        actions.add(row -> row.values[id] = value.apply(row));
        return w;
    }

    // ---- Vm ----------------------------------------------------------------------------------

    @Override
    public W read(W address) {
        return memoryGadgets.read(lift(address));
    }

    @Override
    public void write(W address, W value) {
        memoryGadgets.write(lift(address), lift(value));
    }

    private Expr registerCell(Reg register) {
        Integer operand = registerOperands.get(register);
        long first = table.layout().registers().firstCell();
        if (operand != null) {
            return binding.generic() ? table.operand(operand)[0].cur().add(first)
                    : Expr.constant(first + binding.registerAt(operand));
        }
        if (register.index() >= table.layout().registerCount()) {
            throw unconstrainable("uses register " + register + " (index " + register.index()
                    + "), which this machine does not have");
        }
        return Expr.constant(first + register.index());
    }

    @Override
    public W get(Reg register) {
        int k = claimSlot(0, ExecutionTable.KIND_REGISTERS);
        access(k, registerCell(register), "get");
        return readSlot(k);
    }

    @Override
    public void set(Reg register, W value) {
        SymbolicWord<W> v = stored(value);
        int k = claimSlot(1, ExecutionTable.KIND_REGISTERS);
        access(k, registerCell(register), "set");
        Slot s = slot(k);
        storedThrough(v, k);
        requireValue("set", s.value(), v);
        actions.add(row -> table.takeRecordInto(row, s));
    }

    @Override
    @SuppressWarnings("unchecked")
    public W word(long value) {
        return (W) lift(type().of(value));
    }

    @Override
    public W select(W condition, W ifNonZero, W ifZero) {
        return gadgets.select(lift(condition), lift(ifNonZero), lift(ifZero));
    }

    @Override
    public W pc() {
        return gadgets.pcWord();
    }

    @Override
    public void jump(W target) {
        jumps = true;
        nextPc = gadgets.jumpTarget(lift(target));
    }

    @Override
    public void jumpIf(W condition, W target) {
        jumps = true;
        nextPc = gadgets.conditionalJump(lift(condition), lift(target), nextPc);
    }

    @Override
    public void halt() {
        halts = true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public W memoryBase() {
        return (W) lift(type().of(table.layout().memoryBase()));
    }

    @Override
    public W input() {
        return readStream(IoStream.INPUT);
    }

    @Override
    public W advice() {
        return readStream(IoStream.ADVICE);
    }

    /** The next word of a stream: the port's columns; the action takes the stream's word. */
    @SuppressWarnings("unchecked")
    private W readStream(IoStream stream) {
        int k = streamsUsed[stream.ordinal()]++;
        Column[] port = table.port(stream, k);
        W w = wordOfColumns(port, row -> row.takeStreamWord(stream, port));
        portWords.put(((SymbolicWord<W>) w).id, new PortSlot(stream, k, -1));
        return w;
    }

    @Override
    public void output(W value) {
        SymbolicWord<W> v = stored(value);
        int k = streamsUsed[IoStream.OUTPUT.ordinal()]++;
        Integer slot = slotWords.get(v.id);
        if (slot != null) {
            portSlots.add(new PortSlot(IoStream.OUTPUT, k, slot));
        }
        Column[] port = table.port(IoStream.OUTPUT, k);
        requireValue("output", java.util.Arrays.stream(port).map(Column::cur).toList(), v);
        actions.add(row -> row.takeStreamWord(IoStream.OUTPUT, port));
    }

    /**
     * The columns the body needs beyond a step's own (pc, time, depth...): its operands' limbs, its
     * slots, its pooled helpers and its stream ports. What a table pays per row to hold it.
     */
    int width() {
        int ports = java.util.Arrays.stream(streamsUsed).sum();
        return spec.operands().size() * limbs() + slotUses.size() * (2 + limbs()) + range16Used + freeUsed
                + 3 * bytesUsed + byteCellsUsed + ports * limbs();
    }

    /** How many words the body reads or writes on each stream, in {@link IoStream} order. */
    int[] streamsUsed() {
        return streamsUsed.clone();
    }
}
