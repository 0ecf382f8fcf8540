package dev.zkjvm.example.circuit;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import java.util.SplittableRandom;

/** A bubble sort of 120 random words, run once per test JVM: a trace too large to plot point by point. */
final class LargeRun {
    private static ReportSubjects.Subject run;

    private LargeRun() {
    }

    static synchronized ReportSubjects.Subject get() {
        if (run == null) {
            long[] words = new SplittableRandom(7).longs(120).toArray();
            Programs.Outcome outcome = Programs.bubbleSort(words);
            MachineCircuit<U64> circuit = Cpu64Circuit.circuit(outcome.runs());
            run = new ReportSubjects.Subject(outcome, circuit, outcome.machine().trace(), null, -1);
        }
        return run;
    }
}
