package dev.zkjvm.example;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.runtime.U64;
import java.util.Arrays;
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
 * What a malformed proof costs the verifier: decoding plus {@code circuit.verify(proof, DEFAULT)}
 * for the circuit of fibonacci on Cpu64 (a trace of 2^16 rows), on
 * <ul>
 *   <li>{@code garbage38}: 38 bytes that decode and claim 2^22 rows (no root, no value, one empty
 *       FRI layer);</li>
 *   <li>{@code shapedZeros}: a proof claiming 2^22 rows whose every count and width is right and
 *       every value zero ({@link ShapedGarbageProof}), so it passes every size check;</li>
 *   <li>{@code truncated}: the real proof cut in half;</li>
 *   <li>{@code flippedDeepRoot}: the real proof with one bit of the DEEP root flipped (well formed,
 *       the transcript and FRI reject it);</li>
 *   <li>{@code honest}: the real proof, its key already derived: the baseline in the same run.</li>
 * </ul>
 * Run with {@code -prof gc} for the bytes allocated per verification ({@code gc.alloc.rate.norm}).
 * Setup prints each case's rejection reason and how many verifying keys the circuit derived (0
 * for every malformed case: none of them reaches the key).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class MalformedProofBenchmark {
    /** One proof's bytes and the circuit that verifies it. */
    @State(Scope.Benchmark)
    public static class Input {
        /** Which proof. */
        @Param({"garbage38", "shapedZeros", "truncated", "flippedDeepRoot", "honest"})
        public String kind;

        MachineCircuit<U64> circuit;
        byte[] bytes;

        /** Proves fibonacci once and derives the case's bytes from the proof. */
        @Setup(Level.Trial)
        public void setUp() {
            Programs.Outcome run = StreamFreeFibonacci.run(3000);
            circuit = Cpu64Circuit.circuit(run.runs());
            StarkProof proof = circuit.prove(run.machine().trace(), Cpu64Trace::mnemonicOf, StarkConfig.DEFAULT,
                    ProofProgress.SILENT);
            byte[] real = proof.toBytes();
            int keysBefore = circuit.derivedKeys();
            bytes = switch (kind) {
                case "garbage38" -> garbage38(real);
                case "shapedZeros" -> ShapedGarbageProof.bytes(circuit.system(), StarkConfig.DEFAULT, 22);
                case "truncated" -> Arrays.copyOf(real, real.length / 2);
                case "flippedDeepRoot" -> flipDeepRoot(real, proof.roots().size());
                case "honest" -> real;
                default -> throw new IllegalArgumentException(kind);
            };
            if (kind.equals("honest")) {
                circuit.verifyingKey(proof.logRows(), StarkConfig.DEFAULT);
                keysBefore = circuit.derivedKeys();
            }
            Object outcome = verify(this);
            System.out.printf("%n[malformed] %s: %d bytes, %s; keys derived while verifying: %d%n", kind,
                    bytes.length, outcome, circuit.derivedKeys() - keysBefore);
            if (kind.equals("honest") != Boolean.TRUE.equals(outcome)) {
                throw new AssertionError(kind + ": " + outcome);
            }
        }
    }

    /** The real header with 2^22 rows, then no root, no value, a FRI proof of one empty layer, no opening. */
    static byte[] garbage38(byte[] real) {
        byte[] out = new byte[38];
        System.arraycopy(real, 0, out, 0, 10);
        out[1] = 22;
        // roots 0 (byte 10), values 0 (11-14), FRI length 18 (15-18), FRI from byte 19
        out[18] = 18;
        out[19] = 1;                                   // FRI version
        out[20] = (byte) (22 + StarkConfig.DEFAULT.fri().logBlowup());
        out[21] = (byte) StarkConfig.DEFAULT.fri().foldingFactor();
        out[22] = 1;                                   // one layer; the rest (remainder, nonce, rows, openings) zero
        return out;
    }

    /** Flips the first bit of the last root (the DEEP composition's), which follows the header and the count. */
    static byte[] flipDeepRoot(byte[] real, int roots) {
        byte[] out = real.clone();
        out[10 + 1 + 32 * (roots - 1)] ^= 1;
        return out;
    }

    /** Decodes and verifies: TRUE, or the rejection's reason. */
    static Object verify(Input in) {
        try {
            in.circuit.verify(StarkProof.fromBytes(in.bytes), StarkConfig.DEFAULT);
            return Boolean.TRUE;
        } catch (InvalidProofException e) {
            return e.getMessage();
        }
    }

    /** Decoding and verification of the case's bytes. */
    @Benchmark
    public Object verifyCase(Input in) {
        return verify(in);
    }
}
