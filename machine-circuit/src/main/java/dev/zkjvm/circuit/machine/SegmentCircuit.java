package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.check.StatementTuples;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.exec.ExecutionTable;
import dev.zkjvm.circuit.machine.exec.InstructionTables;
import dev.zkjvm.circuit.machine.exec.IoStream;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.check.TableCheckOptions;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.stark.TableKeys;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.stark.TableProver;
import dev.zkjvm.circuit.tables.stark.TableVerifier;
import dev.zkjvm.circuit.tables.translate.RangeLayout;
import dev.zkjvm.circuit.tables.translate.TranslatedSystem;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import dev.zkjvm.runtime.segment.SegmentState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The circuit of one segment of a program's run ({@link MachineCircuit#segments()}): the same
 * instruction tables and execution bus as a whole run's proof on tables, over a log that starts
 * from carried-in cells rather than from empty memory.
 *
 * <p>What changes against a whole run:
 * <ul>
 *   <li>the statement sends the segment's start state on the execution bus and receives its end
 *       state, instead of the all-zero start and a final row that halts;</li>
 *   <li>the log opens with a <b>page-in</b> read of every cell the segment touches, whose (cell,
 *       value) the statement sends, and closes with a <b>page-out</b> read of each, whose (cell,
 *       value) the statement receives; the first access to every cell is its page-in
 *       ({@link MemoryLog#carried});</li>
 *   <li>the input and output words are those the segment reads and writes, at their indices in the
 *       whole run's streams;</li>
 *   <li>the transcript absorbs a context (the run's digest, the segment's index and count), so a
 *       segment's proof verifies in no other place.</li>
 * </ul>
 * The segmented verifier chains the pages: each page-in word must be what the cell held after the
 * last segment before that touched it, or zero.
 *
 * @param <W> the machine's word type
 */
public final class SegmentCircuit<W extends Word<W>> {
    private final String name;
    private final WordType<W> type;
    private final ExecutionTable<W> analysis;
    private final MemoryLog<W> log;
    private final InstructionTables<W> instructionTables;
    private final ConstraintSystem source;
    private final Map<RangeLayout, TranslatedSystem> tables = new EnumMap<>(RangeLayout.class);
    private final Map<KeyChoice, TableKeys.ProvingKey> keys = new LinkedHashMap<>();

    SegmentCircuit(String name, WordType<W> type, MemoryLayout layout, ExecutionTable<W> analysis) {
        this.name = name;
        this.type = type;
        this.analysis = analysis;
        ConstraintSystemBuilder b = ConstraintSystem.builder(name + "-segment");
        log = MemoryLog.carried(b, type, layout);
        instructionTables = new InstructionTables<>(b, analysis, log.tuple(), log.claimed());
        b.publicReceive("vm.page_in.carry", MemoryLog.PAGE_IN_BUS, log.pageFields(), log.pageIn.cur(),
                log.pageTuple());
        b.publicSend("vm.page_out.carry", MemoryLog.PAGE_OUT_BUS, log.pageFields(), log.pageOut.cur(),
                log.pageTuple());
        source = b.build();
    }

    /** The segment's table system with its 16-bit range checks in {@code layout}. */
    public synchronized TranslatedSystem tables(RangeLayout layout) {
        return tables.computeIfAbsent(layout,
                l -> TranslatedSystem.of(source, instructionTables::tableOf, l));
    }

    /** The proving key (with the verifying key) of {@link #tables} under {@code config}, kept once derived. */
    public TableKeys.ProvingKey key(StarkConfig config, boolean zeroKnowledge, RangeLayout layout) {
        TranslatedSystem t = tables(layout);
        synchronized (keys) {
            return keys.computeIfAbsent(new KeyChoice(config, zeroKnowledge, layout),
                    c -> TableKeys.derive(t.system(), c.config(), c.zeroKnowledge()));
        }
    }

    private record KeyChoice(StarkConfig config, boolean zeroKnowledge, RangeLayout layout) {
    }

    /**
     * The steps of a segment found in its records ({@code records}: the accesses its steps made, as
     * the machine's re-execution of the segment gives them).
     */
    private Replay replay(Trace<W> records, SegmentState start, long steps) {
        int[] streams = new int[IoStream.values().length];
        streams[IoStream.INPUT.ordinal()] = start.inputRead();
        streams[IoStream.ADVICE.ordinal()] = start.adviceRead();
        streams[IoStream.OUTPUT.ordinal()] = start.outputWritten();
        Replay.Start from = new Replay.Start(start.run(), Math.toIntExact(start.pc()), start.depth(), streams);
        return analysis.replay(records, Math.toIntExact(steps), from);
    }

    /** The heights of a segment's tables: the log holds the pages in and out and the records. */
    private Map<String, Integer> partHeights(Replay replay) {
        Map<String, Integer> out = new LinkedHashMap<>();
        TranslatedSystem t = tables(RangeLayout.WHOLE);
        instructionTables.stepsPerTable(replay, false).forEach((table, steps) -> out.put(table,
                t.heightFor(table, steps)));
        return out;
    }

    private int mainHeight(Map<String, Integer> parts, int rows) {
        int tallest = rows;
        for (int h : parts.values()) {
            tallest = Math.max(tallest, h);
        }
        return tables(RangeLayout.WHOLE).heightFor(tallest);
    }

    /**
     * A segment's steps replayed and its tables' heights: the log holds the pages in and out and the
     * records.
     */
    private record Shape(Replay replay, Map<String, Integer> parts, int main) {
    }

    private Shape shape(Trace<W> records, SegmentStatement<W> statement) {
        long steps = statement.end().clk() - statement.start().clk();
        Replay replay = replay(records, statement.start(), steps);
        if (replay.steps() != steps) {
            throw new IllegalArgumentException("the segment's records replay as " + replay.steps() + " steps of "
                    + name + ", its statement says " + steps);
        }
        Map<String, Integer> parts = partHeights(replay);
        return new Shape(replay, parts, mainHeight(parts, 2 * statement.cells().length + records.size()));
    }

    /**
     * The trace of a segment's tables: {@code records} are the accesses of the segment's steps (their
     * times are ignored: a log row's time is its index), {@code statement} gives its start, pages
     * and streams.
     *
     * @throws IllegalArgumentException if the records do not replay as the statement's steps
     */
    public SystemTrace trace(Trace<W> records, SegmentStatement<W> statement, RangeLayout layout) {
        return trace(records, statement, layout, shape(records, statement));
    }

    private SystemTrace trace(Trace<W> records, SegmentStatement<W> statement, RangeLayout layout, Shape shape) {
        WitnessBuilder w = WitnessBuilder.columnsOnly(source, shape.main());
        log.fillSegment(w, records, statement.cells(), statement.before(), statement.after(),
                statement.start().depth());
        long[][] columns = w.suppliedColumns();
        instructionTables.fillSegment(columns, records, shape.replay(), shape.parts(), statement.start().clk(),
                statement.cells().length);
        return tables(layout).trace(columns, shape.main(), shape.parts());
    }

    /**
     * The statement's side of a segment's buses: its input and output words at their indices, its
     * start state sent and end state received on the execution bus, its page-ins sent and page-outs
     * received, and its context.
     *
     * @throws IllegalArgumentException if the segment claims words on a stream no instruction uses
     */
    public PublicTuples publicTuples(TranslatedSystem t, SegmentStatement<W> s) {
        StatementTuples io = StatementTuples.NONE;
        io = MachineCircuit.addWords(io, type, IoStream.INPUT, s.input(), s.start().inputRead());
        io = MachineCircuit.addWords(io, type, IoStream.OUTPUT, s.output(), s.start().outputWritten());
        List<PublicTuples.Entry> entries = new ArrayList<>();
        Bus state = t.system().bus(InstructionTables.STATE_BUS);
        int pages = s.cells().length;
        entries.add(new PublicTuples.Entry(state, Direction.SEND, 1, stateTuple(s.start(), pages)));
        entries.add(new PublicTuples.Entry(state, Direction.RECEIVE, 1, stateTuple(s.end(), pages + s.records())));
        Bus in = t.system().bus(MemoryLog.PAGE_IN_BUS);
        Bus out = t.system().bus(MemoryLog.PAGE_OUT_BUS);
        for (int i = 0; i < pages; i++) {
            entries.add(new PublicTuples.Entry(in, Direction.SEND, 1, log.pageTuple(s.cells()[i], s.before()[i])));
            entries.add(new PublicTuples.Entry(out, Direction.RECEIVE, 1, log.pageTuple(s.cells()[i], s.after()[i])));
        }
        return t.publicTuples(io).withAll(entries).withContext(s.context());
    }

    /** (run, pc, clk, time, depth, the counted streams' positions) as the execution bus carries it. */
    private long[] stateTuple(SegmentState s, long time) {
        List<IoStream> streams = instructionTables.stateStreams();
        long[] out = new long[5 + streams.size()];
        out[0] = s.run();
        out[1] = Goldilocks.fromSigned(s.pc());
        out[2] = Goldilocks.fromSigned(s.clk());
        out[3] = time;
        out[4] = Goldilocks.fromSigned(s.depth());
        for (int k = 0; k < streams.size(); k++) {
            out[5 + k] = switch (streams.get(k)) {
                case INPUT -> s.inputRead();
                case ADVICE -> s.adviceRead();
                case OUTPUT -> s.outputWritten();
            };
        }
        return out;
    }

    /** The exact check of a segment's tables against its statement (each table's rows, each bus as a multiset). */
    public TableSystemReport check(Trace<W> records, SegmentStatement<W> statement) {
        TranslatedSystem t = tables(RangeLayout.WHOLE);
        return new TableSystemChecker(t.system()).check(trace(records, statement, RangeLayout.WHOLE),
                publicTuples(t, statement), TableCheckOptions.defaults());
    }

    /**
     * Proves a segment, with zero-knowledge randomness drawn from {@code seed} when
     * {@code zeroKnowledge} (the same seed gives the same proof: a retried task's).
     *
     * @throws dev.zkjvm.circuit.tables.stark.UnsatisfiedTablesException if the records or the
     *     statement break a constraint or a bus
     */
    public TableProof prove(Trace<W> records, SegmentStatement<W> statement, StarkConfig config, boolean zeroKnowledge,
            byte[] seed) {
        Shape shape = shape(records, statement);
        // short segments check their ranges as bytes, as short whole runs do
        RangeLayout layout = hasByteLayout() ? MachineCircuit.rangeLayoutFor(shape.main()) : RangeLayout.WHOLE;
        TranslatedSystem t = tables(layout);
        SystemTrace trace = trace(records, statement, layout, shape);
        TableKeys.ProvingKey key = key(config, zeroKnowledge, layout);
        PublicTuples tuples = publicTuples(t, statement);
        return zeroKnowledge ? TableProver.prove(key, trace, tuples, witnessSeed(seed, tuples, records))
                : TableProver.prove(key, trace, tuples);
    }

    /**
     * The seed the proof's masks are drawn from: HMAC-SHA256, keyed by the task's seed, of the
     * statement's tuples and the segment's records (which, with the statement, fix its whole trace).
     * A retried task gets its masks again, byte for byte; a seed reused by mistake on another trace
     * gets independent ones, so two proofs never share masks over different witnesses.
     */
    private static byte[] witnessSeed(byte[] seed, PublicTuples tuples, Trace<?> records) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(seed, "HmacSHA256"));
            mac.update("zkjvm/segment-masks/1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 16);
            for (long v : tuples.encode()) {
                b = drain(mac, b, 8).putLong(v);
            }
            int limbs = records.wordType().limbs();
            for (int i = 0; i < records.size(); i++) {
                b = drain(mac, b, 8 * (2 + limbs) + 4);
                b.putLong(records.address(i)).putInt(records.flags(i)).putLong(records.stackDepth(i));
                for (int l = 0; l < limbs; l++) {
                    b.putLong(records.valueLimb(i, l));
                }
            }
            mac.update(b.array(), 0, b.position());
            return mac.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** {@code b}, emptied into the MAC first if fewer than {@code room} bytes are left. */
    private static java.nio.ByteBuffer drain(javax.crypto.Mac mac, java.nio.ByteBuffer b, int room) {
        if (b.remaining() < room) {
            mac.update(b.array(), 0, b.position());
            b.clear();
        }
        return b;
    }

    /**
     * Whether the byte layout is a choice at all (as {@link MachineCircuit} decides it): the system
     * has 16-bit range checks and its byte layout translates. Decided once.
     */
    private synchronized boolean hasByteLayout() {
        if (byteLayout == null) {
            boolean translates;
            try {
                tables(RangeLayout.BYTES);
                translates = true;
            } catch (IllegalArgumentException e) {
                translates = false;
            }
            byteLayout = translates && tables(RangeLayout.WHOLE).findRangeTable(16).isPresent();
        }
        return byteLayout;
    }

    private Boolean byteLayout;

    /**
     * Verifies one segment's proof against its statement.
     *
     * @throws InvalidProofException with the reason
     */
    public void verify(TableProof proof, SegmentStatement<W> statement, StarkConfig config)
            throws InvalidProofException {
        RangeLayout layout = layoutOf(proof);
        TranslatedSystem t = tables(layout);
        PublicTuples tuples;
        try {
            tuples = publicTuples(t, statement);
        } catch (IllegalArgumentException e) {
            throw new InvalidProofException("the segment's statement does not fit " + name + ": " + e.getMessage());
        }
        TableVerifier.verify(key(config, proof.zeroKnowledge(), layout).verifyingKey(), tuples, proof);
    }

    /** The layout a proof claims: bytes if its range table is as tall as the byte table. */
    private RangeLayout layoutOf(TableProof proof) {
        return hasByteLayout() ? MachineCircuit.claimedLayout(tables(RangeLayout.WHOLE), tables(RangeLayout.BYTES),
                proof) : RangeLayout.WHOLE;
    }
}
