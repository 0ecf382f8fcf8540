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

/**
 * The table of one instruction (or one register variant of it): its rows are that instruction's
 * steps, in no particular order, and its columns are only those its own body needs. Every column
 * is named {@code <name>.*}, where the table's name is {@code exec.<label>}.
 *
 * <p>On an active row: the body's constraints hold ({@code exec.<label>.<requirement>}, as on the
 * one-table execution table); the step's line is fetched from the program ({@code .fetch}); each
 * memory access is sent on the memory bus, which the log receives; each public stream word is
 * sent to the statement; and the step receives its start state on the execution bus and sends
 * the state after it. Inactive rows are all zeros and take part in nothing.
 *
 * @param <W> the machine's word type
 */
final class InstructionTable<W extends Word<W>> implements StepColumns<W> {
    private final InstructionTables<W> owner;
    private final ConstraintSystemBuilder builder;
    /** The table's name, {@code exec.<label>}. */
    final String name;
    /** The instruction as the program's analysis compiled it: spec, label, variant, binding. */
    final ExecutionTable.Compiled<W> analysed;
    final Column active;
    final Column segment;
    final Column pc;
    final Column clk;
    final Column time;
    final Column depth;
    final Column length;
    final Column nextPc;
    /** 1 if the step ends its run by running off its last line; null for a halting instruction. */
    final Column atEnd;
    final Column atEndInverse;
    /** The public streams' words before the step. */
    final Map<IoStream, Column> counts = new EnumMap<>(IoStream.class);
    final List<Column> ownColumns = new ArrayList<>();
    private final List<Column[]> operands = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private final List<Column> range16 = new ArrayList<>();
    private final List<Column> free = new ArrayList<>();
    private final List<Column[]> bytes = new ArrayList<>();
    private final Map<IoStream, List<Column[]>> ports = new EnumMap<>(IoStream.class);
    /** The body as compiled on this table's columns. */
    final Action[] actions;
    final int words;
    final List<SlotUse> slotUses;
    final int depthDelta;
    final boolean halts;
    final int[] streams;

    InstructionTable(InstructionTables<W> owner, ConstraintSystemBuilder b, ExecutionTable.Compiled<W> analysed) {
        this.owner = owner;
        this.builder = b;
        this.analysed = analysed;
        this.name = "exec." + analysed.label();
        active = own("active");
        segment = own("segment");
        pc = own("pc");
        clk = own("clk");
        time = own("time");
        depth = own("depth");
        length = own("length");
        nextPc = own("next_pc");
        for (IoStream s : owner.countedStreams()) {
            counts.put(s, own(s.label() + ".count"));
        }
        for (int j = 0; j < analysed.spec().operands().size(); j++) {
            Column[] cols = new Column[limbs()];
            for (int m = 0; m < cols.length; m++) {
                cols[m] = own("operand[" + j + "].limb[" + m + "]");
            }
            operands.add(cols);
        }
        BodyCompiler<W> body = new BodyCompiler<>(this, analysed.spec(), analysed.binding());
        body.compile();
        actions = body.actions.toArray(new Action[0]);
        words = body.wordCount();
        slotUses = List.copyOf(body.slotUses);
        depthDelta = body.depthDelta();
        halts = body.halts();
        streams = body.streamsUsed();
        if (halts) {
            atEnd = null;
            atEndInverse = null;
        } else {
            atEnd = own("at_end");
            atEndInverse = own("at_end.inverse");
        }
        Expr on = active.cur();
        b.everyRow(name + ".active.bool", on.mul(on.sub(1)));
        for (BodyCompiler.Requirement r : body.requirements) {
            b.everyRow(name + "." + r.name(), on.mul(r.e()));
        }
        if (!halts) {
            Expr gap = nextPc.cur().sub(length.cur());
            b.everyRow(name + ".at_end.bool", atEnd.cur().mul(atEnd.cur().sub(1)));
            b.everyRow(name + ".at_end.zero", atEnd.cur().mul(gap));
            b.everyRow(name + ".at_end.witness", on.mul(gap.mul(atEndInverse.cur()).sub(Expr.constant(1)
                    .sub(atEnd.cur()))));
        }
    }

    private Column own(String suffix) {
        Column c = builder.main(name + "." + suffix);
        ownColumns.add(c);
        return c;
    }

    /** The state a step starts from, as the execution bus carries it. */
    List<Expr> startState() {
        List<Expr> out = new ArrayList<>(List.of(segment.cur(), pc.cur(), clk.cur(), time.cur(), depth.cur()));
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
        Expr ends = halts ? Expr.constant(1) : atEnd.cur();
        Expr next = halts ? Expr.constant(0) : nextPc.cur().mul(Expr.constant(1).sub(atEnd.cur()));
        List<Expr> out = new ArrayList<>(List.of(segment.cur().add(ends), next, clk.cur().add(1),
                time.cur().add(slotUses.size()), depth.cur().add(depthDelta)));
        for (IoStream s : owner.countedStreams()) {
            out.add(counts.get(s).cur().add(streams[s.ordinal()]));
        }
        return out;
    }

    /** The step's line as the program holds it: run, pc, length, opcode, variant, operands. */
    List<Expr> fetched(boolean variants, int romOperands) {
        List<Expr> out = new ArrayList<>(List.of(segment.cur(), pc.cur(), length.cur(),
                Expr.constant(analysed.spec().opcode())));
        if (variants) {
            out.add(Expr.constant(analysed.variant()));
        }
        for (int j = 0; j < romOperands; j++) {
            for (int m = 0; m < limbs(); m++) {
                out.add(j < operands.size() ? operands.get(j)[m].cur() : Expr.constant(0));
            }
        }
        return out;
    }

    /** Slot {@code k}'s access as the log holds it (see {@code MemoryLog#tuple}). */
    List<Expr> access(int k) {
        SlotUse use = slotUses.get(k);
        Slot s = slots.get(k);
        List<Expr> out = new ArrayList<>(List.of(time.cur().add(k), s.cell().cur(), Expr.constant(use.write()),
                depth.cur().add(use.depthAfter()), Expr.constant(use.kind()), Expr.constant(use.second())));
        for (Column v : s.value()) {
            out.add(v.cur());
        }
        return out;
    }

    /** The ports of {@code stream} the body uses. */
    List<Column[]> ports(IoStream stream) {
        return ports.getOrDefault(stream, List.of());
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
    public Column length() {
        return length;
    }

    @Override
    public Column depth() {
        return depth;
    }

    @Override
    public Column range16Pool(int i) {
        while (range16.size() <= i) {
            Column c = own("aux.range[" + range16.size() + "]");
            builder.rangeCheck16(c.name() + ".range", c.cur());
            range16.add(c);
        }
        return range16.get(i);
    }

    @Override
    public Column freePool(int i) {
        while (free.size() <= i) {
            free.add(own("aux.free[" + free.size() + "]"));
        }
        return free.get(i);
    }

    @Override
    public Column[] bytePool(int i) {
        while (bytes.size() <= i) {
            String prefix = "aux.byte[" + bytes.size() + "]";
            Column[] t = {own(prefix + ".x"), own(prefix + ".y"), own(prefix + ".and")};
            Column[] table = owner.byteTable();
            builder.lookup(name + "." + prefix + ".table", null, List.of(t[0].cur(), t[1].cur(), t[2].cur()),
                    List.of(table[0].cur(), table[1].cur(), table[2].cur()));
            bytes.add(t);
        }
        return bytes.get(i);
    }

    @Override
    public Column[] port(IoStream stream, int k) {
        List<Column[]> list = ports.computeIfAbsent(stream, s -> new ArrayList<>());
        while (list.size() <= k) {
            String prefix = stream.label() + "[" + list.size() + "]";
            Column[] cols = new Column[limbs()];
            for (int m = 0; m < cols.length; m++) {
                cols[m] = own(prefix + ".value[" + m + "]");
                if (stream.bus() == null) {
                    builder.rangeCheck16(cols[m].name() + ".range", cols[m].cur());
                }
            }
            list.add(cols);
        }
        return list.get(k);
    }

    /** A slot's {@code used} flag is the row's: every step of the instruction makes all its accesses. */
    @Override
    public Slot slot(int k) {
        while (slots.size() <= k) {
            String prefix = "slot[" + slots.size() + "]";
            List<Column> value = new ArrayList<>();
            for (int m = 0; m < limbs(); m++) {
                value.add(own(prefix + ".value[" + m + "]"));
            }
            slots.add(new Slot(active, own(prefix + ".cell"), List.copyOf(value)));
        }
        return slots.get(k);
    }

    @Override
    public Column[] operand(int j) {
        if (j >= operands.size()) {
            throw new IllegalArgumentException("operand " + j + " is not declared");
        }
        return operands.get(j);
    }
}
