package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Programs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every honest run of every example program satisfies the whole circuit, instructions included. */
class HonestExecutionTest {
    @Test
    void cpu64Programs() {
        long[] words = new SplittableRandom(1).longs(12).toArray();
        for (Programs.Outcome o : new Programs.Outcome[] {
                Programs.fibonacci(20), Programs.factorial(12), Programs.arraySum(words), Programs.bubbleSort(words)}) {
            CheckReport report = Cpu64Circuit.check(o.runs(), o.machine().trace());
            assertTrue(report.isSatisfied(), () -> o.name() + ": " + report);
        }
    }
}
