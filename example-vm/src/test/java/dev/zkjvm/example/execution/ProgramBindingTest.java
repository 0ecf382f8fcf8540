package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.runtime.U64;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The program is the public input: a trace checks against the program that made it and no other,
 * and the program is absorbed into the transcript (another program, other challenges).
 */
@Tag("slow")
class ProgramBindingTest {
    private static final Cpu64Program SEVEN = Cpu64Assembler.parse("push 3\npush 4\nadd\nset b\n");
    private static final Cpu64Program TWELVE = Cpu64Assembler.parse("push 3\npush 4\nmul\nset b\n");

    @Test
    void aTraceChecksOnlyAgainstItsOwnProgram() {
        Cpu64Machine vm = Cpu64Machine.create();
        vm.run(SEVEN);
        assertTrue(Cpu64Circuit.check(SEVEN, vm.trace()).isSatisfied());
        // Replayed as the other program, the third step is a mul of 3 and 4 that claims to push 7.
        CheckReport other = Cpu64Circuit.check(TWELVE, vm.trace());
        assertFalse(other.isSatisfied());
        assertTrue(other.failingConstraintNames().contains("exec.mul.push.value[0]"), other::toString);
        CheckReport twice = Cpu64Circuit.check(List.of(SEVEN, SEVEN), vm.trace());
        assertFalse(twice.isSatisfied(), "a trace of one run is not a trace of two");
    }

    @Test
    void theProgramMovesTheChallenges() {
        Cpu64Machine vm = Cpu64Machine.create();
        vm.run(SEVEN);
        MachineCircuit<U64> a = Cpu64Circuit.circuit(List.of(SEVEN));
        MachineCircuit<U64> b = Cpu64Circuit.circuit(List.of(TWELVE));
        assertNotEquals(Arrays.asList(a.witness(vm.trace()).challengeValues()),
                Arrays.asList(b.witness(vm.trace()).challengeValues()));
    }
}
