package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.check.StatementTuples;
import dev.zkjvm.circuit.machine.exec.ExecutionTable;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.check.RowNames;
import dev.zkjvm.circuit.tables.translate.RangeLayout;
import dev.zkjvm.circuit.tables.translate.TranslatedSystem;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A memory circuit: the log, its sorted copy and the layout's rules, nothing of a program. It
 * states memory consistency only, so a run's input and output are no part of what it proves.
 *
 * @param <W> the machine's word type
 */
final class MemoryCircuit<W extends Word<W>> implements CircuitKind<W> {
    private final MemoryLayout layout;
    private final MemoryLog<W> log;

    MemoryCircuit(ConstraintSystemBuilder b, WordType<W> type, MemoryLayout layout) {
        this.layout = layout;
        this.log = new MemoryLog<>(b, type, layout, false);
    }

    @Override
    public MemoryLog<W> log() {
        return log;
    }

    @Override
    public Optional<ExecutionTable<W>> execution() {
        return Optional.empty();
    }

    @Override
    public Replay replay(Trace<W> trace) {
        return null;
    }

    @Override
    public int oneTableRows(Trace<W> trace, Replay replay) {
        return trace.size();
    }

    @Override
    public void fill(WitnessBuilder w, Trace<W> trace, Replay replay) {
    }

    @Override
    public StatementTuples traceStatement(Trace<W> trace, MachineCircuit<W> circuit) {
        return StatementTuples.NONE;
    }

    @Override
    public void checkStatement(Statement<W> statement) throws InvalidProofException {
        if (!(statement.input().isEmpty() && statement.output().isEmpty())) {
            throw new InvalidProofException("a memory circuit's proof states no input or output; the statement claims "
                    + statement.input().size() + " input and " + statement.output().size() + " output words");
        }
    }

    @Override
    public PublicTuples publicTuples(TranslatedSystem tables, StatementTuples statement) {
        return tables.publicTuples(statement);
    }

    @Override
    public RecordText<W> recordText(Trace<W> trace, IntFunction<String> mnemonicOf, Replay replay,
            ConstraintSystem system, long[][] columns) {
        return new RecordText<>(trace, layout, mnemonicOf, null, null, null, null);
    }

    @Override
    public TranslatedSystem translate(ConstraintSystem system, RangeLayout layout) {
        return TranslatedSystem.of(system, c -> null, layout);
    }

    @Override
    public Map<String, Integer> work(Replay replay) {
        return Map.of();
    }

    @Override
    public SystemTrace tablesTrace(TranslatedSystem tables, ConstraintSystem system, Trace<W> trace, Replay replay,
            MachineCircuit.TableHeights heights) {
        WitnessBuilder w = WitnessBuilder.columnsOnly(system, heights.main());
        log.fill(w, trace);
        return tables.trace(w.suppliedColumns(), heights.main());
    }

    @Override
    public RowNames rowNames(Replay replay) {
        return RowNames.NONE;
    }
}
