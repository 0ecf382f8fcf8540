package dev.zkjvm.example.circuit;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;

/**
 * Runs of bundled Cpu64 programs for the trace report's tests: an honest bubble sort, and the same
 * trace with one memory read returning a wrong value (a forged trace, test code only).
 */
final class ReportSubjects {
    /** Words the small bubble sort sorts. */
    static final long[] WORDS = {9, 3, 7, 1, 8, 2, 6, 4};

    private ReportSubjects() {
    }

    /**
     * A run, its circuit and its check.
     *
     * @param outcome the run
     * @param circuit the circuit of its programs
     * @param trace   the trace reported (the run's, or a forged one)
     * @param check   the check of that trace
     * @param forged  the record whose value was changed, or -1
     */
    record Subject(Programs.Outcome outcome, MachineCircuit<U64> circuit, Trace<U64> trace, CheckReport check,
                   int forged) {
    }

    private static Subject honest;
    private static Subject forged;

    /** Bubble sort of {@link #WORDS}, honest (made once per test JVM; read-only). */
    static synchronized Subject honest() {
        if (honest == null) {
            honest = honestRun();
        }
        return honest;
    }

    /**
     * Bubble sort of {@link #WORDS} whose first memory read (the sort's first load of word 0)
     * returns its value plus one (made once per test JVM; read-only).
     */
    static synchronized Subject forgedRead() {
        if (forged == null) {
            forged = forgedRun();
        }
        return forged;
    }

    private static Subject honestRun() {
        Programs.Outcome outcome = Programs.bubbleSort(WORDS);
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(outcome.runs());
        Trace<U64> trace = outcome.machine().trace();
        return new Subject(outcome, circuit, trace, circuit.check(trace, Cpu64Trace::mnemonicOf), -1);
    }

    private static Subject forgedRun() {
        Programs.Outcome outcome = Programs.bubbleSort(WORDS);
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(outcome.runs());
        Trace<U64> trace = outcome.machine().trace();
        long memoryEnd = circuit.layout().memory().endCell() * circuit.layout().wordSize();
        int r = 0;
        while (trace.instruction(r) != MemoryInstruction.READ || trace.address(r) >= memoryEnd) {
            r++;
        }
        Trace<U64> forged = TraceEdits.of(trace).valueLimb(r, 0, trace.valueLimb(r, 0) + 1).build();
        return new Subject(outcome, circuit, forged, circuit.check(forged, Cpu64Trace::mnemonicOf), r);
    }
}
