package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The table of one instruction, or of a few whose bodies need about as many columns: its rows are
 * those instructions' steps, in no particular order. Every column is named {@code <name>.*}. A
 * table of one instruction is named {@code exec.<label>} and its rows are flagged
 * {@code .active}; a table of several is named {@code exec.<label>-<label>...} and flags each
 * row's instruction ({@code .is.<label>}). The instructions share the step's columns and the
 * pools of helper columns, slots and ports their bodies ask for. The narrowest table also holds,
 * in one row flagged {@code .final}, the final state.
 *
 * <p>On a row that runs an instruction: its body's constraints hold ({@code exec.<label>.<requirement>},
 * named as on the one-table execution table); the step's line is fetched from the program
 * ({@code .fetch}); each memory access the step makes is sent on the memory bus, which the log
 * receives; each public stream word is sent to the statement; and the step receives its start
 * state on the execution bus and sends the state after it. Other rows are zeros: they send and
 * receive nothing, and their zero helper cells pass the range checks and byte lookups.
 *
 * @param <W> the machine's word type
 */
final class InstructionTable<W extends Word<W>> implements StepColumns<W> {
    private final InstructionTables<W> owner;
    private final ConstraintSystemBuilder builder;
    /** The table's name. */
    final String name;
    final List<Member<W>> members = new ArrayList<>();
    /** On the table that holds it, the flag of the one row that receives the final state; else null. */
    final Column finalFlag;
    /** The step's run; null when the program is one run (see {@link #run}). */
    final Column segment;
    final Column pc;
    final Column clk;
    final Column time;
    final Column depth;
    /** The step's run's length; null when the program is one run (see {@link #run}). */
    final Column length;
    /** The step's target; null when no instruction of the table jumps (see {@link #target}). */
    final Column nextPc;
    /** The step's run, its length and its target: the columns above, or what they would be held to. */
    private final Expr run;
    private final Expr runLength;
    private final Expr target;
    /**
     * 1 if the step ends its run by running off its last line; null if no step of the table can
     * (see {@link #canRunOff}).
     */
    final Column atEnd;
    final Column atEndInverse;
    /** The public streams' words before the step. */
    final Map<IoStream, Column> counts = new EnumMap<>(IoStream.class);
    final List<Column> ownColumns = new ArrayList<>();
    private final List<Column[]> operands = new ArrayList<>();
    /** The helper columns, slots and ports the bodies ask for, shared by the table's instructions. */
    private final StepPools pools;
    private final List<Slot> slots;
    /** Per slot: what the table's instructions fix of its used flag and cell ({@link #implied}). */
    private final List<Slot.Implied> implied = new ArrayList<>();

    /**
     * One instruction of the table: the analysis's compilation (spec, label, variant, binding), its
     * row flag, and its body compiled on this table's columns.
     */
    static final class Member<W extends Word<W>> {
        final ExecutionTable.Compiled<W> analysed;
        final Column selector;
        final Action[] actions;
        final int words;
        final List<SlotUse> slotUses;
        final int depthDelta;
        final boolean halts;
        final int[] streams;
        final List<BodyCompiler.Requirement> requirements;

        Member(ExecutionTable.Compiled<W> analysed, Column selector, BodyCompiler<W> body) {
            this.analysed = analysed;
            this.selector = selector;
            this.actions = body.actions.toArray(new Action[0]);
            this.words = body.wordCount();
            this.slotUses = List.copyOf(body.slotUses);
            this.depthDelta = body.depthDelta();
            this.halts = body.halts();
            this.streams = body.streamsUsed();
            this.requirements = List.copyOf(body.requirements);
        }
    }

    InstructionTable(InstructionTables<W> owner, ConstraintSystemBuilder b, List<ExecutionTable.Compiled<W>> group,
            boolean holdsFinalState) {
        this.owner = owner;
        this.builder = b;
        StringBuilder n = new StringBuilder("exec.");
        for (int i = 0; i < group.size(); i++) {
            n.append(i == 0 ? "" : "-").append(group.get(i).label());
        }
        this.name = n.toString();
        this.pools = new StepPools(b, name, limbs(), this::declare, owner::byteTable,
                k -> k < implied.size() ? implied.get(k) : Slot.Implied.NONE, (stream, k) -> portSlot(group, stream, k));
        this.slots = pools.slots();
        List<Column> selectors = new ArrayList<>();
        for (ExecutionTable.Compiled<W> c : group) {
            selectors.add(own(group.size() == 1 ? "active" : "is." + c.label()));
        }
        finalFlag = holdsFinalState ? own("final") : null;
        List<List<ExecutionProgram.Line<W>>> runs = owner.analysis().program().segments();
        segment = runs.size() == 1 ? null : own("segment");
        pc = own("pc");
        clk = own("clk");
        time = own("time");
        depth = own("depth");
        length = runs.size() == 1 ? null : own("length");
        nextPc = group.stream().anyMatch(ExecutionTable.Compiled::jumps) ? own("next_pc") : null;
        run = segment == null ? Expr.constant(0) : segment.cur();
        runLength = length == null ? Expr.constant(runs.get(0).size()) : length.cur();
        target = nextPc == null ? pc.cur().add(1) : nextPc.cur();
        for (IoStream s : owner.countedStreams()) {
            counts.put(s, own(s.label() + ".count"));
        }
        int maxOperands = group.stream().mapToInt(c -> c.spec().operands().size()).max().orElse(0);
        for (int j = 0; j < maxOperands; j++) {
            Column[] cols = new Column[limbs()];
            for (int m = 0; m < cols.length; m++) {
                // a limb no line of these instructions can have non-zero is 0 in the fetch instead
                cols[m] = mayBeNonZero(group, j, m) ? own("operand[" + j + "].limb[" + m + "]") : null;
            }
            operands.add(cols);
        }
        // before the bodies compile: they claim slots, and the pools declare them as these say
        implied.addAll(implied(group, selectors, depth, owner.analysis().layout().stack().firstCell()));
        for (int i = 0; i < group.size(); i++) {
            BodyCompiler<W> body = new BodyCompiler<>(this, group.get(i).spec(), group.get(i).binding());
            body.compile();
            members.add(new Member<>(group.get(i), selectors.get(i), body));
        }
        if (!canRunOff(owner.analysis(), group)) {
            atEnd = null;
            atEndInverse = null;
        } else {
            atEnd = own("at_end");
            atEndInverse = own("at_end.inverse");
        }
        constrain();
    }

    /**
     * The slot whose value every instruction of {@code group} with a k-th word of {@code stream}
     * states equal to it ({@link BodyCompiler.PortSlot}), or -1: where some instruction states none
     * or another, and for the advice, whose ports are range-checked cells of their own.
     */
    private static int portSlot(List<? extends ExecutionTable.Compiled<?>> group, IoStream stream, int k) {
        if (stream.bus() == null) {
            return -1;
        }
        int shared = -1;
        for (ExecutionTable.Compiled<?> c : group) {
            if (c.uses(stream) <= k) {
                continue;
            }
            int slot = c.portSlots().stream().filter(p -> p.stream() == stream && p.port() == k)
                    .mapToInt(BodyCompiler.PortSlot::slot).findFirst().orElse(-1);
            if (slot < 0 || shared >= 0 && slot != shared) {
                return -1;
            }
            shared = slot;
        }
        return shared;
    }

    /**
     * Whether a step of {@code group} can end its run by running off its last line: one of an
     * instruction that does not halt and either jumps (its target is data) or runs at some run's
     * last line. Otherwise every step that goes on goes to {@code pc + 1} from a line that is not
     * its run's last: the fetch admits only lines where the program runs one of these instructions
     * (the opcode, and the variant where there are some, select exactly those lines), so
     * {@code target - length} is never 0 there, and the {@code at_end} flag, which the rules would
     * hold at 0 with its inverse as witness, is left out with its four rules: no step of the table
     * ends a run but by {@code halt}, as no step of it could.
     */
    private static <W extends Word<W>> boolean canRunOff(ExecutionTable<W> analysis,
            List<ExecutionTable.Compiled<W>> group) {
        if (group.stream().anyMatch(c -> !c.halts() && c.jumps())) {
            return true;
        }
        List<List<ExecutionProgram.Line<W>>> runs = analysis.program().segments();
        for (int s = 0; s < runs.size(); s++) {
            int last = runs.get(s).size() - 1;
            ExecutionTable.Compiled<W> c = last < 0 ? null : analysis.compiledAt(s, last);
            if (c != null && !c.halts() && group.stream().anyMatch(g -> g == c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether limb {@code m} of operand {@code j} can be non-zero on a step of {@code group}. It is 0
     * on every step of an instruction
     * <ul>
     *   <li>with no operand j: the program holds 0 there;</li>
     *   <li>with a register at j, for m above 0: a register operand is fetched only from a line whose
     *       opcode is executable, and {@code ExecutionTable} marks a line unexecutable (an opcode no
     *       row flag sums to) when its register operand has a non-zero upper limb or an index past
     *       the machine's registers;</li>
     *   <li>whose body requires the limb to be 0 (a jump target's limbs above the second).</li>
     * </ul>
     * Where every instruction of the table is such, the limb is the constant 0 in the fetched tuple
     * and in the bodies rather than a column held at 0 (the bodies' {@code 0 = 0} requirements are
     * left out): a restriction that the same steps satisfy.
     */
    private static boolean mayBeNonZero(List<? extends ExecutionTable.Compiled<?>> group, int j, int m) {
        for (ExecutionTable.Compiled<?> c : group) {
            List<OperandKind> kinds = c.spec().operands();
            if (kinds.size() <= j || kinds.get(j) == OperandKind.REGISTER && m > 0
                    || c.zeroLimbs().contains(new OperandLimb(j, m))) {
                continue;
            }
            return true;
        }
        return false;
    }

    /**
     * What the instructions of {@code group} fix of each slot k (see {@link StepPools#slot}): the
     * used flag, the sum of their flags, where every instruction with a k-th access makes it on each
     * of its steps (null where one makes it on some steps only, an unaligned access's cells: the
     * slot keeps a column the body constrains); the cell, {@code depth + stack base + Σ s_i o_i},
     * where every such instruction pushes or pops there, {@code o_i = depthAfter - write} its
     * offset from the depth before the step (a push's cell is below its depth after, a pop's at
     * it); null otherwise; whether the value is its bytes, where every such instruction splits it
     * into bytes.
     */
    private static List<Slot.Implied> implied(List<? extends ExecutionTable.Compiled<?>> group, List<Column> selectors,
            Column depth, long stackBase) {
        int count = group.stream().mapToInt(c -> c.slots().size()).max().orElse(0);
        List<Slot.Implied> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Expr users = Expr.constant(0);
            Expr offset = Expr.constant(0);
            boolean always = true;
            boolean stack = true;
            boolean bytes = true;
            for (int i = 0; i < group.size(); i++) {
                List<SlotUse> uses = group.get(i).slots();
                if (uses.size() > k) {
                    SlotUse u = uses.get(k);
                    always &= u.always();
                    bytes &= group.get(i).byteSlots().contains(k);
                    stack &= u.kind() == ExecutionTable.KIND_STACK;
                    users = users.add(selectors.get(i).cur());
                    offset = offset.add(selectors.get(i).cur().mul(u.depthAfter() - u.write()));
                }
            }
            out.add(new Slot.Implied(always ? users : null, stack ? depth.cur().add(stackBase).add(offset) : null,
                    bytes));
        }
        return out;
    }

    private Column own(String suffix) {
        return declare(name + "." + suffix);
    }

    private Column declare(String column) {
        Column c = builder.main(column);
        ownColumns.add(c);
        return c;
    }

    private void constrain() {
        ConstraintSystemBuilder b = builder;
        Expr one = Expr.constant(1);
        for (Member<W> m : members) {
            Expr s = m.selector.cur();
            b.everyRow(m.selector.name() + ".bool", s.mul(s.sub(1)));
            for (BodyCompiler.Requirement r : m.requirements) {
                b.everyRow("exec." + m.analysed.label() + "." + r.name(), s.mul(r.e()));
            }
        }
        Expr rowKinds = active();
        if (finalFlag != null) {
            b.everyRow(finalFlag.name() + ".bool", finalFlag.cur().mul(finalFlag.cur().sub(1)));
            rowKinds = rowKinds.add(finalFlag.cur());
        }
        if (members.size() > 1 || finalFlag != null) {
            b.everyRow(name + ".one_instruction", rowKinds.mul(rowKinds.sub(1)));
        }
        for (int k = 0; k < slots.size(); k++) {
            if (slots.get(k).usedImplied()) {
                continue;   // the flag is the users' flags' sum: 0 on every other row by its form
            }
            int slot = k;
            Expr users = sum(m -> m.slotUses.size() > slot ? 1 : 0);
            b.everyRow(name + ".slot[" + k + "].unused", slots.get(k).used().mul(one.sub(users)));
        }
        if (atEnd != null) {
            Expr running = sum(m -> m.halts ? 0 : 1);
            Expr gap = target.sub(runLength);
            b.everyRow(name + ".at_end.bool", atEnd.cur().mul(atEnd.cur().sub(1)));
            b.everyRow(name + ".at_end.unused", atEnd.cur().mul(one.sub(running)));
            b.everyRow(name + ".at_end.zero", atEnd.cur().mul(gap));
            b.everyRow(name + ".at_end.witness", running.mul(gap.mul(atEndInverse.cur()).sub(one.sub(atEnd.cur()))));
        }
    }

    /** {@code sum over members of selector * f(member)}, the terms with {@code f = 0} left out. */
    private Expr sum(ToLongFunction<Member<W>> f) {
        Expr e = Expr.constant(0);
        for (Member<W> m : members) {
            long v = f.applyAsLong(m);
            if (v != 0) {
                e = e.add(m.selector.cur().mul(v));
            }
        }
        return e;
    }

    /**
     * {@code f} of the row's instruction, for a field whose multiplicity is only non-zero on rows
     * of the instructions where {@code f} applies: a constant when those agree on it.
     */
    private Expr field(ToLongFunction<Member<W>> f, java.util.function.Predicate<Member<W>> applies) {
        long[] values = members.stream().filter(applies).mapToLong(f).distinct().toArray();
        return values.length == 1 ? Expr.constant(values[0]) : sum(f);
    }

    /** 1 on a row that runs one of the table's instructions. */
    Expr active() {
        return sum(m -> 1);
    }

    /**
     * The final state, received on the final row: the run past the program's last ({@code runs}),
     * pc 0, and this row's clk, time, depth and stream counts.
     */
    List<Expr> finalState(int runs) {
        List<Expr> out = new ArrayList<>(List.of(Expr.constant(runs), Expr.constant(0), clk.cur(), time.cur(),
                depth.cur()));
        for (IoStream s : owner.countedStreams()) {
            out.add(counts.get(s).cur());
        }
        return out;
    }

    /** The state a step starts from, as the execution bus carries it. */
    List<Expr> startState() {
        List<Expr> out = new ArrayList<>(List.of(run, pc.cur(), clk.cur(), time.cur(), depth.cur()));
        for (IoStream s : owner.countedStreams()) {
            out.add(counts.get(s).cur());
        }
        return out;
    }

    /**
     * The state after a step: the next run from its first line if the step halts or runs off its
     * run's last line, else the same run at the body's target; one more step; the time after its
     * accesses; the depth its pushes and pops leave; the stream words after its own.
     */
    List<Expr> nextState() {
        Expr halting = sum(m -> m.halts ? 1 : 0);
        Expr ends = atEnd == null ? halting : atEnd.cur().add(halting);
        Expr next = members.stream().allMatch(m -> m.halts) ? Expr.constant(0)
                : target.mul(Expr.constant(1).sub(ends));
        Expr accesses = Expr.constant(0);
        for (Slot s : slots) {
            accesses = accesses.add(s.used());
        }
        List<Expr> out = new ArrayList<>(List.of(run.add(ends), next, clk.cur().add(1),
                time.cur().add(accesses), depth.cur().add(field(m -> m.depthDelta, m -> true))));
        for (IoStream s : owner.countedStreams()) {
            out.add(counts.get(s).cur().add(field(m -> m.streams[s.ordinal()], m -> true)));
        }
        return out;
    }

    /** The step's line as the program holds it: run, pc, length, opcode, variant, operands. */
    List<Expr> fetched(boolean variants, int romOperands) {
        List<Expr> out = new ArrayList<>(List.of(run, pc.cur(), runLength,
                field(m -> m.analysed.spec().opcode(), m -> true)));
        if (variants) {
            out.add(field(m -> m.analysed.variant(), m -> true));
        }
        for (int j = 0; j < romOperands; j++) {
            for (int m = 0; m < limbs(); m++) {
                Column c = j < operands.size() ? operands.get(j)[m] : null;
                out.add(c == null ? Expr.constant(0) : c.cur());
            }
        }
        return out;
    }

    /** The number of slots the table's instructions use at most. */
    int slotCount() {
        return slots.size();
    }

    /**
     * Slot {@code k}'s access as the log holds it (see {@code MemoryLog#tuple}): its time counts
     * the step's accesses before it.
     */
    List<Expr> access(int k) {
        Slot s = slots.get(k);
        Expr at = time.cur();
        for (int j = 0; j < k; j++) {
            at = at.add(slots.get(j).used());
        }
        java.util.function.Predicate<Member<W>> uses = m -> m.slotUses.size() > k;
        List<Expr> out = new ArrayList<>(List.of(at, s.cell(), field(m -> use(m, k).write(), uses),
                depth.cur().add(field(m -> use(m, k).depthAfter(), uses)), field(m -> use(m, k).kind(), uses),
                field(m -> use(m, k).second(), uses)));
        out.addAll(s.value());
        return out;
    }

    private static SlotUse use(Member<?> m, int k) {
        return k < m.slotUses.size() ? m.slotUses.get(k) : new SlotUse(0, 0, 0, 0, false);
    }

    /** Slot {@code k}'s used flag: its column, or its users' flags' sum. */
    Expr used(int k) {
        return slots.get(k).used();
    }

    /** The ports of {@code stream} the table's bodies use. */
    List<Column[]> ports(IoStream stream) {
        return pools.ports(stream);
    }

    /** 1 on a row whose instruction uses port {@code k} of {@code stream}. */
    Expr portUsed(IoStream stream, int k) {
        return sum(m -> m.streams[stream.ordinal()] > k ? 1 : 0);
    }

    // ---- StepColumns ---------------------------------------------------------------------------

    @Override
    public WordType<W> type() {
        return owner.analysis().type();
    }

    @Override
    public MemoryLayout layout() {
        return owner.analysis().layout();
    }

    @Override
    public List<Reg> registers() {
        return owner.analysis().registers();
    }

    @Override
    public Column pc() {
        return pc;
    }

    @Override
    public Column nextPc() {
        return nextPc;
    }

    @Override
    public Expr length() {
        return runLength;
    }

    @Override
    public Column depth() {
        return depth;
    }

    @Override
    public Column range16Pool(int i) {
        return pools.range16(i);
    }

    @Override
    public Column freePool(int i) {
        return pools.free(i);
    }

    @Override
    public Column[] bytePool(int i) {
        return pools.bytes(i);
    }

    @Override
    public Column byteCellPool(int i) {
        return pools.byteCell(i);
    }

    @Override
    public Column[] port(IoStream stream, int k) {
        return pools.port(stream, k);
    }

    @Override
    public Slot slot(int k) {
        return pools.slot(k);
    }

    @Override
    public Column[] operand(int j) {
        if (j >= operands.size()) {
            throw new IllegalArgumentException("operand " + j + " is not declared");
        }
        return operands.get(j);
    }
}
