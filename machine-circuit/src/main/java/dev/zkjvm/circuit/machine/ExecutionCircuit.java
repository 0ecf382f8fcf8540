package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.check.StatementTuples;
import dev.zkjvm.circuit.machine.exec.ExecutionProgram;
import dev.zkjvm.circuit.machine.exec.ExecutionTable;
import dev.zkjvm.circuit.machine.exec.InstructionSpec;
import dev.zkjvm.circuit.machine.exec.InstructionTables;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.check.RowNames;
import dev.zkjvm.circuit.tables.translate.RangeLayout;
import dev.zkjvm.circuit.tables.translate.TranslatedSystem;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * An execution circuit: that a trace is a run of a program. On one table, the memory log with a
 * padding flag and the execution table ({@link ExecutionTable}, one row per step); on tables, a
 * second system with the log again and the steps in instruction tables joined by the execution
 * bus ({@link InstructionTables}).
 *
 * @param <W> the machine's word type
 */
final class ExecutionCircuit<W extends Word<W>> implements CircuitKind<W> {
    private static final Pattern SLOT_USED = Pattern.compile("exec\\.slot\\[\\d+]\\.used");

    private final MemoryLayout layout;
    private final MemoryLog<W> log;
    private final ExecutionTable<W> table;
    /** The system the tables translate: the memory log again and the instruction tables. */
    private final ConstraintSystem tablesSource;
    private final MemoryLog<W> tablesLog;
    private final InstructionTables<W> instructionTables;

    ExecutionCircuit(ConstraintSystemBuilder b, String name, WordType<W> type, MemoryLayout layout,
            List<Reg> registers, List<InstructionSpec<W>> instructions, ExecutionProgram<W> program) {
        this.layout = layout;
        this.log = new MemoryLog<>(b, type, layout, true);
        this.table = new ExecutionTable<>(b, type, layout, registers, instructions, program, log.tuple(), log.pad);
        ConstraintSystemBuilder tb = ConstraintSystem.builder(name);
        tablesLog = new MemoryLog<>(tb, type, layout, true);
        instructionTables = new InstructionTables<>(tb, table, tablesLog.tuple(), tablesLog.claimed());
        tablesSource = tb.build();
    }

    @Override
    public MemoryLog<W> log() {
        return log;
    }

    @Override
    public Optional<ExecutionTable<W>> execution() {
        return Optional.of(table);
    }

    @Override
    public Replay replay(Trace<W> trace) {
        long cap = (trace.size() + 1L) * (table.program().size() + 1L);
        return table.replay(trace, (int) Math.min(cap, 1 << 28));
    }

    @Override
    public int oneTableRows(Trace<W> trace, Replay replay) {
        return Math.max(trace.size(), replay.steps());
    }

    @Override
    public void fill(WitnessBuilder w, Trace<W> trace, Replay replay) {
        table.fill(w, trace, replay, w.rows());
    }

    @Override
    public StatementTuples traceStatement(Trace<W> trace, MachineCircuit<W> circuit) {
        return circuit.statementTuples(Statement.of(trace));
    }

    @Override
    public void checkStatement(Statement<W> statement) {
    }

    /**
     * With the initial state: the execution bus's first state (run 0, pc 0, clk 0, time 0, depth 0,
     * no stream word), which the statement sends and the first step receives.
     */
    @Override
    public PublicTuples publicTuples(TranslatedSystem tables, StatementTuples statement) {
        Bus bus = tables.system().bus(InstructionTables.STATE_BUS);
        return tables.publicTuples(statement).with(bus, Direction.SEND, 1, new long[bus.width()]);
    }

    @Override
    public RecordText<W> recordText(Trace<W> trace, IntFunction<String> mnemonicOf, Replay replay,
            ConstraintSystem system, long[][] columns) {
        long[] execTime = null;
        long[][] slotUsed = null;
        if (columns != null) {
            execTime = columns[system.column("exec.time").index()];
            List<long[]> used = new ArrayList<>();
            for (Column c : system.columns()) {     // declared in slot order
                if (SLOT_USED.matcher(c.name()).matches()) {
                    used.add(columns[c.index()]);
                }
            }
            slotUsed = used.toArray(new long[0][]);
        }
        return new RecordText<>(trace, layout, mnemonicOf, replay, table.program(), execTime, slotUsed);
    }

    @Override
    public TranslatedSystem translate(ConstraintSystem system, RangeLayout layout) {
        return TranslatedSystem.of(tablesSource, instructionTables::tableOf, layout);
    }

    @Override
    public Map<String, Integer> work(Replay replay) {
        return instructionTables.stepsPerTable(replay);
    }

    @Override
    public SystemTrace tablesTrace(TranslatedSystem tables, ConstraintSystem system, Trace<W> trace, Replay replay,
            MachineCircuit.TableHeights heights) {
        WitnessBuilder w = WitnessBuilder.columnsOnly(tablesSource, heights.main());
        tablesLog.fill(w, trace);
        long[][] columns = w.suppliedColumns();
        instructionTables.fill(columns, trace, replay, heights.tables());
        return tables.trace(columns, heights.main(), heights.tables());
    }

    @Override
    public RowNames rowNames(Replay replay) {
        return instructionTables.rowNames(replay);
    }
}
