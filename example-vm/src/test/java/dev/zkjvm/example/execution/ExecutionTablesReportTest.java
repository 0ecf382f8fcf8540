package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.runtime.U64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact check on tables names what a failing row of an execution table runs: the table, the
 * row, and the step with its run, pc and instruction.
 */
class ExecutionTablesReportTest {
    @Test
    void aFailingStepIsNamedByTableRowStepAndInstruction() {
        Cpu64Machine vm = Cpu64Machine.create();
        vm.run(Cpu64Assembler.parse("push 3\npush 4\nadd\nout\nhalt\n"));
        // the trace of pushing 4, checked as a run of a program that pushes 5 there
        List<Cpu64Program> claimed = List.of(Cpu64Assembler.parse("push 3\npush 5\nadd\nout\nhalt\n"));
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(claimed);
        TableSystemReport report = circuit.checkTables(vm.trace());
        assertFalse(report.isSatisfied());
        String text = report.toString();
        assertTrue(text.contains("exec.push.push.value[0] failed at row 1 (step 1 (run 0, pc 1): push 5)"), text);
        assertTrue(report.rowFailures().stream().allMatch(f -> f.table().startsWith("exec.push")), text);
    }

    @Test
    void anUnmatchedAccessIsNamedByTheStepThatMakesIt() {
        Cpu64Machine vm = Cpu64Machine.create();
        vm.run(Cpu64Assembler.parse("push 3\npush 4\nadd\nout\nhalt\n"));
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(List.of(Cpu64Assembler.parse(
                "push 3\npush 4\nadd\nout\nhalt\n")));
        assertTrue(circuit.checkTables(vm.trace()).isSatisfied());
        // claimed as a run that pushes 4 and 3: each push's access is now the other's value
        MachineCircuit<U64> swapped = Cpu64Circuit.circuit(List.of(Cpu64Assembler.parse(
                "push 4\npush 3\nadd\nout\nhalt\n")));
        String text = swapped.checkTables(vm.trace()).toString();
        assertTrue(text.contains("(step 0 (run 0, pc 0): push 4)"), text);
    }
}
