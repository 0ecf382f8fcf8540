package dev.zkjvm.example.circuit;

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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every honest trace of every example machine and program satisfies its machine's circuit. */
class HonestTracesTest {
    @Test
    void calculator() {
        CalculatorMachine vm = CalculatorMachine.create();
        vm.run(CalculatorProgram.builder().push(2).push(3).add().push(7).mul().store().push(9).save(16).build());
        CalculatorCircuit.check(vm.trace()).assertSatisfied();
    }

    @Test
    void cpu64Programs() {
        long[] words = new SplittableRandom(1).longs(40).toArray();
        for (Programs.Outcome o : new Programs.Outcome[] {
                Programs.fibonacci(30), Programs.factorial(12), Programs.arraySum(words), Programs.bubbleSort(words),
                Programs.hashPreimage(words)}) {
            CheckReport report = Cpu64Circuit.check(o.machine().trace());
            report.assertSatisfied();
        }
    }

    @Test
    void seedMachineWithUnalignedAccesses() {
        SeedMachine vm = SeedMachine.create();
        long base = SeedMachine.LAYOUT.memoryBase();
        vm.run(SeedProgram.builder()
                .write(U256.of(base + 5), U256.of(-1))
                .read(U256.of(base + 37))
                .push(U256.of(7)).swap(SeedMachine.R1).push(U256.of(8)).pop(SeedMachine.R2)
                .add(SeedMachine.R1, SeedMachine.R2).save(U256.of(base + 64), SeedMachine.R1)
                .load(SeedMachine.R3, U256.of(base + 70))
                .build());
        CheckReport report = SeedCircuit.check(vm.trace());
        assertTrue(report.isSatisfied(), report::toString);
    }
}
