package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.example.CalculatorCircuit;
import dev.zkjvm.example.CalculatorMachine;
import dev.zkjvm.example.CalculatorProgram;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Programs;
import dev.zkjvm.example.SeedCircuit;
import dev.zkjvm.example.SeedMachine;
import dev.zkjvm.example.SeedProgram;
import dev.zkjvm.runtime.U256;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every honest run of every example program satisfies the whole circuit of its machine: memory
 * consistency, the layout, and every step's instruction constraints.
 */
@Tag("slow")
class HonestExecutionTest {
    @Test
    void cpu64BundledPrograms() {
        long[] words = new SplittableRandom(1).longs(12).toArray();
        for (Programs.Outcome o : List.of(Programs.fibonacci(20), Programs.factorial(12), Programs.arraySum(words),
                Programs.bubbleSort(words), Programs.hashPreimage(words))) {
            CheckReport report = Cpu64Circuit.check(o.runs(), o.machine().trace());
            assertTrue(report.isSatisfied(), () -> o.name() + ": " + report);
        }
    }

    @Test
    void seedMachineWithUnalignedAccessesOverSeveralRuns() {
        SeedMachine vm = SeedMachine.create();
        long base = SeedMachine.LAYOUT.memoryBase();
        SeedProgram first = SeedProgram.builder()
                .write(U256.of(base + 5), U256.of(-1))
                .read(U256.of(base + 37))
                .push(U256.of(7)).swap(SeedMachine.R1).push(U256.of(8)).pop(SeedMachine.R2)
                .add(SeedMachine.R1, SeedMachine.R2).save(U256.of(base + 64), SeedMachine.R1)
                .load(SeedMachine.R3, U256.of(base + 70))
                .build();
        SeedProgram second = SeedProgram.builder()
                .mov(SeedMachine.R0, SeedMachine.R3).save(U256.of(base + 95), SeedMachine.R0)
                .load(SeedMachine.R2, U256.of(base + 90)).push(U256.of(1)).push(U256.of(2))
                .build();
        vm.run(first);
        vm.run(second);
        CheckReport report = SeedCircuit.check(List.of(first, second), vm.trace());
        assertTrue(report.isSatisfied(), report::toString);
    }

    @Test
    void calculator() {
        CalculatorProgram program = CalculatorProgram.builder().push(2).push(3).add().push(7).mul().store()
                .push(9).save(16).build();
        CalculatorMachine vm = CalculatorMachine.create();
        vm.run(program);
        CheckReport report = CalculatorCircuit.check(program, vm.trace());
        assertTrue(report.isSatisfied(), report::toString);
    }
}
