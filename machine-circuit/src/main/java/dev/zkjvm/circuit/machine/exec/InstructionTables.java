package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A program's execution as tables: one {@link InstructionTable} per instruction the program names
 * (one per register variant whose constraints differ), each as tall as that instruction's steps,
 * tied together by the <b>execution bus</b> and to the memory log by the <b>memory bus</b>.
 *
 * <p>The execution bus {@value #STATE_BUS} carries the machine state (run, pc, clk, time, depth,
 * and the public streams' word counts). The statement sends the initial state (all zeros); each
 * step receives the state it starts from and sends the state after it; one row of the narrowest
 * table, flagged {@code .final}, receives the final state, whose run is past the program's last and
 * whose pc is 0 (a separate table would cost a proof more than a flag column does). Since clk grows by one per step, no set of steps can pass a state around in a cycle: the
 * bus balances only if the steps form one chain from the initial state to the final one, each
 * step taken once: one run of the program.
 *
 * <p>The memory bus {@value #MEMORY_BUS}: each step sends its accesses, (time + k, cell, rw,
 * depth after, section kind, second-cell mark, value), and the log receives each of its rows that
 * is not padding once, so the accesses the steps make are exactly the log's.
 *
 * @param <W> the machine's word type
 */
public final class InstructionTables<W extends Word<W>> {
    /** The execution bus. */
    public static final String STATE_BUS = "exec.state";
    /** The memory bus. */
    public static final String MEMORY_BUS = "memory";
    /** The table that receives the final state when no instruction table can: a program with no instruction. */
    public static final String FINAL_TABLE = "exec.final";
    /** The fields of the memory bus, as {@code MemoryLog#tuple} orders them (before the value limbs). */
    private static final List<String> ACCESS_FIELDS = List.of("time", "cell", "rw", "depth", "kind", "second");

    private final ExecutionTable<W> analysis;
    private final ConstraintSystemBuilder builder;
    private final Set<IoStream> counted = EnumSet.noneOf(IoStream.class);
    private final List<InstructionTable<W>> tables = new ArrayList<>();
    private final Map<ExecutionTable.Compiled<W>, InstructionTable<W>> byCompiled = new IdentityHashMap<>();
    private final Map<ExecutionTable.Compiled<W>, InstructionTable.Member<W>> members = new IdentityHashMap<>();
    private final List<Column> finalState = new ArrayList<>();
    private Column[] byteTable;

    /**
     * Declares the tables on {@code b} for the program {@code analysis} was built for (its
     * instructions, variants and the line each runs at), tied to the memory log.
     *
     * @param logTuple the log's tuple per row ({@code MemoryLog#tuple})
     * @param claimed 1 on the log's rows that a step claims (not padding, not a segment's page rows)
     */
    public InstructionTables(ConstraintSystemBuilder b, ExecutionTable<W> analysis, List<Expr> logTuple, Expr claimed) {
        this.analysis = analysis;
        this.builder = b;
        for (ExecutionTable.Compiled<W> c : analysis.instructions()) {
            for (IoStream s : IoStream.values()) {
                if (s.bus() != null && c.uses(s) > 0) {
                    counted.add(s);
                }
            }
        }
        for (ExecutionTable.Compiled<W> c : analysis.instructions()) {
            // table and column names are cut at '.' and joined with '-': a label with either would
            // land its columns in another table, or name two tables alike
            if (c.label().indexOf('.') >= 0 || c.label().indexOf('-') >= 0) {
                throw new IllegalArgumentException("instruction `" + c.label() + "`: an execution table cannot be named"
                        + " after a mnemonic with '.' or '-'; use a Java identifier");
            }
        }
        List<List<ExecutionTable.Compiled<W>>> groups = TableGrouping.groups(analysis.instructions());
        for (int g = 0; g < groups.size(); g++) {
            InstructionTable<W> t = new InstructionTable<>(this, b, groups.get(g), g == groups.size() - 1);
            tables.add(t);
            for (InstructionTable.Member<W> m : t.members) {
                byCompiled.put(m.analysed, t);
                members.put(m.analysed, m);
            }
        }
        List<String> stateFields = new ArrayList<>(List.of("run", "pc", "clk", "time", "depth"));
        counted.forEach(s -> stateFields.add(s.label()));
        List<String> accessFields = new ArrayList<>(ACCESS_FIELDS);
        for (int m = 0; m < analysis.limbs(); m++) {
            accessFields.add("value[" + m + "]");
        }
        List<Expr> rom = ProgramRom.declare(b, analysis, analysis.hasVariants(), analysis.operandCount());
        Expr one = Expr.constant(1);
        for (InstructionTable<W> t : tables) {
            Expr on = t.active();
            b.lookup(t.name + ".fetch", on, t.fetched(analysis.hasVariants(), analysis.operandCount()), rom);
            b.publicReceive(t.name + ".state.start", STATE_BUS, stateFields, on, t.startState());
            b.publicSend(t.name + ".state.next", STATE_BUS, stateFields, on, t.nextState());
            for (int k = 0; k < t.slotCount(); k++) {
                b.publicSend(t.name + ".slot[" + k + "].access", MEMORY_BUS, accessFields, t.used(k),
                        t.access(k));
            }
            for (IoStream s : counted) {
                List<Column[]> ports = t.ports(s);
                for (int k = 0; k < ports.size(); k++) {
                    List<Expr> tuple = new ArrayList<>(List.of(t.counts.get(s).cur().add(k)));
                    for (Column c : ports.get(k)) {
                        tuple.add(c.cur());
                    }
                    b.publicSend(t.name + "." + s.label() + "[" + k + "].send", s.bus(),
                            IoStream.wordFields(analysis.limbs()), t.portUsed(s, k), tuple);
                }
            }
        }
        b.publicReceive("vm.log.access", MEMORY_BUS, accessFields, claimed, logTuple);
        int runs = analysis.program().segments().size();
        if (tables.isEmpty()) {
            List<Expr> last = new ArrayList<>(List.of(Expr.constant(runs), Expr.constant(0)));
            for (String field : stateFields.subList(2, stateFields.size())) {
                Column c = b.main(FINAL_TABLE + "." + field);
                finalState.add(c);
                last.add(c.cur());
            }
            b.publicReceive(FINAL_TABLE + ".state", STATE_BUS, stateFields, one, last);
        } else {
            InstructionTable<W> host = finalHost();
            b.publicReceive(host.name + ".final.state", STATE_BUS, stateFields, host.finalFlag.cur(),
                    host.finalState(runs));
        }
    }

    /**
     * The streams the execution bus counts, in the order its state carries them after
     * (run, pc, clk, time, depth).
     */
    public List<IoStream> stateStreams() {
        return List.copyOf(counted);
    }

    /** The table whose flagged row receives the final state. */
    private InstructionTable<W> finalHost() {
        return tables.get(tables.size() - 1);
    }

    /** The analysis the tables were built from. */
    ExecutionTable<W> analysis() {
        return analysis;
    }

    /** The public streams some instruction of the program reads or writes: the state counts their words. */
    Set<IoStream> countedStreams() {
        return counted;
    }

    /** The byte table's columns, declared on first use. */
    Column[] byteTable() {
        if (byteTable == null) {
            byteTable = ByteTable.declare(builder);
        }
        return byteTable;
    }

    /** The tables' names, in order of decreasing width. */
    public List<String> tableNames() {
        List<String> out = new ArrayList<>();
        tables.forEach(t -> out.add(t.name));
        if (tables.isEmpty()) {
            out.add(FINAL_TABLE);
        }
        return out;
    }

    /**
     * The table of a column of these tables ({@code exec.<label>.*} or {@value #FINAL_TABLE}.*),
     * or null for another column: a partition of the system for the table translation.
     */
    public String tableOf(Column c) {
        String n = c.name();
        if (!n.startsWith("exec.")) {
            return null;
        }
        int dot = n.indexOf('.', "exec.".length());
        return dot < 0 ? null : n.substring(0, dot);
    }

    /**
     * Where the replayed steps go: each step's row in its table, and each table's steps in row
     * order, by table name.
     */
    private record Placement(int[] rowOf, Map<String, int[]> stepsAt) {
    }

    /** Places the steps of {@code replay} in their tables, in step order, in one pass. */
    private Placement place(Replay replay) {
        int n = replay.steps();
        int[] rowOf = new int[n];
        int[] tableOf = new int[n];
        Map<InstructionTable<W>, Integer> index = new IdentityHashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            index.put(tables.get(t), t);
        }
        int[] counts = new int[tables.size()];
        for (int i = 0; i < n; i++) {
            int t = index.get(tableAt(replay, i));
            tableOf[i] = t;
            rowOf[i] = counts[t]++;
        }
        Map<String, int[]> stepsAt = new LinkedHashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            stepsAt.put(tables.get(t).name, new int[counts[t]]);
        }
        int[][] byTable = stepsAt.values().toArray(new int[0][]);
        for (int i = 0; i < n; i++) {
            byTable[tableOf[i]][rowOf[i]] = i;
        }
        return new Placement(rowOf, stepsAt);
    }

    /**
     * How many rows each table's work needs for {@code replay}, by table name: its steps, and the
     * final state's row.
     */
    public Map<String, Integer> stepsPerTable(Replay replay) {
        return stepsPerTable(replay, true);
    }

    /**
     * The rows each table needs: its steps, and, if {@code finalRow}, the final state's row in the
     * narrowest table (a segment's statement receives its end state itself: no final row).
     */
    public Map<String, Integer> stepsPerTable(Replay replay, boolean finalRow) {
        Map<String, Integer> out = new LinkedHashMap<>();
        place(replay).stepsAt().forEach((table, steps) -> out.put(table, steps.length));
        if (!finalRow) {
            if (tables.isEmpty()) {
                out.put(FINAL_TABLE, 1);
            }
            return out;
        }
        if (tables.isEmpty()) {
            out.put(FINAL_TABLE, 1);
        } else {
            out.merge(finalHost().name, 1, Integer::sum);
        }
        return out;
    }

    private InstructionTable<W> tableAt(Replay replay, int i) {
        return byCompiled.get(analysis.compiledAt(replay.segment()[i], replay.pc()[i]));
    }

    /**
     * Names each row of these tables by what it runs: {@code step 17 (run 0, pc 5): add 1}, as the
     * one-table check names its steps; the final state's row by the steps before it.
     */
    public dev.zkjvm.circuit.tables.check.RowNames rowNames(Replay replay) {
        Map<String, int[]> stepAt = place(replay).stepsAt();
        return (table, row) -> {
            int[] steps = stepAt.get(table);
            if (table.equals(FINAL_TABLE) || steps != null && row == steps.length && !tables.isEmpty()
                    && table.equals(finalHost().name)) {
                return "the final state, after " + replay.steps() + " steps";
            }
            if (steps == null) {
                return null;
            }
            if (row >= steps.length) {
                return "no step: a row after the table's " + steps.length + " steps";
            }
            int i = steps[row];
            return "step " + i + " (run " + replay.segment()[i] + ", pc " + replay.pc()[i] + "): "
                    + replay.text(analysis.program(), i);
        };
    }

    /**
     * Fills the tables' columns for the replayed steps into {@code columns} (indexed like the
     * system's columns), each table's at its height in {@code heights}; rows past a table's steps
     * are zeros.
     */
    public void fill(long[][] columns, Trace<W> trace, Replay replay, Map<String, Integer> heights) {
        fill(columns, trace, replay, heights, 0, 0, true);
    }

    /**
     * Fills the tables of one segment of a run: its steps are numbered from {@code clk} (the steps
     * before it), their times count from {@code time} (the log rows before its first record), and
     * no row receives the final state: the statement receives the segment's end state.
     */
    public void fillSegment(long[][] columns, Trace<W> trace, Replay replay, Map<String, Integer> heights, long clk,
            long time) {
        fill(columns, trace, replay, heights, clk, time, false);
    }

    private void fill(long[][] columns, Trace<W> trace, Replay replay, Map<String, Integer> heights, long clk0,
            long time0, boolean finalRow) {
        for (InstructionTable<W> t : tables) {
            int h = heights.get(t.name);
            for (Column c : t.ownColumns) {
                columns[c.index()] = new long[h];
            }
        }
        int n = replay.steps();
        Placement placement = place(replay);
        int[] rowOf = placement.rowOf();
        List<List<ExecutionProgram.Line<W>>> segs = analysis.program().segments();
        Parallel.forRange(n, 1 << 14, (from, to) -> {
            ExecRow<W> row = new ExecRow<>(columns, trace, analysis.limbs());
            for (int i = from; i < to; i++) {
                int s = replay.segment()[i];
                int p = replay.pc()[i];
                List<ExecutionProgram.Line<W>> lines = segs.get(s);
                ExecutionTable.Compiled<W> c = analysis.compiledAt(s, p);
                InstructionTable<W> t = byCompiled.get(c);
                InstructionTable.Member<W> member = members.get(c);
                row.row = rowOf[i];
                row.length = lines.size();
                for (int k = 0; k < row.streamNext.length; k++) {
                    row.streamNext[k] = replay.streamStart()[k][i];
                }
                row.pc = p;
                row.record = replay.recordStart()[i];
                row.recordEnd = trace.size();
                row.values = new long[member.words][];
                row.operands = analysis.operandsOf(lines.get(p));
                for (Action a : member.actions) {
                    a.run(row);
                }
                long target = row.nextPc;
                row.set(member.selector, 1);
                if (t.segment != null) {
                    row.set(t.segment, s);
                }
                row.set(t.pc, p);
                row.set(t.clk, clk0 + i);
                row.set(t.time, time0 + replay.recordStart()[i]);
                row.setSigned(t.depth, replay.depth()[i]);
                if (t.length != null) {
                    row.set(t.length, lines.size());
                }
                if (t.nextPc != null) {
                    row.set(t.nextPc, Goldilocks.fromSigned(target));
                }
                for (Map.Entry<IoStream, Column> e : t.counts.entrySet()) {
                    row.set(e.getValue(), replay.streamStart()[e.getKey().ordinal()][i]);
                }
                for (int j = 0; j < member.analysed.spec().operands().size(); j++) {
                    Column[] limbs = t.operand(j);
                    for (int m = 0; m < limbs.length; m++) {
                        if (limbs[m] != null) {
                            row.set(limbs[m], row.operands[j][m]);
                        }
                    }
                }
                if (t.atEnd != null && !member.halts) {
                    long gap = Goldilocks.sub(Goldilocks.fromSigned(target), lines.size());
                    row.set(t.atEnd, gap == 0 ? 1 : 0);
                    row.set(t.atEndInverse, gap);   // inverted below, all rows at once
                }
            }
        });
        for (InstructionTable<W> t : tables) {
            if (t.atEndInverse != null) {
                invertNonZeroInPlace(columns[t.atEndInverse.index()]);
            }
        }
        if (!finalRow) {
            return;
        }
        long[] end = finalState(trace, replay);
        if (tables.isEmpty()) {
            for (int j = 0; j < finalState.size(); j++) {
                columns[finalState.get(j).index()] = new long[] {end[j]};
            }
            return;
        }
        InstructionTable<W> host = finalHost();
        int row = placement.stepsAt().get(host.name).length;
        columns[host.finalFlag.index()][row] = 1;
        columns[host.clk.index()][row] = end[0];
        columns[host.time.index()][row] = end[1];
        columns[host.depth.index()][row] = end[2];
        int k = 3;
        for (IoStream s : counted) {
            columns[host.counts.get(s).index()][row] = end[k++];
        }
    }

    /** Each non-zero value replaced by its inverse, zeros kept: one field inversion per block of rows. */
    private static void invertNonZeroInPlace(long[] values) {
        Parallel.forRange(values.length, 1 << 14, (from, to) -> Goldilocks.batchInverseNonZeroInPlace(values, from, to));
    }

    /** The records step {@code i} made: up to the next step's first, or the trace's end. */
    private static int accesses(Trace<?> trace, Replay replay, int i) {
        int end = i + 1 < replay.steps() ? replay.recordStart()[i + 1] : trace.size();
        return end - replay.recordStart()[i];
    }

    /** The state after the replayed steps: clk, time, depth and the counted streams' words. */
    private long[] finalState(Trace<W> trace, Replay replay) {
        int n = replay.steps();
        long[] out = new long[3 + counted.size()];
        if (n == 0) {
            return out;
        }
        InstructionTable.Member<W> last = members.get(analysis.compiledAt(replay.segment()[n - 1],
                replay.pc()[n - 1]));
        out[0] = n;
        out[1] = replay.recordStart()[n - 1] + accesses(trace, replay, n - 1);
        out[2] = Goldilocks.fromSigned(replay.depth()[n - 1] + last.depthDelta);
        int k = 3;
        for (IoStream s : counted) {
            out[k++] = replay.streamStart()[s.ordinal()][n - 1] + last.streams[s.ordinal()];
        }
        return out;
    }
}
