package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Checker;
import dev.zkjvm.circuit.check.StatementTuples;
import dev.zkjvm.circuit.machine.exec.ExecutionProgram;
import dev.zkjvm.circuit.machine.exec.ExecutionTable;
import dev.zkjvm.circuit.machine.exec.InstructionSpec;
import dev.zkjvm.circuit.machine.exec.InstructionTables;
import dev.zkjvm.circuit.machine.exec.IoStream;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.circuit.memory.MemoryConsistency;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.stark.StarkProver;
import dev.zkjvm.circuit.stark.StarkVerifier;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.circuit.stark.VerifyOptions;
import dev.zkjvm.circuit.stark.VerifyingKey;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.check.TableCheckOptions;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.stark.TableKeys;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.stark.TableProver;
import dev.zkjvm.circuit.tables.stark.TableVerifier;
import dev.zkjvm.circuit.tables.stark.UnsatisfiedTablesException;
import dev.zkjvm.circuit.tables.translate.RangeLayout;
import dev.zkjvm.circuit.tables.translate.TranslatedSystem;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The circuit of one machine: the memory-consistency gadget plus the rules of the machine's
 * address space, with the trace-to-witness conversion and a one-call check. Each generated
 * {@code <Name>Circuit} holds one of these, built from the machine's layout.
 *
 * <p>Machine constraints, on the time-ordered log (names start with {@code vm.}):
 * <ul>
 *   <li>every access is in exactly one of the memory, stack and register sections (selectors
 *       {@code vm.sel.*}), at an offset inside that section: {@code off} and
 *       {@code size - 1 - off} are both range-checked, so buffer zones and anything outside the
 *       sections are unreachable;</li>
 *   <li>the byte address is the cell index times the word size;</li>
 *   <li>a stack access is at the cell its recorded depth implies ({@code off = depth - rw}:
 *       a push writes below the depth after it, a pop reads at it), and the depth moves by +1 per
 *       push, -1 per pop and not at all otherwise, starting from an empty stack;</li>
 *   <li>the second record of a double-cell (unaligned) access is the next memory cell, of the same
 *       kind, right after the first.</li>
 * </ul>
 *
 * <p>Padding: the log is padded to a power of two with reads of the first memory cell that
 * return its final value: honest accesses, so no constraint is switched off on padding rows. On
 * the one-table path ({@link #prove}) the trace holds the 2^16 rows of the range table, so the log
 * is padded to at least that. On tables ({@link #proveTables}) the range table, the byte tables
 * and the program's ROM are preprocessed tables of their own, and the log is padded only to the
 * next power of two of the records or steps.
 *
 * @param <W> word type
 */
public final class MachineCircuit<W extends Word<W>> {
    private final WordType<W> type;
    private final MemoryLayout layout;
    private final ConstraintSystem system;
    private final Checker checker;
    /** What the circuit states beyond its memory log's rules: nothing, or a run of a program. */
    private final CircuitKind<W> kind;
    private final MemoryLog<W> log;
    private final String name;
    private final List<InstructionSpec<W>> instructions;
    private final List<Reg> registers;
    private final TraceRecordCheck recordCheck;
    /**
     * The circuit as a table system (the one-table system translated), made on first use so that
     * the one-table check and proof never depend on the translation.
     */
    private final java.util.Map<RangeLayout, TranslatedSystem> tables = new java.util.EnumMap<>(RangeLayout.class);
    /** The table (log, sorted copy, execution, program) of each column, for reports. */
    private final byte[] columnTables;

    private MachineCircuit(String name, WordType<W> type, MemoryLayout layout, List<Reg> registers,
            List<InstructionSpec<W>> instructions, java.util.function.Function<ConstraintSystemBuilder, CircuitKind<W>> kind) {
        this.name = name;
        this.registers = registers;
        this.type = type;
        this.layout = layout;
        this.instructions = instructions;
        ConstraintSystemBuilder b = ConstraintSystem.builder(name);
        this.kind = kind.apply(b);
        log = this.kind.log();
        system = b.build();
        checker = new Checker(system);
        recordCheck = new TraceRecordCheck(layout, type, instructions.stream().map(InstructionSpec::opcode).toList());
        columnTables = TraceRowDescriber.classify(system, log.logColumns(), log.sortedColumns());
    }

    /** The circuit of a machine with this word type and layout; {@code name} names the system. */
    public static <W extends Word<W>> MachineCircuit<W> of(String name, WordType<W> type, MemoryLayout layout) {
        return new MachineCircuit<>(name, type, layout, List.of(), List.of(), b -> new MemoryCircuit<>(b, type, layout));
    }

    /**
     * The memory circuit of a machine that also knows the machine's registers and instructions, so
     * that {@link #forProgram} can add the execution table.
     *
     * @param registers the machine's registers in index order, the very objects its VM hands to
     *     instruction bodies: a body compiled for a program's register operands sees what the VM's
     *     body sees, down to object identity
     */
    public static <W extends Word<W>> MachineCircuit<W> of(String name, WordType<W> type, MemoryLayout layout,
            List<Reg> registers, List<InstructionSpec<W>> instructions) {
        if (registers.size() != layout.registerCount()) {
            throw new IllegalArgumentException("circuit " + name + ": " + registers.size() + " registers given, the"
                    + " layout has " + layout.registerCount());
        }
        for (int i = 0; i < registers.size(); i++) {
            if (registers.get(i).index() != i) {
                throw new IllegalArgumentException("circuit " + name + ": register " + registers.get(i)
                        + " has index " + registers.get(i).index() + " at position " + i);
            }
        }
        return new MachineCircuit<>(name, type, layout, List.copyOf(registers), List.copyOf(instructions),
                b -> new MemoryCircuit<>(b, type, layout));
    }

    /**
     * The whole circuit of running {@code program}: memory consistency, the layout's rules, and the
     * execution table with every instruction's constraints derived from its body. The program
     * (its FIXED columns) is part of the system and so of the transcript.
     *
     * @throws dev.zkjvm.circuit.machine.exec.UnconstrainableBodyException if an instruction body
     *     does something constraints cannot express
     */
    public MachineCircuit<W> forProgram(ExecutionProgram<W> program) {
        if (instructions.isEmpty()) {
            throw new IllegalStateException("circuit " + name + " was built without its instructions");
        }
        // The generated static API asks for the circuit of the same programs on every call; the
        // circuits (and with them their verifying keys) of the last few programs are kept, keyed
        // by the programs' content, so that a second verify of a program derives no key again.
        synchronized (programs) {
            MachineCircuit<W> known = programs.get(program);
            if (known != null) {
                return known;
            }
        }
        MachineCircuit<W> built = new MachineCircuit<>(name, type, layout, registers, instructions,
                b -> new ExecutionCircuit<>(b, name, type, layout, registers, instructions, program));
        synchronized (programs) {
            MachineCircuit<W> raced = programs.putIfAbsent(program, built);
            return raced != null ? raced : built;
        }
    }

    /** How many program circuits {@link #forProgram} keeps. */
    static final int CACHED_PROGRAMS = 8;

    private final java.util.Map<ExecutionProgram<W>, MachineCircuit<W>> programs =
            new java.util.LinkedHashMap<>(CACHED_PROGRAMS, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<ExecutionProgram<W>, MachineCircuit<W>> eldest) {
                    return size() > CACHED_PROGRAMS;
                }
            };

    /**
     * The circuit of segments of this program's runs ({@link SegmentCircuit}), made on first use.
     *
     * @throws IllegalStateException if this is not a program's circuit
     */
    public synchronized SegmentCircuit<W> segments() {
        if (segments == null) {
            ExecutionTable<W> analysis = kind.execution().orElseThrow(() -> new IllegalStateException(
                    "circuit " + name + " is not a program's circuit: only a program's runs have segments"));
            segments = new SegmentCircuit<>(name, type, layout, analysis);
        }
        return segments;
    }

    private SegmentCircuit<W> segments;

    /** The execution table of a program's circuit; empty for a memory circuit. */
    public java.util.Optional<ExecutionTable<W>> execution() {
        return kind.execution();
    }

    /** The constraint system. */
    public ConstraintSystem system() {
        return system;
    }

    /** The machine's layout. */
    public MemoryLayout layout() {
        return layout;
    }

    /** Rows of the witness for a trace of {@code records} records. */
    public int rowsFor(int records) {
        // a STARK proves a power of two of rows; a program longer than the fixed tables (its ROM
        // has one row per instruction) must not leave a non-power-of-two start here
        int rows = Integer.highestOneBit(Math.max(system.minRows(), 1));
        while (rows < records || rows < system.minRows()) {
            rows <<= 1;
        }
        return rows;
    }

    /** The witness of a trace: columns, commitment, challenges, running products and sums. */
    public Witness witness(Trace<W> trace) {
        return witnessBuilder(trace).build();
    }

    /** A witness builder with every MAIN column of the trace set, for callers that change cells. */
    public WitnessBuilder witnessBuilder(Trace<W> trace) {
        return build(trace, replay(trace)).builder();
    }

    /** A witness builder and the sort permutation of its memory log (log row at each sorted row). */
    private record Built(WitnessBuilder builder, int[] sortOrder) {
    }

    private Replay replay(Trace<W> trace) {
        return kind.replay(trace);
    }

    private Built build(Trace<W> trace, Replay replay) {
        return build(trace, replay, WitnessBuilder.of(system, rowsFor(kind.oneTableRows(trace, replay))));
    }

    /** Fills every MAIN column of {@code w} (of any height that holds the trace) from the trace. */
    private Built build(Trace<W> trace, Replay replay, WitnessBuilder w) {
        int[] order = log.fill(w, trace);
        kind.fill(w, trace, replay);
        return new Built(w, order);
    }

    /**
     * Checks a trace: first that every record is one a machine of this layout and word size can
     * produce ({@link TraceRecordCheck}), then every constraint. Failures name the constraint, the
     * row, the cells it read, and the records the failing constraint or argument reads there: for
     * the sorted copy the record the sort put on that row (not the log's record at the same index),
     * for the execution table the step, its program line and the records its slots claim
     * ({@code mnemonicOf} turns opcodes into instruction names).
     */
    public CheckReport check(Trace<W> trace, IntFunction<String> mnemonicOf) {
        Replay replay = replay(trace);
        Built built = build(trace, replay);
        return check(built.builder().build(), trace, replay, built.sortOrder(), mnemonicOf, CheckOptions.defaults());
    }

    /**
     * The statement's side of the circuit's public buses: the input words on {@code io.input} and
     * the output words on {@code io.output}, each as (index, 16-bit limbs, least significant first).
     * A word on a stream no instruction of the machine uses stays on its bus, where no row sends it.
     */
    public StatementTuples statementTuples(Statement<W> statement) {
        StatementTuples t = StatementTuples.NONE;
        t = addWords(t, type, IoStream.INPUT, statement.input(), 0);
        return addWords(t, type, IoStream.OUTPUT, statement.output(), 0);
    }

    /** {@code t} with {@code words} on {@code stream}'s bus, as (index, limbs), the first at index {@code from}. */
    static <W extends Word<W>> StatementTuples addWords(StatementTuples t, WordType<W> type, IoStream stream,
            List<W> words, int from) {
        for (int k = 0; k < words.size(); k++) {
            long[] limbs = ExecutionTable.toLimbs16(type, words.get(k));
            long[] tuple = new long[limbs.length + 1];
            tuple[0] = from + k;
            System.arraycopy(limbs, 0, tuple, 1, limbs.length);
            t = t.with(stream.bus(), tuple);
        }
        return t;
    }

    /**
     * The statement a trace's own streams make, on the streams this circuit constrains: a memory
     * circuit constrains none (it states memory consistency only), so a run's input and output
     * are no part of what it checks or proves.
     */
    private StatementTuples traceStatement(Trace<W> trace) {
        return kind.traceStatement(trace, this);
    }

    /**
     * The public tuples of {@link #tables()} that {@link #proveTables} proves {@code trace} with:
     * its own input and output as the statement. For checking {@link #tablesTrace} with the exact
     * table checker.
     */
    public PublicTuples tablesStatement(Trace<W> trace) {
        return tablesStatement(trace, RangeLayout.WHOLE);
    }

    /** {@link #tablesStatement(Trace)} for {@link #tables(RangeLayout)}. */
    public PublicTuples tablesStatement(Trace<W> trace, RangeLayout layout) {
        return kind.publicTuples(tables(layout), traceStatement(trace));
    }

    /** The options with the trace's own statement, unless the caller gave one. */
    private CheckOptions withTraceStatement(CheckOptions options, Trace<W> trace) {
        return options.statement() != null ? options : options.withStatement(traceStatement(trace));
    }

    /**
     * Checks a given witness of {@code trace} (for example one with a changed cell), and the trace's
     * records as {@link #check(Trace, IntFunction)} does.
     */
    public CheckReport check(Witness witness, Trace<W> trace, IntFunction<String> mnemonicOf, CheckOptions options) {
        return check(witness, trace, replay(trace), null, mnemonicOf, options);
    }

    private CheckReport check(Witness witness, Trace<W> trace, Replay replay, int[] sortOrder,
            IntFunction<String> mnemonicOf, CheckOptions options) {
        TraceRowDescriber<W> describer = describer(trace, replay, witness.columnsUnsafe(), witness.rows(), sortOrder,
                mnemonicOf);
        TraceRecordCheck.Result records = recordCheck.run(trace, options.maxFailures(), describer::record);
        CheckReport report = checker.check(witness, withTraceStatement(options, trace).withDescriber(describer));
        return records.clean() ? report : report.withRecordIssues(records.kept(), records.counts());
    }

    /**
     * The record check alone ({@link TraceRecordCheck}): whether every record of {@code trace} is one
     * a machine of this layout and word size can produce, without building a witness or evaluating
     * a constraint. A linear pass over the trace; {@link #check} and {@link #prove} run it first.
     */
    public CheckReport checkRecords(Trace<W> trace, IntFunction<String> mnemonicOf) {
        return checkRecords(trace, replay(trace), mnemonicOf);
    }

    private CheckReport checkRecords(Trace<W> trace, Replay replay, IntFunction<String> mnemonicOf) {
        TraceRowDescriber<W> records = describer(trace, replay, null, 0, null, mnemonicOf);
        TraceRecordCheck.Result invalid = recordCheck.run(trace, CheckOptions.DEFAULT_MAX_FAILURES, records::record);
        return CheckReport.ofRecordIssues(system.name(), rowsFor(trace.size()), system.constraints().size(),
                invalid.kept(), invalid.counts());
    }

    /** The report's describer of rows and records for a witness of {@code trace}. */
    private TraceRowDescriber<W> describer(Trace<W> trace, Replay replay, long[][] columns, int rows,
            int[] sortOrder, IntFunction<String> mnemonicOf) {
        RecordText<W> text = kind.recordText(trace, mnemonicOf, replay, system, columns);
        return new TraceRowDescriber<>(columnTables, text,
                sortOrder != null ? () -> sortOrder : () -> log.sortOrder(trace, rows));
    }

    /**
     * Proves that {@code trace} satisfies this circuit (for an execution circuit: that it is a run of
     * the program), as a STARK proof that {@link #verify} checks without the trace.
     *
     * @param mnemonicOf turns opcodes into instruction names in the report of a refused trace
     * @throws UnsatisfiedTraceException if a record is one no machine of this layout can produce
     *     (checked first, before the witness is built) or the trace breaks a constraint; its report
     *     names them as {@link #check} does
     */
    public StarkProof prove(Trace<W> trace, IntFunction<String> mnemonicOf, StarkConfig config,
            ProofProgress progress) {
        Replay replay = replay(trace);
        CheckReport invalid = checkRecords(trace, replay, mnemonicOf);
        if (!invalid.isSatisfied()) {
            // The witness could not show these records as they are: refuse before building it.
            throw new UnsatisfiedTraceException(invalid);
        }
        Built built = build(trace, replay);
        CheckOptions options = CheckOptions.defaults().withDescriber(describer(trace, replay,
                built.builder().suppliedColumns(), built.builder().rows(), built.sortOrder(),
                mnemonicOf));
        return StarkProver.prove(built.builder(), config, progress, options);
    }

    /**
     * Verifies a proof made by {@link #prove} for this circuit (and so, for an execution circuit,
     * for this program) under {@code config}, accepting every trace length the prover can make
     * ({@link VerifyOptions#DEFAULT}). Keys are derived once per trace length and kept.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected; nothing else, however
     *     malformed the proof
     */
    public void verify(StarkProof proof, StarkConfig config) throws InvalidProofException {
        verify(proof, config, VerifyOptions.DEFAULT);
    }

    /**
     * Verifies under the caller's policy on the claimed trace length. The verifying key for the
     * proof's length is taken (from the cache, or derived) only after every check that needs no key
     * has passed, so a malformed proof costs no key whatever length it claims.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected
     */
    public void verify(StarkProof proof, StarkConfig config, VerifyOptions options) throws InvalidProofException {
        StarkVerifier.verify(system, config, options, proof, logRows -> verifyingKey(logRows, config));
    }

    /** Whether {@link #verify(StarkProof, StarkConfig)} accepts the proof; never throws on a bad proof. */
    public boolean isValid(StarkProof proof, StarkConfig config) {
        try {
            verify(proof, config);
            return true;
        } catch (InvalidProofException e) {
            return false;
        }
    }

    /**
     * The circuit as a table system ({@link TranslatedSystem}): the log and its sorted copy in the
     * main table as tall as the records, the 16-bit range checks and the log-versus-sorted
     * permutation as buses, the range table preprocessed once in the key, so the main table has
     * no 2^16-row floor. For a program's circuit, its steps are in instruction tables joined by
     * the execution bus, their accesses on the memory bus to the log, and the byte table and the
     * program's ROM are preprocessed too ({@link InstructionTables}).
     */
    public TranslatedSystem tables() {
        return tables(RangeLayout.WHOLE);
    }

    /**
     * {@link #tables()} with its 16-bit range checks in {@code layout}: {@link RangeLayout#BYTES}
     * checks them as bytes on a 256-row table instead of a 2^16-row one, which
     * {@link #proveTables} chooses for short traces ({@link #rangeLayoutFor}).
     */
    public synchronized TranslatedSystem tables(RangeLayout layout) {
        return tables.computeIfAbsent(layout, l -> kind.translate(system, l));
    }

    /**
     * The main table's height up to which {@link #proveTables} checks 16-bit ranges as bytes
     * ({@link RangeLayout#BYTES}): below it, the 2^16-row range table would cost more than the
     * high-byte columns and sends do (measured, {@code docs/benchmarks.md}).
     */
    public static final int BYTES_UP_TO_MAIN_HEIGHT = 1 << 14;

    /**
     * The layout {@link #proveTables} proves a trace in whose main table (the log) is
     * {@code mainHeight} rows tall.
     */
    public static RangeLayout rangeLayoutFor(int mainHeight) {
        return mainHeight <= BYTES_UP_TO_MAIN_HEIGHT ? RangeLayout.BYTES : RangeLayout.WHOLE;
    }

    /**
     * The layout a proof on tables claims: {@link RangeLayout#BYTES} if the table where the 16-bit
     * range table would be is 256 rows tall (the byte table's height), else the whole table. Either
     * layout states the same, so the prover may choose; a proof that claims one and was made with
     * the other fails on the shape or the commitments.
     */
    public RangeLayout rangeLayoutOf(TableProof proof) {
        if (!hasByteLayout()) {
            return RangeLayout.WHOLE;
        }
        return claimedLayout(tables(RangeLayout.WHOLE), tables(RangeLayout.BYTES), proof);
    }

    /**
     * The layout a proof on {@code whole}'s or {@code bytes}'s tables claims: bytes if the table where
     * the 16-bit range table would be is as tall as the byte table.
     */
    static RangeLayout claimedLayout(TranslatedSystem whole, TranslatedSystem bytes, TableProof proof) {
        int at = whole.findRangeTable(16).map(whole.system().tables()::indexOf).orElse(-1);
        int[] heights = proof.heights();
        return at >= 0 && at < heights.length && heights[at] == bytes.system().tables().get(at).fixedHeight()
                ? RangeLayout.BYTES : RangeLayout.WHOLE;
    }

    /**
     * Whether proofs on tables ({@link #proveTables}) are available: whether the system translates
     * (every machine circuit the processor generates does).
     */
    public boolean provesOnTables() {
        try {
            tables();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The layout {@link #proveTables} uses for a main table {@code mainHeight} rows tall:
     * {@link #rangeLayoutFor}'s, where this circuit has a byte layout at all.
     */
    private RangeLayout chosenLayout(int mainHeight) {
        return hasByteLayout() ? rangeLayoutFor(mainHeight) : RangeLayout.WHOLE;
    }

    /**
     * Whether the byte layout is a choice at all: the system has 16-bit range checks and its byte
     * layout translates (a name it needs, such as {@code <check>.hi}, may be taken by the source).
     */
    private synchronized boolean hasByteLayout() {
        // decided once: a translation that fails is not cached by tables(layout), and would be
        // attempted again by every proof, verification and heap estimate
        if (byteLayout == null) {
            byteLayout = tables().findRangeTable(16).isPresent() && translates(RangeLayout.BYTES);
        }
        return byteLayout;
    }

    private boolean translates(RangeLayout layout) {
        try {
            tables(layout);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@link #hasByteLayout} holds; null until first asked. */
    private Boolean byteLayout;

    /**
     * Proves that {@code trace} satisfies this circuit with the multi-table STARK: the main table
     * has as many rows as the trace's records or the program's steps (the larger, rounded up to a
     * power of two), with no 2^16 floor; {@link #verifyTables} checks the proof. For a program's
     * circuit the program is part of the system (its ROM is a preprocessed table), so a proof
     * verifies only with the circuit of the same program.
     *
     * @throws UnsatisfiedTraceException if a record is one no machine of this layout can produce or
     *     the trace breaks a constraint; its report is {@link #check}'s, naming records as well
     */
    public TableProof proveTables(Trace<W> trace, IntFunction<String> mnemonicOf, StarkConfig config) {
        return proveTables(trace, mnemonicOf, config, true);
    }

    /**
     * {@link #proveTables(Trace, IntFunction, StarkConfig)} with zero knowledge on (the default) or
     * off: a zero-knowledge proof reveals nothing of the trace beyond the statement, and two of them
     * differ; a plain one is deterministic and a little smaller and faster.
     */
    public TableProof proveTables(Trace<W> trace, IntFunction<String> mnemonicOf, StarkConfig config,
            boolean zeroKnowledge) {
        return proveTables(trace, mnemonicOf, config, zeroKnowledge, null);
    }

    /**
     * {@link #proveTables(Trace, IntFunction, StarkConfig, boolean)} with the 16-bit range checks
     * in {@code layout}, or, if null, in the layout {@link #rangeLayoutFor} chooses for the trace's
     * main table. {@link #verifyTables} accepts either.
     */
    public TableProof proveTables(Trace<W> trace, IntFunction<String> mnemonicOf, StarkConfig config,
            boolean zeroKnowledge, RangeLayout layout) {
        CheckReport invalid = checkRecords(trace, null, mnemonicOf);
        if (!invalid.isSatisfied()) {
            throw new UnsatisfiedTraceException(invalid);
        }
        Replay replay = replay(trace);
        TableHeights heights = tableHeights(trace.size(), kind.work(replay));
        RangeLayout chosen = layout != null ? layout : chosenLayout(heights.main());
        SystemTrace tablesTrace = kind.tablesTrace(tables(chosen), system, trace, replay, heights);
        try {
            return TableProver.prove(tableKey(config, zeroKnowledge, chosen), tablesTrace,
                    tablesStatement(trace, chosen));
        } catch (UnsatisfiedTablesException e) {
            // The table checker names constraints and tuples; the one-table check names them with
            // the records they read, so a refused trace reads as on the one-table path.
            CheckReport report = check(trace, mnemonicOf);
            if (report.isSatisfied()) {
                throw e;
            }
            UnsatisfiedTraceException refused = new UnsatisfiedTraceException(report);
            refused.addSuppressed(e);
            throw refused;
        }
    }

    /**
     * The trace of {@link #tables()} that {@link #proveTables} proves for {@code trace}, unchecked:
     * the main table as tall as the records or steps, a program's execution table as tall as its
     * steps. For checking it with the exact table checker
     * ({@code new TableSystemChecker(tables().system()).check(...)}).
     */
    public SystemTrace tablesTrace(Trace<W> trace) {
        return tablesTrace(trace, RangeLayout.WHOLE);
    }

    /** {@link #tablesTrace(Trace)} for {@link #tables(RangeLayout)}. */
    public SystemTrace tablesTrace(Trace<W> trace, RangeLayout layout) {
        return tablesTrace(trace, replay(trace), layout);
    }

    private SystemTrace tablesTrace(Trace<W> trace, Replay replay, RangeLayout layout) {
        return kind.tablesTrace(tables(layout), system, trace, replay, tableHeights(trace.size(), kind.work(replay)));
    }

    /**
     * The exact check on tables of {@code trace} with its own statement: each table's constraints on
     * its own rows and every bus as a multiset ({@link TableSystemChecker}), tables as tall as the
     * work, no challenge columns. The same verdict as {@link #check(Trace, IntFunction)} on valid
     * records ({@link #checkRecords} checks those), faster; that check's report names records.
     */
    public TableSystemReport checkTables(Trace<W> trace) {
        return checkTables(trace, RangeLayout.WHOLE);
    }

    /**
     * {@link #checkTables(Trace)} on {@link #tables(RangeLayout)}: the same verdict in either
     * layout (the whole one is the cheaper to check, the byte one is what short runs prove).
     */
    public TableSystemReport checkTables(Trace<W> trace, RangeLayout layout) {
        Replay replay = replay(trace);
        return new TableSystemChecker(tables(layout).system()).check(tablesTrace(trace, replay, layout),
                tablesStatement(trace, layout), TableCheckOptions.defaults().withRowNames(kind.rowNames(replay)));
    }

    /**
     * The heights of the tables of a proof on tables, and their cells (rows times MAIN columns),
     * which a prover's memory grows with.
     *
     * @param main the main table's height (the memory log and its sorted copy): a power of two
     *     that holds the records and every other table
     * @param tables the height of each instruction's table and of the final-state table, by name;
     *     empty for a memory circuit
     * @param cells the tables' cells, in the range layout {@link #proveTables} chooses for them
     */
    public record TableHeights(int main, Map<String, Integer> tables, long cells) {
        /** Copies the map. */
        public TableHeights {
            tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
        }
    }

    /** The {@link TableHeights} of a run of {@code trace}, replayed over the program. */
    public TableHeights tableHeights(Trace<W> trace) {
        return tableHeights(trace.size(), kind.work(replay(trace)));
    }

    private TableHeights tableHeights(int records, Map<String, Integer> steps) {
        TranslatedSystem t = tables();
        Map<String, Integer> heights = new java.util.LinkedHashMap<>();
        int tallest = records;
        for (Map.Entry<String, Integer> e : steps.entrySet()) {
            int h = t.heightFor(e.getKey(), e.getValue());
            heights.put(e.getKey(), h);
            tallest = Math.max(tallest, h);
        }
        int main = t.heightFor(tallest);
        // the heights are the same in either layout; the columns are those of the layout proven
        TranslatedSystem proven = tables(chosenLayout(main));
        long cells = (long) main * proven.mainTable().columns().size();
        for (Map.Entry<String, Integer> e : heights.entrySet()) {
            cells += (long) e.getValue() * proven.system().table(e.getKey()).columns().size();
        }
        return new TableHeights(main, heights, cells);
    }

    /**
     * Verifies a proof made by {@link #proveTables} for this circuit under {@code config}, with the
     * key of its kind (zero-knowledge or not). Keys are derived once per configuration and kind
     * and kept.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected
     */
    public void verifyTables(TableProof proof, StarkConfig config) throws InvalidProofException {
        verifyTables(proof, config, Statement.none());
    }

    /**
     * Verifies a proof made by {@link #proveTables} of a run whose statement is {@code statement}:
     * exactly that public input read and that output written, every word in order, by this
     * circuit's programs. The verifier adds the statement's side of the public buses itself.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected (a statement on a
     *     stream the machine never uses included)
     */
    public void verifyTables(TableProof proof, StarkConfig config, Statement<W> statement)
            throws InvalidProofException {
        kind.checkStatement(statement);
        RangeLayout layout = rangeLayoutOf(proof);
        TranslatedSystem t = tables(layout);
        PublicTuples tuples;
        try {
            tuples = kind.publicTuples(t, statementTuples(statement));
        } catch (IllegalArgumentException e) {
            throw new InvalidProofException("the statement claims words on a stream no instruction of " + name
                    + " reads or writes (" + e.getMessage() + ")");
        }
        TableVerifier.verify(tableKey(config, proof.zeroKnowledge(), layout).verifyingKey(), tuples, proof);
    }

    /** Whether {@link #verifyTables(TableProof, StarkConfig)} accepts the proof; never throws on a bad proof. */
    public boolean isValidTables(TableProof proof, StarkConfig config) {
        return isValidTables(proof, config, Statement.none());
    }

    /** Whether {@link #verifyTables(TableProof, StarkConfig, Statement)} accepts the proof. */
    public boolean isValidTables(TableProof proof, StarkConfig config, Statement<W> statement) {
        try {
            verifyTables(proof, config, statement);
            return true;
        } catch (InvalidProofException e) {
            return false;
        }
    }

    /** The zero-knowledge keys of {@link #tables()} under {@code config} (see {@link #tableKey(StarkConfig, boolean)}). */
    public TableKeys.ProvingKey tableKey(StarkConfig config) {
        return tableKey(config, true);
    }

    /**
     * The keys of {@link #tables()} under {@code config} for proofs with or without zero knowledge
     * (the range table's commitment), derived on first use and kept (a few entries).
     */
    public TableKeys.ProvingKey tableKey(StarkConfig config, boolean zeroKnowledge) {
        return tableKey(config, zeroKnowledge, RangeLayout.WHOLE);
    }

    /** {@link #tableKey(StarkConfig, boolean)} for {@link #tables(RangeLayout)}. */
    public TableKeys.ProvingKey tableKey(StarkConfig config, boolean zeroKnowledge, RangeLayout layout) {
        TranslatedSystem t = tables(layout);
        synchronized (tableKeys) {
            return tableKeys.computeIfAbsent(new TableKeyChoice(config, zeroKnowledge, layout), c -> {
                TableKeys.ProvingKey key = TableKeys.derive(t.system(), c.config(), c.zeroKnowledge());
                synchronized (keys) {
                    derivedKeys++;
                }
                return key;
            });
        }
    }

    private record TableKeyChoice(StarkConfig config, boolean zeroKnowledge, RangeLayout layout) {
    }

    private final java.util.Map<TableKeyChoice, TableKeys.ProvingKey> tableKeys =
            new java.util.LinkedHashMap<>(4, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<TableKeyChoice, TableKeys.ProvingKey> eldest) {
                    return size() > 8;
                }
            };

    /**
     * The verifying key for traces of {@code 2^logRows} rows under {@code config}: the commitment to
     * the FIXED columns (the range tables, and for an execution circuit the program). Derived on
     * first use and kept (a few entries).
     *
     * @throws IllegalArgumentException if the length is outside what the system and the prover allow
     */
    public VerifyingKey verifyingKey(int logRows, StarkConfig config) {
        synchronized (keys) {
            return keys.computeIfAbsent(new KeyShape(logRows, config), s -> {
                VerifyingKey key = VerifyingKey.derive(system, logRows, config);
                derivedKeys++;
                return key;
            });
        }
    }

    /**
     * How many keys this circuit has derived, one-table verifying keys and table keys (each costs an
     * extension of FIXED columns).
     */
    public int derivedKeys() {
        synchronized (keys) {
            return derivedKeys;
        }
    }

    private record KeyShape(int logRows, StarkConfig config) {
    }

    private int derivedKeys;

    private final java.util.Map<KeyShape, VerifyingKey> keys = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<KeyShape, VerifyingKey> eldest) {
            return size() > 4;
        }
    };

    /** The gadget's columns, for tests that change witness cells. */
    public MemoryConsistency memory() {
        return log.memory;
    }
}
