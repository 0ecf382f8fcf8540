package dev.zkjvm.example.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.SegmentStatement;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.machine.segment.RunBinding;
import dev.zkjvm.circuit.machine.segment.SegmentTask;
import dev.zkjvm.circuit.machine.segment.SegmentedProof;
import dev.zkjvm.circuit.machine.segment.SegmentedVerifier;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Descriptor;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A cheating driver: it proves the last segment of a run re-executed on memory it tampered with
 * (a word the first segment stored is 7 in its record, not 5), every segment with the context of
 * the false statement "the program outputs 7". Each segment's proof is valid for what the driver
 * handed its task; the verifier refuses the whole because it takes a segment's words before it
 * from its own image of memory, not from the driver.
 */
@Tag("slow")
class CheatingDriverTest {
    /** Stores 5 in word 0, idles, loads word 0 and outputs it: the statement is "outputs 5". */
    private static final String HONEST = """
            push 5
            push 0
            store
            push 1
            pop
            push 1
            pop
            push 0
            load
            out
            """;
    /** The same from instruction 1 on: its records from there are the honest program's with 7 stored. */
    private static final String SEVEN = HONEST.replace("push 5", "push 7");
    private static final long STEPS = 4;
    private static final Cpu64Descriptor CPU64 = new Cpu64Descriptor();

    private static List<Segment> segments(String source) {
        List<Segment> out = new ArrayList<>();
        CPU64.executeInSegments(List.of(CPU64.parse(source)), List.of(), List.of(), STEPS, out::add);
        return out;
    }

    @Test
    void aSegmentReExecutedOnTamperedMemoryIsCaught() throws InvalidProofException {
        List<Segment> honest = segments(HONEST);
        List<Segment> seven = segments(SEVEN);
        assertEquals(3, honest.size());
        Segment last = seven.get(2);
        assertEquals(honest.get(2).start(), last.start(), "the same place in the same program");
        assertNotEquals(honest.get(2).before()[0][0], last.before()[0][0], "word 0 differs");

        List<U64> claimed = List.of(U64.of(7));
        Statement<U64> statement = new Statement<>(List.of(), claimed);
        RunBinding binding = RunBinding.of(CPU64.name(), 1, statement, STEPS, 3);
        List<SegmentedProof.Part> parts = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Segment s = k < 2 ? honest.get(k) : last;
            SegmentTask task = new SegmentTask(Cpu64Descriptor.class.getName(), List.of(HONEST), new long[0][],
                    new long[0][], SegmentTask.limbs(claimed), s, binding.context(k), new byte[32], StarkConfig.DEFAULT,
                    true);
            SegmentTask.Result r = SegmentTask.prove(task);
            SegmentState e = s.end();
            parts.add(new SegmentedProof.Part(new SegmentState(e.run(), e.pc(), e.clk(), e.depth(), e.inputRead(), 0,
                    e.outputWritten()), r.records(), s.cells(), s.after(), r.proof()));
            if (k == 2) {
                // valid for what the task was handed: the tampered word before it
                SegmentStatement<U64> handed = new SegmentStatement<>(binding.context(2), s.start(), s.end(),
                        r.records(), s.cells(), s.before(), s.after(), List.of(), claimed);
                Cpu64Program program = CPU64.parse(HONEST);
                Cpu64Circuit.circuit(List.of(program)).segments().verify(TableProof.fromBytes(r.proof()), handed,
                        StarkConfig.DEFAULT);
            }
        }
        SegmentedProof forged = new SegmentedProof(STEPS, 1, parts);
        InvalidProofException e = assertThrows(InvalidProofException.class, () -> SegmentedVerifier.verify(
                Cpu64Circuit.circuit(List.of(CPU64.parse(HONEST))), CPU64.name(), forged, statement,
                StarkConfig.DEFAULT));
        assertTrue(e.getMessage().startsWith("segment 2 of 3"), e.getMessage());
    }
}
