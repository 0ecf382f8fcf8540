package dev.zkjvm.example;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.stark.StarkVerifier;
import dev.zkjvm.circuit.stark.VerifyingKey;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.U64;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * STARK proofs of memory consistency on a trace of about {@code 2^logOps} memory operations
 * (fibonacci on Cpu64, sized so that the trace fills about 95% of {@code 2^logOps} rows), on the
 * path a memory-only circuit takes, {@code Cpu64Circuit.circuit().proveTables(trace, ...)}
 * ({@code path=tables}), or the one-table STARK, {@code prove(trace, ...)} ({@code path=oneTable});
 * its verification with the key derived beforehand, and, as the straightforward baseline in the
 * same run, the checker on the same trace (which needs the whole trace, where the verifier needs
 * only the proof).
 *
 * <p>Proof size and peak heap are printed at the end of each iteration of {@code prove} (lines
 * starting with {@code [proof]}); the peak is the sum of the heap pools' peak usage since the
 * iteration began, so it includes garbage not yet collected.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms16g", "-Xmx16g"})
public class ProofBenchmark {
    /** Memory operations per loop iteration of {@code fibonacci.asm} (about 18; fixed by the program). */
    private static final double RECORDS_PER_FIBONACCI_ITERATION = 18.0;

    /** One trace, proven once per trial for the verification benchmark. */
    @State(Scope.Benchmark)
    public static class Trace {
        /** log2 of the trace length in memory operations. */
        @Param({"16", "18", "20"})
        public int logOps;

        /**
         * {@code tables} (the multi-table STARK with zero knowledge, what memory-only proofs use),
         * {@code tablesPlain} (the same without zero knowledge) or {@code oneTable}.
         */
        @Param({"tables", "tablesPlain", "oneTable"})
        public String path;

        Programs.Outcome outcome;
        MachineCircuit<U64> circuit;
        StarkProof proof;
        VerifyingKey key;
        TableProof tableProof;

        boolean zeroKnowledge() {
            return path.equals("tables");
        }

        /** Runs fibonacci long enough to fill about 95% of 2^logOps rows; proves it once. */
        @Setup(Level.Trial)
        public void setUp() {
            long n = (long) ((1 << logOps) * 0.95 / RECORDS_PER_FIBONACCI_ITERATION);
            outcome = Programs.fibonacci(n);
            circuit = Cpu64Circuit.circuit();
            if (path.startsWith("tables")) {
                tableProof = circuit.proveTables(outcome.machine().trace(), Cpu64Trace::mnemonicOf,
                        StarkConfig.DEFAULT, zeroKnowledge());
                System.out.printf("%n[proof] 2^%d on %s: %d memory operations, heights %s, %d bytes%n",
                        logOps, path, outcome.machine().trace().size(), java.util.Arrays.toString(tableProof.heights()),
                        tableProof.toBytes().length);
                return;
            }
            proof = circuit.prove(outcome.machine().trace(), Cpu64Trace::mnemonicOf, StarkConfig.DEFAULT,
                    ProofProgress.SILENT);
            key = circuit.verifyingKey(proof.logRows(), StarkConfig.DEFAULT);
            System.out.printf("%n[proof] 2^%d: %d memory operations, %d rows, %d bytes, %s%n",
                    logOps, outcome.machine().trace().size(), 1 << proof.logRows(), proof.toBytes().length,
                    StarkConfig.DEFAULT.securitySummary(circuit.system(), proof.logRows()));
        }
    }

    /** Resets the heap pools' peak usage before an iteration and prints it after. */
    @State(Scope.Thread)
    public static class PeakHeap {
        /** Clears the peaks. */
        @Setup(Level.Iteration)
        public void reset() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
        }

        /** Prints the sum of the heap pools' peaks. */
        @TearDown(Level.Iteration)
        public void print() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("%n[proof] peak heap during the iteration: %.2f GB%n", peak / 1e9);
        }
    }

    /** Proves memory consistency of the trace (the prover's checker run included). */
    @Benchmark
    public Object prove(Trace t, PeakHeap heap) {
        if (t.tableProof != null) {
            return t.circuit.proveTables(t.outcome.machine().trace(), Cpu64Trace::mnemonicOf, StarkConfig.DEFAULT,
                    t.zeroKnowledge());
        }
        return t.circuit.prove(t.outcome.machine().trace(), Cpu64Trace::mnemonicOf, StarkConfig.DEFAULT,
                ProofProgress.SILENT);
    }

    /** Verifies the proof made in setup, with its key derived beforehand. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 3)
    public boolean verify(Trace t) throws Exception {
        if (t.tableProof != null) {
            t.circuit.verifyTables(t.tableProof, StarkConfig.DEFAULT); // its key cached by the circuit
            return true;
        }
        StarkVerifier.verify(t.key, t.proof);
        return true;
    }

    /** Baseline: the checker on the same trace (witness, commitment, challenges and every constraint). */
    @Benchmark
    public CheckReport check(Trace t) {
        CheckReport report = Cpu64Circuit.check(t.outcome.machine().trace());
        if (!report.isSatisfied()) {
            throw new AssertionError(report.toString());
        }
        return report;
    }
}
