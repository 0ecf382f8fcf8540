package dev.zkjvm.example.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.machine.segment.LocalSegmentRunner;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Segmented proofs end to end: the driver runs once, tasks re-execute and prove their segments, the
 * verifier needs the programs, the input and the output. Runs of one, two and many segments state the
 * same; reordered, dropped, duplicated, foreign and broken segments are refused.
 */
@Tag("slow")
class SegmentedProofTest {
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

    static SegmentedProver.Outcome<U64> prove(String program, long[] input, long segmentSteps) {
        return SegmentedProver.prove(CPU64, List.of(Programs.source(program)), words(input), List.of(), segmentSteps,
                StarkConfig.DEFAULT, true, runner, SegmentedProver.Listener.NONE);
    }

    static List<U64> words(long... values) {
        List<U64> out = new ArrayList<>();
        for (long v : values) {
            out.add(U64.of(v));
        }
        return out;
    }

    static MachineCircuit<U64> circuit(String program) {
        Cpu64Program p = Programs.program(program);
        return Cpu64Circuit.circuit(List.of(p));
    }

    static void verify(String program, SegmentedProof proof, Statement<U64> statement) throws InvalidProofException {
        SegmentedVerifier.verify(circuit(program), CPU64.name(), SegmentedProof.fromBytes(proof.toBytes()),
                statement, StarkConfig.DEFAULT);
    }

    @Test
    void oneTwoAndManySegmentsProveTheSameStatement() throws InvalidProofException {
        long steps = Programs.fibonacci(12).steps();
        for (long n : new long[] {steps + 5, (steps + 1) / 2, 9}) {
            SegmentedProver.Outcome<U64> o = prove("fibonacci", new long[] {12}, n);
            assertEquals(steps, o.steps());
            assertEquals(List.of(U64.of(Programs.fibonacciValue(12))), o.statement().output());
            assertEquals((steps + n - 1) / n, o.proof().segments().size(), "segments for n=" + n);
            verify("fibonacci", o.proof(), o.statement());
        }
    }

    @Test
    void theStatementIsTheWholeRunsAndNothingElse() throws InvalidProofException {
        SegmentedProver.Outcome<U64> o = prove("fibonacci", new long[] {12}, 16);
        Statement<U64> wrongOutput = new Statement<>(o.statement().input(), words(Programs.fibonacciValue(12) + 1));
        assertThrows(InvalidProofException.class, () -> verify("fibonacci", o.proof(), wrongOutput));
        Statement<U64> wrongInput = new Statement<>(words(13), o.statement().output());
        assertThrows(InvalidProofException.class, () -> verify("fibonacci", o.proof(), wrongInput));
        Statement<U64> noOutput = new Statement<>(o.statement().input(), List.of());
        assertThrows(InvalidProofException.class, () -> verify("fibonacci", o.proof(), noOutput));
        // another program's circuit
        assertThrows(InvalidProofException.class, () -> verify("factorial", o.proof(), o.statement()));
    }

    @Test
    void reorderedDroppedDuplicatedOrForeignSegmentsAreRefused() throws InvalidProofException {
        SegmentedProver.Outcome<U64> o = prove("bubble_sort", Programs.counted(new long[] {4, 2, 3, 1}), 40);
        List<SegmentedProof.Part> parts = o.proof().segments();
        assertTrue(parts.size() >= 4, "segments: " + parts.size());
        verify("bubble_sort", o.proof(), o.statement());

        List<SegmentedProof.Part> swapped = new ArrayList<>(parts);
        swapped.set(1, parts.get(2));
        swapped.set(2, parts.get(1));
        assertRefused(o, swapped);

        List<SegmentedProof.Part> dropped = new ArrayList<>(parts);
        dropped.remove(1);
        assertRefused(o, dropped);

        List<SegmentedProof.Part> duplicated = new ArrayList<>(parts);
        duplicated.add(2, parts.get(2));
        assertRefused(o, duplicated);

        // the same program on another input, cut the same way: its segment 1 in this proof
        SegmentedProver.Outcome<U64> other = prove("bubble_sort", Programs.counted(new long[] {4, 2, 3, 0}), 40);
        List<SegmentedProof.Part> foreign = new ArrayList<>(parts);
        foreign.set(1, other.proof().segments().get(1));
        assertRefused(o, foreign);
        // even a segment whose ends and pages are this run's, with another run's proof
        SegmentedProof.Part mine = parts.get(1);
        foreign.set(1, new SegmentedProof.Part(mine.end(), mine.records(), mine.cells(), mine.after(),
                other.proof().segments().get(1).proof()));
        assertRefused(o, foreign);
    }

    @Test
    void aSegmentThatDoesNotStartWhereTheLastEndedIsRefused() {
        SegmentedProver.Outcome<U64> o = prove("fibonacci", new long[] {12}, 16);
        List<SegmentedProof.Part> parts = new ArrayList<>(o.proof().segments());
        SegmentedProof.Part p = parts.get(0);
        var e = p.end();
        for (var moved : List.of(
                new dev.zkjvm.runtime.segment.SegmentState(e.run(), e.pc() + 1, e.clk(), e.depth(), e.inputRead(), 0,
                        e.outputWritten()),
                new dev.zkjvm.runtime.segment.SegmentState(e.run(), e.pc(), e.clk(), e.depth() + 1, e.inputRead(), 0,
                        e.outputWritten()))) {
            parts.set(0, new SegmentedProof.Part(moved, p.records(), p.cells(), p.after(), p.proof()));
            assertRefused(o, parts);
        }
    }

    @Test
    void aWordThatChangesBetweenSegmentsWithoutAWriteIsRefused() {
        SegmentedProver.Outcome<U64> o = prove("bubble_sort", Programs.counted(new long[] {4, 2, 3, 1}), 40);
        List<SegmentedProof.Part> parts = o.proof().segments();
        int changed = 0;
        for (int k = 0; k < parts.size() - 1; k++) {
            SegmentedProof.Part p = parts.get(k);
            for (int i = 0; i < p.cells().length; i++) {
                long[][] after = p.after().clone();
                after[i] = after[i].clone();
                after[i][0] += 1;
                List<SegmentedProof.Part> tampered = new ArrayList<>(parts);
                tampered.set(k, new SegmentedProof.Part(p.end(), p.records(), p.cells(), after, p.proof()));
                assertRefused(o, tampered);
                changed++;
                if (changed > 6) {
                    return;
                }
            }
        }
    }

    @Test
    void malformedBytesAreRefusedBeforeAnyProofIsRead() {
        SegmentedProver.Outcome<U64> o = prove("fibonacci", new long[] {5}, 8);
        byte[] bytes = o.proof().toBytes();
        assertThrows(InvalidProofException.class, () -> SegmentedProof.fromBytes(java.util.Arrays.copyOf(bytes, 20)));
        byte[] huge = bytes.clone();
        // the first part's cell count (after the 28-byte header and the end state, records)
        int cellsAt = 4 + 4 + 8 + 4 + 4 + 32 + 4;
        huge[cellsAt] = 0x7f;
        assertThrows(InvalidProofException.class, () -> SegmentedProof.fromBytes(huge));
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertThrows(InvalidProofException.class, () -> SegmentedProof.fromBytes(magic));
        assertArrayEquals(bytes, assertDoesNotThrowRead(bytes).toBytes());
    }

    private static SegmentedProof assertDoesNotThrowRead(byte[] bytes) {
        try {
            return SegmentedProof.fromBytes(bytes);
        } catch (InvalidProofException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(SegmentedProver.Outcome<U64> o, List<SegmentedProof.Part> parts) {
        SegmentedProof tampered = new SegmentedProof(o.proof().segmentSteps(), o.proof().limbs(), parts);
        String program = o.statement().input().size() > 1 ? "bubble_sort" : "fibonacci";
        assertThrows(InvalidProofException.class, () -> verify(program, tampered, o.statement()));
    }
}
