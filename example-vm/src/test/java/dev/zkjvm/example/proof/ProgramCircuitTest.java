package dev.zkjvm.example.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.machine.RunProof;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generated circuit object of a program ({@code Cpu64Circuit.forProgram(program)}): it checks a
 * run, proves it with its statement, and verifies a proof for exactly that program, input and
 * output ({@code verify} throwing with the reason, {@code isValid} answering).
 */
@Tag("slow")
class ProgramCircuitTest {
    @Test
    void aProgramsCircuitChecksProvesAndVerifiesItsRuns() throws Exception {
        Cpu64Program program = Programs.program("fibonacci");
        Cpu64Circuit.ForProgram circuit = Cpu64Circuit.forProgram(program);
        Cpu64Machine vm = Cpu64Machine.create();
        vm.supplyInput(20);
        vm.run(program);

        circuit.check(vm.trace()).assertSatisfied();
        RunProof<U64> run = circuit.prove(vm.trace());
        assertEquals(List.of(U64.of(6765)), run.output());
        assertEquals(List.of(U64.of(20)), run.statement().input());
        assertTrue(run.proof().zeroKnowledge());
        circuit.verify(run.statement(), TableProof.fromBytes(run.proof().toBytes()));
        assertTrue(circuit.isValid(new Statement<>(List.of(U64.of(20)), List.of(U64.of(6765))), run.proof()));

        Statement<U64> otherOutput = new Statement<>(List.of(U64.of(20)), List.of(U64.of(6766)));
        assertFalse(circuit.isValid(otherOutput, run.proof()));
        assertThrows(InvalidProofException.class, () -> circuit.verify(otherOutput, run.proof()));
        assertFalse(Cpu64Circuit.forProgram(Programs.program("factorial")).isValid(run.statement(), run.proof()));
        // the object is the program's circuit, keys and all; the same object serves every run
        assertSame(circuit.circuit(), Cpu64Circuit.forProgram(program).circuit());
        assertEquals(List.of(program), circuit.runs());
    }

    @Test
    void aTraceOfAnotherProgramIsRefusedWithTheStepNamed() {
        Cpu64Machine vm = Cpu64Machine.create();
        vm.supplyInput(5);
        vm.run(Programs.program("factorial"));
        Cpu64Circuit.ForProgram fibonacci = Cpu64Circuit.forProgram(Programs.program("fibonacci"));
        CheckReport report = fibonacci.check(vm.trace());
        assertFalse(report.isSatisfied());
        assertTrue(report.toString().contains("step "), report::toString);
        assertThrows(UnsatisfiedTraceException.class, () -> fibonacci.prove(vm.trace()));
        // the memory-only check, named so, accepts the same trace: its memory is consistent
        Cpu64Circuit.checkMemory(vm.trace()).assertSatisfied();
    }
}
