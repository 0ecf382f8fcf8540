package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.air.ConstraintSystem;
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
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * What a {@link MachineCircuit} states about a trace: memory consistency alone ({@link MemoryCircuit})
 * or that the trace is a run of a program ({@link ExecutionCircuit}). {@code MachineCircuit} holds
 * the keys, the checker and the proof plumbing; each kind declares its own columns and fills them.
 *
 * @param <W> the machine's word type
 */
sealed interface CircuitKind<W extends Word<W>> permits MemoryCircuit, ExecutionCircuit {
    /** The memory log of the one-table system. */
    MemoryLog<W> log();

    /** The one-table execution table, if the circuit has one. */
    Optional<ExecutionTable<W>> execution();

    /**
     * The steps of {@code trace} (null for a memory circuit, which has none: {@link RecordText}
     * then describes records alone).
     */
    Replay replay(Trace<W> trace);

    /** The one-table rows {@code trace} needs: its records, or the larger of its records and steps. */
    int oneTableRows(Trace<W> trace, Replay replay);

    /** Fills the one-table witness's columns beyond the log's. */
    void fill(WitnessBuilder w, Trace<W> trace, Replay replay);

    /** The statement a trace's own streams make, on the streams the circuit constrains. */
    StatementTuples traceStatement(Trace<W> trace, MachineCircuit<W> circuit);

    /** Refuses a statement the circuit cannot state. */
    void checkStatement(Statement<W> statement) throws InvalidProofException;

    /** The public tuples of {@code tables} for {@code statement}, with what the circuit itself adds. */
    PublicTuples publicTuples(TranslatedSystem tables, StatementTuples statement);

    /** Describes the trace's records for reports, with the one-table witness's columns if given. */
    RecordText<W> recordText(Trace<W> trace, IntFunction<String> mnemonicOf, Replay replay, ConstraintSystem system,
            long[][] columns);

    /** The circuit as a table system, its 16-bit range checks in {@code layout}. */
    TranslatedSystem translate(ConstraintSystem system, RangeLayout layout);

    /** The rows each of the tables apart from the main one needs for {@code replay}, by name. */
    Map<String, Integer> work(Replay replay);

    /** The trace of {@code tables} for {@code trace}, with the heights {@code heights} chose. */
    SystemTrace tablesTrace(TranslatedSystem tables, ConstraintSystem system, Trace<W> trace, Replay replay,
            MachineCircuit.TableHeights heights);

    /** How the exact table checker names rows for {@code replay}. */
    RowNames rowNames(Replay replay);
}
