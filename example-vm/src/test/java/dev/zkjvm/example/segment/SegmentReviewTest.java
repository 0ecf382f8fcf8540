package dev.zkjvm.example.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.SegmentCircuit;
import dev.zkjvm.circuit.machine.SegmentStatement;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.machine.segment.LocalSegmentRunner;
import dev.zkjvm.circuit.machine.segment.RunBinding;
import dev.zkjvm.circuit.machine.segment.SegmentedProof;
import dev.zkjvm.circuit.machine.segment.SegmentedProver;
import dev.zkjvm.circuit.machine.segment.SegmentedVerifier;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Descriptor;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.segment.SegmentState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Findings of the segmented-proof security review (6 Dec), one test each. A test that fails on
 * the reviewed code shows the hole; its comment names the fix.
 */
@Tag("slow")
class SegmentReviewTest {
    private static final Cpu64Descriptor CPU64 = new Cpu64Descriptor();
    private static LocalSegmentRunner runner;

    @BeforeAll
    static void start() {
        runner = new LocalSegmentRunner(2);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static SegmentedProver.Outcome<U64> prove(List<String> sources, long[] input, long segmentSteps) {
        return SegmentedProver.prove(CPU64, sources, SegmentedProofTest.words(input), List.of(), segmentSteps,
                StarkConfig.DEFAULT, true, runner, SegmentedProver.Listener.NONE);
    }

    private static MachineCircuit<U64> circuit(List<String> sources) {
        List<Cpu64Program> programs = new ArrayList<>();
        sources.forEach(s -> programs.add(CPU64.parse(s)));
        return Cpu64Circuit.circuit(programs);
    }

    /**
     * Finding 1 (soundness, API): the verifier takes the number of runs from its caller, not from the
     * circuit. A circuit of two programs (fibonacci, then factorial) and a proof of the first program
     * alone: told {@code runs = 1}, the verifier accepts "fibonacci then factorial outputs fib(12)",
     * though factorial never ran. Fix: the verifier takes the run count from the circuit (its
     * execution program's non-empty runs) and refuses a caller's count that differs.
     */
    @Test
    void aProofThatStopsBeforeTheCircuitsLastProgramIsRefused() throws InvalidProofException {
        Programs.Outcome fib = Programs.fibonacci(12);
        List<Cpu64Program> both = List.of(Programs.program("fibonacci"), Programs.program("factorial"));
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(both);
        long n = 16;
        List<FullTraceSegments.Piece<U64>> pieces = FullTraceSegments.cut(circuit,
                fib.machine().trace().withStreams(fib.machine().streams()), 1, (int) n, new long[0],
                Math.toIntExact(fib.steps()));
        Statement<U64> statement = new Statement<>(fib.machine().streams().input(), fib.machine().streams().output());
        RunBinding binding = RunBinding.of(CPU64.name(), 1, statement, n, pieces.size());
        SegmentCircuit<U64> segments = circuit.segments();
        List<SegmentedProof.Part> parts = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            SegmentStatement<U64> s = pieces.get(k).statement();
            SegmentStatement<U64> bound = new SegmentStatement<>(binding.context(k), s.start(), s.end(), s.records(),
                    s.cells(), s.before(), s.after(), s.input(), s.output());
            byte[] proof = segments.prove(pieces.get(k).records(), bound, StarkConfig.DEFAULT, true, new byte[32])
                    .toBytes();
            SegmentState e = s.end();
            parts.add(new SegmentedProof.Part(new SegmentState(e.run(), e.pc(), e.clk(), e.depth(), e.inputRead(), 0,
                    e.outputWritten()), s.records(), s.cells(), s.after(), proof));
        }
        SegmentedProof proof = SegmentedProof.fromBytes(new SegmentedProof(n, 1, parts).toBytes());
        assertTrue(parts.size() > 1, "several segments");
        assertThrows(InvalidProofException.class, () -> SegmentedVerifier.verify(circuit, CPU64.name(), proof,
                statement, StarkConfig.DEFAULT), "a two-program circuit verified as a run of one program");
    }

    /**
     * Finding 1, its extreme: told {@code runs = 0}, the verifier accepts one segment of no step, no
     * cell and no record for fibonacci's circuit: "fibonacci, given no input, outputs nothing"
     * (fibonacci reads a word of input first, so no such run exists). Same fix.
     */
    @Test
    void aSegmentOfNoStepIsNoRunOfAProgram() throws InvalidProofException {
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(List.of(Programs.program("fibonacci")));
        Statement<U64> nothing = new Statement<>(List.<U64>of(), List.<U64>of());
        RunBinding binding = RunBinding.of(CPU64.name(), 1, nothing, 1, 1);
        SegmentState begin = SegmentedVerifier.BEGINNING;
        SegmentStatement<U64> empty = new SegmentStatement<>(binding.context(0), begin, begin, 0, new long[0],
                new long[0][], new long[0][], List.<U64>of(), List.<U64>of());
        byte[] bytes = circuit.segments().prove(FullTraceSegments.window(Programs.fibonacci(3).machine().trace()
                .withStreams(Programs.fibonacci(3).machine().streams()), 0, 0), empty, StarkConfig.DEFAULT, true,
                new byte[32]).toBytes();
        SegmentedProof proof = SegmentedProof.fromBytes(new SegmentedProof(1, 1,
                List.of(new SegmentedProof.Part(begin, 0, new long[0], new long[0][], bytes))).toBytes());
        assertThrows(InvalidProofException.class, () -> SegmentedVerifier.verify(circuit, CPU64.name(), proof,
                nothing, StarkConfig.DEFAULT), "no step verified as a run of fibonacci");
    }

    /**
     * Finding 2 (completeness): an empty program among the runs. The runtime numbers runs over the
     * whole list (an empty one included), the circuit over the non-empty ones
     * ({@code ExecutionProgram} drops empty programs), and {@code SegmentCircuit.stateTuple} puts the
     * runtime's number on the execution bus; the verifier also wants {@code run == runs.size()} at
     * the end. So an honest run of [empty, fibonacci] cannot be proven or verified in segments
     * (a whole-run proof of it can). Fix: one numbering (map the runtime's run to the circuit's
     * non-empty index in the task and the proof, and the verifier's count from the circuit).
     */
    @Test
    void aRunAfterAnEmptyProgramProvesAndVerifiesInSegments() {
        List<String> sources = List.of("", Programs.source("fibonacci"));
        try {
            SegmentedProver.Outcome<U64> o = prove(sources, new long[] {12}, 16);
            SegmentedVerifier.verify(circuit(sources), CPU64.name(),
                    SegmentedProof.fromBytes(o.proof().toBytes()), o.statement(), StarkConfig.DEFAULT);
        } catch (InvalidProofException | RuntimeException e) {
            fail("an honest run after an empty program: " + e, e);
        }
    }

    /**
     * Finding 3 (robustness): a {@link SegmentedProof} built in code (a driver that assembles parts
     * without going through bytes) with a negative record count, or fewer words after than cells,
     * makes the verifier throw IllegalArgumentException / ArrayIndexOutOfBoundsException instead
     * of InvalidProofException. Fix: validate in {@code SegmentedProof.Part}'s constructor (or
     * re-check in {@code SegmentedVerifier.chain}): records >= 0, after.length == cells.length,
     * every word of {@code limbs} limbs.
     */
    @Test
    void aMalformedProofBuiltInCodeIsAnInvalidProofNotACrash() {
        SegmentedProver.Outcome<U64> o = prove(List.of(Programs.source("fibonacci")), new long[] {5}, 8);
        MachineCircuit<U64> circuit = circuit(List.of(Programs.source("fibonacci")));
        SegmentedProof.Part p = o.proof().segments().get(0);
        List<SegmentedProof.Part> negative = new ArrayList<>(o.proof().segments());
        negative.set(0, new SegmentedProof.Part(p.end(), -1, p.cells(), p.after(), p.proof()));
        List<SegmentedProof.Part> shortAfter = new ArrayList<>(o.proof().segments());
        shortAfter.set(0, new SegmentedProof.Part(p.end(), p.records(), p.cells(), new long[0][], p.proof()));
        for (List<SegmentedProof.Part> parts : List.of(negative, shortAfter)) {
            SegmentedProof bad = new SegmentedProof(o.proof().segmentSteps(), 1, parts);
            try {
                SegmentedVerifier.verify(circuit, CPU64.name(), bad, o.statement(), StarkConfig.DEFAULT);
                fail("a malformed proof was accepted");
            } catch (InvalidProofException expected) {
                // the verifier's one way to say no
            } catch (RuntimeException e) {
                fail("a malformed proof crashed the verifier: " + e, e);
            }
        }
    }

    /**
     * Holds on the reviewed code: the edges of a cut. A last segment that is only {@code halt} (and
     * touches no cell: its log is all padding), a run that is exactly one segment or cut evenly, and
     * segments of one step each: all prove and verify, and the same proofs are refused for another
     * output.
     */
    @Test
    void theEdgesOfACutProveAndVerify() throws InvalidProofException {
        List<String> sources = List.of(Programs.source("fibonacci"));
        long steps = Programs.fibonacci(6).steps();
        long divisor = 2;
        while (steps % divisor != 0) {
            divisor++;
        }
        assertTrue(divisor < steps, "fibonacci(6)'s " + steps + " steps cut evenly");
        MachineCircuit<U64> circuit = circuit(sources);
        for (long n : new long[] {steps - 1, steps, steps / divisor, 1}) {
            SegmentedProver.Outcome<U64> o = prove(sources, new long[] {6}, n);
            SegmentedProof proof = SegmentedProof.fromBytes(o.proof().toBytes());
            SegmentedVerifier.verify(circuit, CPU64.name(), proof, o.statement(), StarkConfig.DEFAULT);
            SegmentedProof.Part last = proof.segments().get(proof.segments().size() - 1);
            if (n == steps - 1) {
                assertEquals(0, last.cells().length, "the halt-only segment touches no cell");
                assertEquals(0, last.records());
            }
            Statement<U64> wrong = new Statement<>(o.statement().input(),
                    SegmentedProofTest.words(Programs.fibonacciValue(6) + 1));
            assertFalse(SegmentedVerifier.isValid(circuit, CPU64.name(), proof, wrong, StarkConfig.DEFAULT));
        }
    }

    /**
     * Holds on the reviewed code: a record count that makes {@code pages + records} overflow an int
     * is refused as an invalid proof (the public tuple's time is not canonical, which
     * {@code SegmentCircuit.verify} reports), before any STARK work.
     */
    @Test
    void anOverflowingRecordCountIsAnInvalidProof() {
        SegmentedProver.Outcome<U64> o = prove(List.of(Programs.source("fibonacci")), new long[] {5}, 8);
        MachineCircuit<U64> circuit = circuit(List.of(Programs.source("fibonacci")));
        SegmentedProof.Part p = o.proof().segments().get(0);
        assertTrue(p.cells().length > 0);
        List<SegmentedProof.Part> parts = new ArrayList<>(o.proof().segments());
        parts.set(0, new SegmentedProof.Part(p.end(), Integer.MAX_VALUE, p.cells(), p.after(), p.proof()));
        byte[] bytes = new SegmentedProof(o.proof().segmentSteps(), 1, parts).toBytes();
        InvalidProofException e = assertThrows(InvalidProofException.class, () -> SegmentedVerifier.verify(circuit,
                CPU64.name(), SegmentedProof.fromBytes(bytes), o.statement(), StarkConfig.DEFAULT));
        assertTrue(e.getMessage().startsWith("segment 0"), e.getMessage());
    }

    /**
     * Holds on the reviewed code: every single-byte change of a segmented proof's bytes is refused
     * with InvalidProofException, never another exception, and never accepted.
     */
    @Test
    void everyChangedByteIsRefusedWithInvalidProof() {
        List<String> sources = List.of(Programs.source("fibonacci"));
        SegmentedProver.Outcome<U64> o = prove(sources, new long[] {7}, 12);
        MachineCircuit<U64> circuit = circuit(sources);
        byte[] bytes = o.proof().toBytes();
        assertTrue(SegmentedVerifier.isValid(circuit, CPU64.name(), o.proof(), o.statement(), StarkConfig.DEFAULT));
        Random random = new Random(20261206);
        // the header and the first parts' fixed fields byte by byte, then random places
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < Math.min(bytes.length, 140); i++) {
            places.add(i);
        }
        for (int i = 0; i < 120; i++) {
            places.add(random.nextInt(bytes.length));
        }
        int refused = 0;
        for (int at : places) {
            byte[] changed = bytes.clone();
            changed[at] ^= (byte) (1 + random.nextInt(255));
            try {
                SegmentedVerifier.verify(circuit, CPU64.name(), SegmentedProof.fromBytes(changed), o.statement(),
                        StarkConfig.DEFAULT);
                fail("byte " + at + " changed, the proof still verifies");
            } catch (InvalidProofException expected) {
                refused++;
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("byte " + at + " changed: the verifier threw " + e, e);
            }
        }
        assertEquals(places.size(), refused);
        assertFalse(places.isEmpty());
    }
}
