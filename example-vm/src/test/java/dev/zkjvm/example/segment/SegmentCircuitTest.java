package dev.zkjvm.example.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.SegmentCircuit;
import dev.zkjvm.circuit.machine.SegmentStatement;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One segment's circuit on pieces of real runs: honest pieces check and prove, tampered ones do not. */
@Tag("slow")
class SegmentCircuitTest {
    private static final long[] CONTEXT = {7, 7};

    private static List<FullTraceSegments.Piece<U64>> pieces(Programs.Outcome run, int n) {
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(run.runs());
        return FullTraceSegments.cut(circuit, run.machine().trace().withStreams(run.machine().streams()),
                run.runs().size(), n, CONTEXT);
    }

    private static SegmentCircuit<U64> segments(Programs.Outcome run) {
        return Cpu64Circuit.circuit(run.runs()).segments();
    }

    @Test
    void everyHonestPieceChecks() {
        for (String name : List.of("fibonacci", "bubble_sort", "array_sum", "factorial")) {
            Programs.Outcome run = switch (name) {
                case "fibonacci" -> Programs.fibonacci(20);
                case "bubble_sort" -> Programs.bubbleSort(new long[] {5, 3, 9, 1, 7});
                case "array_sum" -> Programs.arraySum(new long[] {4, 5, 6});
                default -> Programs.factorial(6);
            };
            for (int n : new int[] {1, 3, 17, 1 << 20}) {
                for (FullTraceSegments.Piece<U64> p : pieces(run, n)) {
                    TableSystemReport report = segments(run).check(p.records(), p.statement());
                    assertTrue(report.isSatisfied(), name + " n=" + n + " segment " + p.segment().index() + ": "
                            + report);
                }
            }
        }
    }

    @Test
    void aPieceProvesAndVerifiesOnlyWithItsStatement() throws InvalidProofException {
        Programs.Outcome run = Programs.fibonacci(30);
        List<FullTraceSegments.Piece<U64>> pieces = pieces(run, 40);
        assertTrue(pieces.size() >= 3);
        FullTraceSegments.Piece<U64> p = pieces.get(1);
        SegmentCircuit<U64> c = segments(run);
        byte[] seed = new byte[32];
        TableProof proof = c.prove(p.records(), p.statement(), StarkConfig.DEFAULT, true, seed);
        c.verify(proof, p.statement(), StarkConfig.DEFAULT);
        // the same seed gives the same proof, byte for byte
        assertTrue(Arrays.equals(proof.toBytes(),
                c.prove(p.records(), p.statement(), StarkConfig.DEFAULT, true, seed).toBytes()));
        // another place in the run, another start, another page
        SegmentStatement<U64> s = p.statement();
        long[] otherContext = s.context();
        otherContext[otherContext.length - 1]++;
        assertThrows(InvalidProofException.class, () -> c.verify(proof, new SegmentStatement<>(otherContext, s.start(),
                s.end(), s.records(), s.cells(), s.before(), s.after(), s.input(), s.output()), StarkConfig.DEFAULT));
        assertThrows(InvalidProofException.class, () -> c.verify(proof, pieces.get(2).statement(),
                StarkConfig.DEFAULT));
        long[][] after = s.after().clone();
        after[0] = after[0].clone();
        after[0][0]++;
        assertThrows(InvalidProofException.class, () -> c.verify(proof, new SegmentStatement<>(s.context(), s.start(),
                s.end(), s.records(), s.cells(), s.before(), after, s.input(), s.output()), StarkConfig.DEFAULT));
    }

    @Test
    void aWrongWordCarriedInIsCaughtWhereTheSegmentReadsIt() {
        Programs.Outcome run = Programs.bubbleSort(new long[] {5, 3, 9, 1, 7});
        FullTraceSegments.Piece<U64> p = pieces(run, 25).get(2);
        SegmentStatement<U64> s = p.statement();
        int failing = 0;
        for (int i = 0; i < s.cells().length; i++) {
            long[][] before = s.before().clone();
            before[i] = before[i].clone();
            before[i][0] ^= 1;
            SegmentStatement<U64> tampered = new SegmentStatement<>(s.context(), s.start(), s.end(), s.records(),
                    s.cells(), before, s.after(), s.input(), s.output());
            TableSystemReport report = segments(run).check(p.records(), tampered);
            if (!report.isSatisfied()) {
                failing++;
            }
        }
        // a cell whose first access in the segment is a read is caught here; one written first is
        // the chaining's to catch (the segmented verifier)
        assertTrue(failing > 0, "some carried word is read");
        assertTrue(segments(run).check(p.records(), s).isSatisfied());
        assertEquals(s.cells().length, p.segment().cells().length);
    }
}
