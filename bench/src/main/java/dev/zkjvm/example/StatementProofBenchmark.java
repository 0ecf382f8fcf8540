package dev.zkjvm.example;

import dev.zkjvm.circuit.machine.RunProof;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.tables.translate.RangeLayout;
import dev.zkjvm.runtime.U64;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Proving and verifying Cpu64 runs with their statement, as a user does
 * ({@code Cpu64Circuit.forProgram(program).prove(trace)} and {@code verify(statement, proof)}):
 * zero knowledge, default parameters, fibonacci and bubble sort sized to about 2^10, 2^14 and 2^18
 * steps. {@code prove} is single-shot; {@code verify} is timed with the program's key already
 * derived (the circuit object keeps it). Each trial prints, on a line starting with
 * {@code [statement proof]}, the steps, the records, the tables' heights and the proof's size.
 * (Peak heap is not measured here: with a 16 GiB heap the pools' peaks count garbage that a
 * smaller heap would have collected; the command line's heap advice gives the measured need.)
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms16g", "-Xmx16g"})
public class StatementProofBenchmark {
    /** A run and its circuit, proven once in the setup. */
    @State(Scope.Benchmark)
    public static class Run {
        /** {@code fibonacci} or {@code bubble_sort}. */
        @Param({"fibonacci", "bubble_sort"})
        public String program;

        /** The steps aimed at: log2. */
        @Param({"10", "14", "18"})
        public int logSteps;

        /**
         * The 16-bit range checks' layout: {@code chosen} as {@code prove} chooses it for the run
         * (bytes on a 256-row table for a log of at most 2^14 rows), or {@code whole}, the 2^16-row
         * table every proof used before, as the baseline.
         */
        @Param({"chosen", "whole"})
        public String layout;

        Programs.Outcome outcome;
        Cpu64Circuit.ForProgram circuit;
        RunProof<U64> proof;

        /** Runs the program on an input sized for the steps, builds its circuit, proves once. */
        @Setup(Level.Trial)
        public void setUp() {
            long steps = 1L << logSteps;
            if (program.equals("fibonacci")) {
                outcome = Programs.fibonacci(Math.max(0, (steps - 11) / 9));   // 11 + 9n steps
            } else {
                // about 12 N + 5 N^2 steps for N words (6 N to store, 10 per pair, 6 N to write out)
                int words = (int) Math.max(1, Math.round(Math.sqrt(steps / 5.0)));
                outcome = Programs.bubbleSort(new SplittableRandom(1).longs(words).toArray());
            }
            circuit = Cpu64Circuit.forProgram(outcome.runs().get(0));
            Cpu64Trace trace = outcome.machine().trace();
            proof = prove();
            System.out.printf("%n[statement proof] %s, %s layout: %d steps, %d records, heights %s, %d bytes%n", program,
                    circuit.circuit().rangeLayoutOf(proof.proof()), outcome.steps(), trace.size(),
                    java.util.Arrays.toString(proof.proof().heights()), proof.proof().toBytes().length);
        }

        RunProof<U64> prove() {
            Cpu64Trace trace = outcome.machine().trace();
            if (layout.equals("chosen")) {
                return circuit.prove(trace);
            }
            return new RunProof<>(Statement.of(trace), circuit.circuit().proveTables(trace, Cpu64Trace::mnemonicOf,
                    dev.zkjvm.circuit.stark.StarkConfig.DEFAULT, true, RangeLayout.valueOf(layout.toUpperCase())));
        }
    }

    /** Proves the run (the prover's check included). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Object prove(Run r) {
        return r.prove();
    }

    /** Verifies the proof against its statement, the program's key already derived. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Statement<U64> verify(Run r) throws InvalidProofException {
        r.circuit.verify(r.proof.statement(), r.proof.proof()); // in the proof's own layout
        return r.proof.statement();
    }
}
