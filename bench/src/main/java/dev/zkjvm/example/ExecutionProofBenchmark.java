package dev.zkjvm.example;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.U64;
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
 * Execution proofs of {@code fibonacci(n)} on Cpu64 (the program reading n as its input, every step's
 * constraints as well as memory consistency), on tables ({@code MachineCircuit.proveTables}: the
 * main table as tall as the records or steps, the range table, the byte tables and the program's
 * ROM preprocessed; the statement's input and output on public buses) with and without zero
 * knowledge, next to the one-table STARK ({@code prove}, whose trace holds the 2^16-row range
 * table) in the same run. The one-table STARK cannot state an input or an output, so it proves
 * {@link StreamFreeFibonacci}, the same steps with the input pushed and the result popped. Proof size
 * and table heights are printed once per trial, on a line starting with {@code [execution proof]}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class ExecutionProofBenchmark {

    /** One run, proven once in setup for the size. */
    @State(Scope.Benchmark)
    public static class Run {
        /** fibonacci's argument: 15 (282 records), 3000 (about 54 K records). */
        @Param({"15", "3000"})
        public int n;

        /** {@code tables} (zero knowledge), {@code tablesPlain} or {@code oneTable}. */
        @Param({"tables", "tablesPlain", "oneTable"})
        public String path;

        Programs.Outcome outcome;
        MachineCircuit<U64> circuit;

        /** Runs the program, builds its circuit and proves once. */
        @Setup(Level.Trial)
        public void setUp() {
            outcome = path.equals("oneTable") ? StreamFreeFibonacci.run(n) : Programs.fibonacci(n);
            circuit = Cpu64Circuit.circuit(outcome.runs());
            Object proof = proveOnce(this);
            int bytes = proof instanceof TableProof t ? t.toBytes().length : ((StarkProof) proof).toBytes().length;
            String heights = proof instanceof TableProof t ? java.util.Arrays.toString(t.heights())
                    : "[" + (1 << ((StarkProof) proof).logRows()) + "]";
            System.out.printf("%n[execution proof] fibonacci(%d) on %s: %d records, %d steps, heights %s, %d bytes%n",
                    n, path, outcome.machine().trace().size(), outcome.steps(), heights,
                    bytes);
        }
    }

    /** Proves the run (the prover's check included). */
    @Benchmark
    public Object prove(Run r) {
        return proveOnce(r);
    }

    private static Object proveOnce(Run r) {
        return switch (r.path) {
            case "tables" -> r.circuit.proveTables(r.outcome.machine().trace(), Cpu64Trace::mnemonicOf,
                    StarkConfig.DEFAULT, true);
            case "tablesPlain" -> r.circuit.proveTables(r.outcome.machine().trace(), Cpu64Trace::mnemonicOf,
                    StarkConfig.DEFAULT, false);
            case "oneTable" -> r.circuit.prove(r.outcome.machine().trace(), Cpu64Trace::mnemonicOf, StarkConfig.DEFAULT,
                    ProofProgress.SILENT);
            default -> throw new IllegalArgumentException("unknown path " + r.path);
        };
    }
}
