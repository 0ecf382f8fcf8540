package dev.zkjvm.example.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.translate.RangeLayout;
import dev.zkjvm.circuit.tables.translate.TranslatedSystem;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A program's proof checks its 16-bit ranges on a 256-row byte table when its log is short and on
 * the 2^16-row table when it is tall; the verifier accepts either layout for the same statement,
 * and rejects a wrong statement in either.
 */
class RangeLayoutProofTest {
    @Test
    void aShortRunIsProvenWithTheByteTableAndVerifiesInEitherLayout() throws InvalidProofException {
        Programs.Outcome run = Programs.fibonacci(15);
        Cpu64Circuit.ForProgram circuit = Cpu64Circuit.forProgram(run.runs().get(0));
        MachineCircuit<U64> mc = circuit.circuit();
        Cpu64Trace trace = run.machine().trace();
        Statement<U64> statement = Statement.of(trace);
        Statement<U64> wrong = new Statement<>(statement.input(), List.of(U64.of(611)));

        TableProof chosen = circuit.prove(trace).proof();
        assertEquals(256, chosen.heights()[rangeTableIndex(mc)], "the byte table's 256 rows");
        circuit.verify(statement, TableProof.fromBytes(chosen.toBytes()));
        assertFalse(circuit.isValid(wrong, chosen));

        TableProof whole = mc.proveTables(trace, Cpu64Trace::mnemonicOf, StarkConfig.DEFAULT, true, RangeLayout.WHOLE);
        assertEquals(1 << 16, whole.heights()[rangeTableIndex(mc)]);
        circuit.verify(statement, whole);
        assertFalse(circuit.isValid(wrong, whole));
        assertThrows(InvalidProofException.class, () -> circuit.verify(wrong, whole));
    }

    @Test
    void theLayoutFollowsTheLogsHeight() {
        assertEquals(RangeLayout.BYTES, MachineCircuit.rangeLayoutFor(1));
        assertEquals(RangeLayout.BYTES, MachineCircuit.rangeLayoutFor(MachineCircuit.BYTES_UP_TO_MAIN_HEIGHT));
        assertEquals(RangeLayout.WHOLE, MachineCircuit.rangeLayoutFor(2 * MachineCircuit.BYTES_UP_TO_MAIN_HEIGHT));
    }

    @Test
    @Tag("slow")     // a proof of 16,211 steps
    void aTallRunIsProvenWithTheWholeTable() throws InvalidProofException {
        Programs.Outcome run = Programs.fibonacci(1800);
        Cpu64Circuit.ForProgram circuit = Cpu64Circuit.forProgram(run.runs().get(0));
        Cpu64Trace trace = run.machine().trace();
        TableProof proof = circuit.prove(trace).proof();
        MachineCircuit<U64> mc = circuit.circuit();
        assertTrue(proof.heights()[0] > MachineCircuit.BYTES_UP_TO_MAIN_HEIGHT, "the log is past the bound");
        assertEquals(1 << 16, proof.heights()[rangeTableIndex(mc)]);
        circuit.verify(Statement.of(trace), proof);
    }

    private static int rangeTableIndex(MachineCircuit<U64> mc) {
        TranslatedSystem t = mc.tables(RangeLayout.WHOLE);
        return t.system().tables().indexOf(t.rangeTable(16));
    }
}
