package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The execution table: one row per step, with the program counter, the segment (which run of the
 * trace), the opcode as one-hot selectors, the operands, and the step's memory operations in slots.
 * It is declared on the same constraint system as the memory log and tied to it by one lookup per
 * slot: every used slot is a log row (time, cell, read/write, depth, section, value), and every
 * log row that is not padding is claimed by exactly one slot ({@code sum of multiplicities = 1 -
 * pad}). Each instruction's constraints come from running its body on a {@link BodyCompiler}.
 *
 * <p>The program is a set of FIXED columns, so it is part of the system's description and hence of
 * the transcript; every active row is looked up in it ({@code exec.fetch}).
 *
 * @param <W> the machine's word type
 */
public final class ExecutionTable<W extends Word<W>> implements StepColumns<W> {
    static final int KIND_MEMORY = 0;
    static final int KIND_STACK = 1;
    static final int KIND_REGISTERS = 2;

    final ConstraintSystemBuilder builder;
    final WordType<W> type;
    final int limbs;
    final MemoryLayout layout;
    final List<Reg> registers;
    final Column active;
    final Column pc;
    final Column nextPc;
    final Column time;
    final Column depth;
    final Column opcode;
    final Column segment;
    final Column length;
    final Column atEnd;
    final Column atEndInverse;
    final Column ends;
    private final ExecutionProgram<W> program;
    private final List<Column[]> operands = new ArrayList<>();
    /** The helper columns, slots and ports the bodies ask for, shared by the instructions. */
    private final StepPools pools;
    /** Each public stream's words before the step (for the streams some body uses). */
    private final java.util.EnumMap<IoStream, Column> streamCounts = new java.util.EnumMap<>(IoStream.class);
    private final List<Column> ownColumns = new ArrayList<>();
    private final List<Compiled<W>> instructions = new ArrayList<>();
    private final Compiled<W>[] byOpcode;
    /** The compiled instruction of each program line, by segment and pc; null where no step can run. */
    private final Compiled<W>[][] compiledAt;
    /** The variant of each step's instruction (see {@link RegisterBinding}); null if no body needs one. */
    private final Column variant;
    private Column[] byteTable;
    private final List<Slot> slots;
    /**
     * Each program line's operand limbs, filled once by the constructor: the fill's threads only
     * read it (a synchronized cache cost 4% of a check in lock traffic).
     */
    private final java.util.Map<ExecutionProgram.Line<W>, long[][]> operandCache = new java.util.IdentityHashMap<>();

    /**
     * One compiled instruction: the generic compilation of a body ({@code variant} 0), or its
     * compilation for one combination of register operands whose Java path differs.
     *
     * @param label the mnemonic, with the registers of a variant ({@code setr[r1]}): the prefix of
     *     its constraint names
     * @param jumps whether its body moves the program counter ({@code jump}, {@code jumpIf}): else its
     *     target is the next line
     * @param portSlots the stream words it states equal to a slot's value
     * @param zeroLimbs the limbs of its word operands its body requires to be 0 (a jump target's high limbs)
     * @param byteSlots the slots whose value its body splits into bytes
     * @param width the columns its body needs beyond a step's own
     */
    record Compiled<W extends Word<W>>(InstructionSpec<W> spec, String label, int variant, RegisterBinding binding,
                                       Column selector, Action[] actions, int words, List<SlotUse> slots, int depthDelta,
                                       boolean halts, boolean jumps, int[] streams,
                                       List<BodyCompiler.PortSlot> portSlots, java.util.Set<OperandLimb> zeroLimbs,
                                       java.util.Set<Integer> byteSlots, int width) {
        /** Words of {@code stream} the body reads or writes. */
        int uses(IoStream stream) {
            return streams[stream.ordinal()];
        }
    }

    /** The ROM's opcode for a line no step can run: no selector sums to it, so it cannot be fetched. */
    static final long UNEXECUTABLE = Goldilocks.P - 1;

    /**
     * Declares the execution table on {@code b} for {@code program}, tied to the memory log.
     *
     * @param logTuple the log's (time, cell, rw, depth after, section kind, second-cell mark, value
     *     limbs...) per row
     * @param pad      the log's padding flag (1 on padding rows)
     */
    @SuppressWarnings("unchecked")
    public ExecutionTable(ConstraintSystemBuilder b, WordType<W> type, MemoryLayout layout, List<Reg> registers,
            List<InstructionSpec<W>> allSpecs, ExecutionProgram<W> program, List<Expr> logTuple, Column pad) {
        List<InstructionSpec<W>> specs = inProgram(allSpecs, program);
        this.builder = b;
        this.type = type;
        this.limbs = type.bytes() / 2;
        this.layout = layout;
        this.registers = List.copyOf(registers);
        this.program = program;
        pools = new StepPools(b, "exec", limbs, this::own, () -> {
            if (byteTable == null) {
                byteTable = ByteTable.declare(b);
            }
            return byteTable;
        }, k -> Slot.Implied.NONE, (stream, k) -> -1);   // every instruction's columns are on every row here: each slot keeps its used column
        slots = pools.slots();
        active = own("exec.active");
        pc = own("exec.pc");
        nextPc = own("exec.next_pc");
        time = own("exec.time");
        depth = own("exec.depth");
        opcode = own("exec.opcode");
        segment = own("exec.segment");
        length = own("exec.length");
        atEnd = own("exec.at_end");
        atEndInverse = own("exec.at_end.inverse");
        ends = own("exec.ends");
        int maxOperands = specs.stream().mapToInt(s -> s.operands().size()).max().orElse(0);
        for (int j = 0; j < maxOperands; j++) {
            Column[] cols = new Column[limbs];
            for (int m = 0; m < limbs; m++) {
                cols[m] = own("exec.operand[" + j + "].limb[" + m + "]");
            }
            operands.add(cols);
        }
        int maxOpcode = specs.stream().mapToInt(InstructionSpec::opcode).max().orElse(0);
        byOpcode = new Compiled[maxOpcode + 1];
        Map<String, Compiled<W>> variants = new HashMap<>();
        for (InstructionSpec<W> spec : specs) {
            Column sel = own("exec.is." + spec.mnemonic());
            Compiled<W> c = commit(spec, spec.mnemonic(), 0, sel, compileTwice(spec, RegisterBinding.GENERIC));
            instructions.add(c);
            byOpcode[spec.opcode()] = c;
            if (spec.operands().contains(OperandKind.REGISTER)) {
                for (int[] combination : registerCombinations(spec)) {
                    BodyCompiler<W> concrete = compileTwice(spec, RegisterBinding.concreteAt(combination));
                    BodyCompiler<W> generic = compile(spec, RegisterBinding.genericAt(combination));
                    if (!concrete.sameAs(generic)) {
                        String label = spec.mnemonic() + registerLabel(combination);
                        Compiled<W> v = commit(spec, label, variants.size() + 1, own("exec.is." + label), concrete);
                        instructions.add(v);
                        variants.put(variantKey(spec.opcode(), combination), v);
                    }
                }
            }
        }
        compiledAt = compiledLines(variants);
        variant = variants.isEmpty() ? null : own("exec.variant");
        constrainSteps();
        constrainFetch();
        constrainBus(logTuple, pad);
        constrainStreams();
        program.segments().forEach(lines -> lines.forEach(line -> operandCache.put(line, splitOperands(line))));
    }

    /**
     * The instructions some line of the program names. A step runs the instruction its line's
     * opcode names ({@code exec.fetch}), so an instruction no line names never runs: its selector
     * and the columns only it would need are left out, and no row pays for them.
     */
    private static <W extends Word<W>> List<InstructionSpec<W>> inProgram(List<InstructionSpec<W>> specs,
            ExecutionProgram<W> program) {
        java.util.Set<Integer> named = new java.util.HashSet<>();
        program.segments().forEach(lines -> lines.forEach(line -> named.add(line.opcode())));
        return specs.stream().filter(s -> named.contains(s.opcode())).toList();
    }

    private Column own(String name) {
        Column c = builder.main(name);
        ownColumns.add(c);
        return c;
    }

    // ---- compiling bodies ----------------------------------------------------------------------------

    private BodyCompiler<W> compile(InstructionSpec<W> spec, RegisterBinding binding) {
        BodyCompiler<W> compiler = new BodyCompiler<>(this, spec, binding);
        compiler.compile();
        return compiler;
    }

    /**
     * Compiles a body twice with the same operands. A body whose second run differs from its first
     * keeps state outside the machine API that steers its Java path; the VM would not take the
     * path the constraints describe, so it is refused.
     */
    private BodyCompiler<W> compileTwice(InstructionSpec<W> spec, RegisterBinding binding) {
        BodyCompiler<W> first = compile(spec, binding);
        if (!first.sameAs(compile(spec, binding))) {
            throw first.unconstrainable("compiles to different constraints each time it runs (" + binding + "):"
                    + " its Java control flow depends on state outside the machine API, such as a static field or"
                    + " a counter; keep such state in registers, memory or the stack");
        }
        return first;
    }

    private Compiled<W> commit(InstructionSpec<W> spec, String label, int id, Column selector,
            BodyCompiler<W> compiler) {
        for (BodyCompiler.Requirement r : compiler.requirements) {
            builder.everyRow("exec." + label + "." + r.name(), selector.cur().mul(r.e()));
        }
        return new Compiled<>(spec, label, id, compiler.binding, selector, compiler.actions.toArray(new Action[0]),
                compiler.wordCount(), List.copyOf(compiler.slotUses), compiler.depthDelta(), compiler.halts(), compiler.jumps(),
                compiler.streamsUsed(), List.copyOf(compiler.portSlots), compiler.zeroOperandLimbs(),
                java.util.Set.copyOf(compiler.byteSlots), compiler.width());
    }

    /** The register index of each operand position of {@code line} (-1 for words), or null if one is out of range. */
    private int[] registerIndices(InstructionSpec<W> spec, ExecutionProgram.Line<W> line) {
        int[] out = new int[spec.operands().size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = -1;
            if (spec.operands().get(j) == OperandKind.REGISTER) {
                long[] l64 = new long[type.limbs()];
                type.toLimbs(line.operands().get(j), l64, 0);
                boolean small = l64[0] >= 0 && l64[0] < registers.size();
                for (int i = 1; i < l64.length; i++) {
                    small &= l64[i] == 0;
                }
                if (!small) {
                    return null;
                }
                out[j] = (int) l64[0];
            }
        }
        return out;
    }

    /** The register combinations the program's lines give {@code spec}, in order of first use. */
    private List<int[]> registerCombinations(InstructionSpec<W> spec) {
        Map<String, int[]> seen = new LinkedHashMap<>();
        for (List<ExecutionProgram.Line<W>> lines : program.segments()) {
            for (ExecutionProgram.Line<W> line : lines) {
                if (line.opcode() == spec.opcode() && line.operands().size() == spec.operands().size()) {
                    int[] combination = registerIndices(spec, line);
                    if (combination != null) {
                        seen.putIfAbsent(Arrays.toString(combination), combination);
                    }
                }
            }
        }
        return List.copyOf(seen.values());
    }

    private String registerLabel(int[] combination) {
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < combination.length; j++) {
            if (combination[j] >= 0) {
                out.append('[').append(registers.get(combination[j]).name()).append(']');
            }
        }
        return out.toString();
    }

    private static String variantKey(int opcode, int[] combination) {
        return opcode + Arrays.toString(combination);
    }

    /** What runs at each line: the generic body, a variant, or nothing (unknown opcode, bad register). */
    @SuppressWarnings("unchecked")
    private Compiled<W>[][] compiledLines(Map<String, Compiled<W>> variants) {
        List<List<ExecutionProgram.Line<W>>> segs = program.segments();
        Compiled<W>[][] out = new Compiled[segs.size()][];
        for (int s = 0; s < out.length; s++) {
            List<ExecutionProgram.Line<W>> lines = segs.get(s);
            out[s] = new Compiled[lines.size()];
            for (int p = 0; p < lines.size(); p++) {
                ExecutionProgram.Line<W> line = lines.get(p);
                Compiled<W> c = line.opcode() >= 0 && line.opcode() < byOpcode.length ? byOpcode[line.opcode()] : null;
                if (c != null && line.operands().size() != c.spec().operands().size()) {
                    c = null;
                } else if (c != null && c.spec().operands().contains(OperandKind.REGISTER)) {
                    int[] combination = registerIndices(c.spec(), line);
                    c = combination == null ? null
                            : variants.getOrDefault(variantKey(line.opcode(), combination), c);
                }
                out[s][p] = c;
            }
        }
        return out;
    }

    @Override
    public WordType<W> type() {
        return type;
    }

    @Override
    public MemoryLayout layout() {
        return layout;
    }

    @Override
    public List<Reg> registers() {
        return registers;
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
        return length.cur();
    }

    @Override
    public Column depth() {
        return depth;
    }

    // ---- pools and slots, for the compilers ---------------------------------------------------------

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


    // ---- constraints over all instructions ------------------------------------------------------------

    private Expr sumOver(java.util.function.ToLongFunction<Compiled<W>> f) {
        Expr e = Expr.constant(0);
        for (Compiled<W> c : instructions) {
            long v = f.applyAsLong(c);
            if (v != 0) {
                e = e.add(c.selector().cur().mul(v));
            }
        }
        return e;
    }

    private void constrainSteps() {
        ConstraintSystemBuilder b = builder;
        Expr one = Expr.constant(1);
        b.everyRow("exec.active.bool", active.cur().mul(active.cur().sub(1)));
        b.transition("exec.active.stays_off", active.next().mul(one.sub(active.cur())));
        int segments = program.segments().size();
        b.firstRow("exec.first.active", active.cur().sub(segments > 0 ? 1 : 0));
        b.firstRow("exec.first.pc", pc.cur());
        b.firstRow("exec.first.segment", segment.cur());
        b.firstRow("exec.first.time", time.cur());
        b.firstRow("exec.first.depth", depth.cur());
        Expr selectors = Expr.constant(0);
        for (Compiled<W> c : instructions) {
            Expr s = c.selector().cur();
            b.everyRow(c.selector().name() + ".bool", s.mul(s.sub(1)));
            selectors = selectors.add(s);
        }
        b.everyRow("exec.one_instruction", selectors.sub(active.cur()));
        b.everyRow("exec.opcode", opcode.cur().sub(sumOver(c -> c.spec().opcode())));
        if (variant != null) {
            b.everyRow("exec.variant", variant.cur().sub(sumOver(Compiled::variant)));
        }
        Expr halts = sumOver(c -> c.halts() ? 1 : 0);
        Expr gap = nextPc.cur().sub(length.cur());
        b.everyRow("exec.at_end.bool", atEnd.cur().mul(atEnd.cur().sub(1)));
        b.everyRow("exec.at_end.zero", atEnd.cur().mul(gap));
        b.everyRow("exec.at_end.witness", gap.mul(atEndInverse.cur()).sub(one.sub(atEnd.cur())));
        b.everyRow("exec.ends", ends.cur().sub(atEnd.cur().add(halts).sub(atEnd.cur().mul(halts))));
        for (int k = 0; k < slots.size(); k++) {
            int slot = k;
            Expr users = sumOver(c -> c.slots().size() > slot ? 1 : 0);
            b.everyRow("exec.slot[" + k + "].unused", slots.get(k).used().mul(one.sub(users)));
        }
        Expr nextActive = active.next();
        Expr used = Expr.constant(0);
        for (Slot s : slots) {
            used = used.add(s.used());
        }
        b.transition("exec.next.pc", nextActive.mul(one.sub(ends.cur())).mul(pc.next().sub(nextPc.cur())));
        b.transition("exec.next.restart", nextActive.mul(ends.cur()).mul(pc.next()));
        b.transition("exec.next.segment", nextActive.mul(segment.next().sub(segment.cur()).sub(ends.cur())));
        b.transition("exec.next.time", nextActive.mul(time.next().sub(time.cur()).sub(used)));
        b.transition("exec.next.depth", nextActive.mul(depth.next().sub(depth.cur())
                .sub(sumOver(Compiled::depthDelta))));
        Expr last = active.cur().sub(nextActive);
        b.transition("exec.last_step.ends", last.mul(one.sub(ends.cur())));
        b.lastRow("exec.last_row.ends", active.cur().mul(one.sub(ends.cur())));
        long lastSegment = Math.max(segments - 1, 0);
        b.transition("exec.last_step.segment", last.mul(segment.cur().sub(lastSegment)));
        b.lastRow("exec.last_row.segment", active.cur().mul(segment.cur().sub(lastSegment)));
    }

    private void constrainFetch() {
        List<Expr> inputs = new ArrayList<>(List.of(segment.cur(), pc.cur(), length.cur(), opcode.cur()));
        if (variant != null) {
            inputs.add(variant.cur());
        }
        for (Column[] op : operands) {
            for (Column c : op) {
                inputs.add(c.cur());
            }
        }
        builder.lookup("exec.fetch", active.cur(), inputs,
                ProgramRom.declare(builder, this, variant != null, operands.size()));
    }

    /** The widest instruction's operand count, the ROM's operand columns. */
    int operandCount() {
        return operands.size();
    }

    private long[] operandLimbs(ExecutionProgram.Line<W> line) {
        long[] out = new long[operands.size() * limbs];
        for (int j = 0; j < line.operands().size() && j < operands.size(); j++) {
            long[] l = toLimbs16(type, line.operands().get(j));
            System.arraycopy(l, 0, out, j * limbs, limbs);
        }
        return out;
    }

    private void constrainBus(List<Expr> logTuple, Column pad) {
        Expr multiplicities = Expr.constant(0);
        Expr offset = Expr.constant(0);
        for (int k = 0; k < slots.size(); k++) {
            Slot s = slots.get(k);
            int slot = k;
            List<Expr> tuple = new ArrayList<>();
            tuple.add(time.cur().add(offset));
            tuple.add(s.cell());
            tuple.add(sumOver(c -> c.slots().size() > slot ? c.slots().get(slot).write() : 0));
            tuple.add(depth.cur().add(sumOver(c -> c.slots().size() > slot ? c.slots().get(slot).depthAfter() : 0)));
            tuple.add(sumOver(c -> c.slots().size() > slot ? c.slots().get(slot).kind() : 0));
            tuple.add(sumOver(c -> c.slots().size() > slot ? c.slots().get(slot).second() : 0));
            tuple.addAll(s.value());
            Lookup l = builder.lookup("exec.bus[" + k + "]", s.used(), tuple, logTuple);
            multiplicities = multiplicities.add(l.multiplicity().cur());
            offset = offset.add(s.used());
        }
        builder.everyRow("exec.bus.every_access", multiplicities.sub(Expr.constant(1).sub(pad.cur())));
    }

    /**
     * The public streams: a counter of the words before each step (0 on the first row, growing by
     * the step's words), and one public send per port of (counter + k, limbs) from the steps whose
     * body uses the port. The indices sent are then 0, 1, ... once each, so the statement's side,
     * which receives every word of the input (or output) at its index, balances only if the run
     * read (or wrote) exactly those words, in that order.
     */
    private void constrainStreams() {
        for (IoStream stream : IoStream.values()) {
            List<Column[]> list = pools.ports(stream);
            if (stream.bus() == null || list.isEmpty()) {
                continue;
            }
            Column count = own("exec." + stream.label() + ".count");
            streamCounts.put(stream, count);
            builder.firstRow(count.name() + ".first", count.cur());
            builder.transition("exec.next." + stream.label() + ".count", active.next().mul(count.next()
                    .sub(count.cur()).sub(sumOver(c -> c.uses(stream)))));
            List<String> fields = IoStream.wordFields(limbs);
            for (int k = 0; k < list.size(); k++) {
                int port = k;
                List<Expr> tuple = new ArrayList<>(List.of(count.cur().add(k)));
                for (Column c : list.get(k)) {
                    tuple.add(c.cur());
                }
                builder.publicSend("exec." + stream.label() + "[" + k + "].send", stream.bus(), fields,
                        sumOver(c -> c.uses(stream) > port ? 1 : 0), tuple);
            }
        }
    }

    // ---- witness ------------------------------------------------------------------------------------

    /**
     * Replays the program over {@code trace} ({@link Replay#of}): each step takes the records its
     * body makes, and the next program counter follows from the concrete values.
     */
    public Replay replay(Trace<W> trace, int maxSteps) {
        return Replay.of(this, trace, maxSteps);
    }

    /** {@link #replay(Trace, int)} of a segment's records, from where the segment starts. */
    public Replay replay(Trace<W> trace, int maxSteps, Replay.Start start) {
        return Replay.of(this, trace, maxSteps, start);
    }

    /** A one-row scratch of the table's columns over {@code trace}, for a replay. */
    ExecRow<W> scratchRow(Trace<W> trace) {
        long[][] scratch = new long[ownColumns.stream().mapToInt(Column::index).max().orElse(0) + 1][];
        for (Column c : ownColumns) {
            scratch[c.index()] = new long[1];
        }
        return new ExecRow<>(scratch, trace, limbs);
    }

    /** What runs at line {@code p} of run {@code s}, or null where no step can run. */
    Compiled<W> compiledAt(int s, int p) {
        return compiledAt[s][p];
    }

    /** Runs the actions of {@code c} for the step at line {@code p}, whose records start at {@code record}. */
    void runStep(ExecRow<W> row, Compiled<W> c, ExecutionProgram.Line<W> line, int p, int record, int end) {
        row.pc = p;
        row.record = record;
        row.recordEnd = end;
        row.values = new long[c.words()][];
        row.operands = operandsOf(line);
        for (Action a : c.actions()) {
            a.run(row);
        }
    }

    /**
     * The 16-bit limbs of each operand of {@code line} (as many as the widest instruction has).
     * Actions only read them, so one array per program line serves every step.
     */
    long[][] operandsOf(ExecutionProgram.Line<W> line) {
        long[][] cached = operandCache.get(line);
        return cached != null ? cached : splitOperands(line);
    }

    private long[][] splitOperands(ExecutionProgram.Line<W> line) {
        long[] ops = operandLimbs(line);
        long[][] out = new long[operands.size()][];
        for (int j = 0; j < out.length; j++) {
            out[j] = Arrays.copyOfRange(ops, j * limbs, (j + 1) * limbs);
        }
        return out;
    }

    /** The compiled instructions: each the program names, and each register variant that differs. */
    List<Compiled<W>> instructions() {
        return instructions;
    }

    /** Whether some instruction has register variants: the program then has a variant column. */
    boolean hasVariants() {
        return variant != null;
    }

    /** Fills every column of the table for the replayed steps; rows past them are inactive. */
    public void fill(WitnessBuilder w, Trace<W> trace, Replay replay, int rows) {
        long[][] columns = new long[ownColumns.stream().mapToInt(Column::index).max().orElse(0) + 1][];
        for (Column c : ownColumns) {
            columns[c.index()] = new long[rows];
        }
        List<List<ExecutionProgram.Line<W>>> segs = program.segments();
        Parallel.forRange(replay.steps(), 1 << 14, (from, to) -> {
            ExecRow<W> row = new ExecRow<>(columns, trace, limbs);
            for (int i = from; i < to; i++) {
                List<ExecutionProgram.Line<W>> lines = segs.get(replay.segment()[i]);
                ExecutionProgram.Line<W> line = lines.get(replay.pc()[i]);
                Compiled<W> c = compiledAt[replay.segment()[i]][replay.pc()[i]];
                row.row = i;
                row.length = lines.size();
                for (int k = 0; k < row.streamNext.length; k++) {
                    row.streamNext[k] = replay.streamStart()[k][i];
                }
                runStep(row, c, line, replay.pc()[i], replay.recordStart()[i], trace.size());
                for (java.util.Map.Entry<IoStream, Column> e : streamCounts.entrySet()) {
                    row.set(e.getValue(), replay.streamStart()[e.getKey().ordinal()][i]);
                }
                long next = row.nextPc;
                row.set(active, 1);
                row.set(pc, replay.pc()[i]);
                row.set(nextPc, Goldilocks.fromSigned(next));
                row.set(time, replay.recordStart()[i]);
                row.setSigned(depth, replay.depth()[i]);
                row.set(opcode, line.opcode());
                row.set(segment, replay.segment()[i]);
                row.set(length, lines.size());
                row.set(c.selector(), 1);
                if (variant != null) {
                    row.set(variant, c.variant());
                }
                long gap = Goldilocks.sub(Goldilocks.fromSigned(next), lines.size());
                boolean end = gap == 0;
                row.set(atEnd, end ? 1 : 0);
                row.set(atEndInverse, end ? 0 : Goldilocks.inverse(gap));
                row.set(ends, end || c.halts() ? 1 : 0);
                for (int j = 0; j < operands.size(); j++) {
                    for (int m = 0; m < limbs; m++) {
                        row.set(operands.get(j)[m], row.operands[j][m]);
                    }
                }
            }
        });
        for (int i = replay.steps(); i < rows; i++) {
            columns[atEnd.index()][i] = 1;
            columns[ends.index()][i] = 1;
        }
        for (Column c : ownColumns) {
            w.set(c, columns[c.index()]);
        }
    }


    // ---- limbs ---------------------------------------------------------------------------------------

    /** A word as 16-bit limbs, least significant first. */
    public static <W extends Word<W>> long[] toLimbs16(WordType<W> type, Object word) {
        @SuppressWarnings("unchecked")
        W w = (W) word;
        long[] l64 = new long[type.limbs()];
        type.toLimbs(w, l64, 0);
        long[] out = new long[type.bytes() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (l64[i / 4] >>> (16 * (i % 4))) & 0xFFFF;
        }
        return out;
    }

    /** The word of these 16-bit limbs. */
    static <W extends Word<W>> W fromLimbs16(WordType<W> type, long[] limbs16) {
        long[] l64 = new long[type.limbs()];
        for (int i = 0; i < limbs16.length; i++) {
            l64[i / 4] |= (limbs16[i] & 0xFFFF) << (16 * (i % 4));
        }
        return type.fromLimbs(l64, 0);
    }

    /** The program this table checks. */
    public ExecutionProgram<W> program() {
        return program;
    }
}
