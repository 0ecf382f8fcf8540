package dev.zkjvm.example;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
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
 * The two parameter presets on a bundled program: proving and verifying a run of fibonacci on
 * Cpu64 ({@code n}, its input, sets the trace length) under {@link StarkConfig#DEFAULT}
 * (100 bits conjectured) and {@link StarkConfig#PROVABLE_100} (at least 100 bits provable).
 * Setup prints each preset's proof size and both security levels (lines starting with
 * {@code [preset]}); verification runs with the program's key already derived.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class PresetBenchmark {
    /** One run, proven once per trial for the verification benchmark. */
    @State(Scope.Benchmark)
    public static class Run {
        /** The parameter preset. */
        @Param({"default", "provable-100"})
        public String preset;

        /** fibonacci's input: 3000 gives about 56,000 memory operations (2^16 rows). */
        @Param({"3000"})
        public long n;

        Programs.Outcome outcome;
        MachineCircuit<U64> circuit;
        StarkConfig config;
        StarkProof proof;

        /** Runs the program, proves it once, derives the key. */
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            config = preset.equals("default") ? StarkConfig.DEFAULT : StarkConfig.PROVABLE_100;
            outcome = StreamFreeFibonacci.run(n);
            circuit = Cpu64Circuit.circuit(outcome.runs());
            proof = circuit.prove(outcome.machine().trace(), Cpu64Trace::mnemonicOf, config, ProofProgress.SILENT);
            circuit.verify(proof, config);
            System.out.printf("%n[preset] %s, fibonacci(%d): 2^%d rows, %d bytes, %s%n", preset, n, proof.logRows(),
                    proof.toBytes().length, config.securitySummary(circuit.system(), proof.logRows()));
        }
    }

    /** Proves the run (the prover's checker run included). */
    @Benchmark
    public StarkProof prove(Run r) {
        return r.circuit.prove(r.outcome.machine().trace(), Cpu64Trace::mnemonicOf, r.config, ProofProgress.SILENT);
    }

    /** Verifies the proof made in setup, with the key derived there. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 3)
    public boolean verify(Run r) throws Exception {
        r.circuit.verify(r.proof, r.config);
        return true;
    }
}
