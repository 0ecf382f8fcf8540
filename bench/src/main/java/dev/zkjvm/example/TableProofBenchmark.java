package dev.zkjvm.example;

import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.stark.TableKeys;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.stark.TableProver;
import dev.zkjvm.circuit.tables.stark.TableVerifier;
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
 * The table STARK on the smallest system of the proving goal ({@link RangeCheckedWorkload}: one
 * table of {@code 2^logRows} rows whose {@code width} MAIN columns are range-checked through a bus
 * against the preprocessed 2^16-row range table), with {@link StarkConfig#DEFAULT}. The keys
 * (the range table's FIXED column extended and committed) are derived once per trial; the
 * figures are the time of {@code prove} (exact check included) and of {@code verify}. The proof's
 * size is printed once per trial on a line starting with {@code [table proof]}.
 *
 * <p>{@code prove} takes {@code traces} traces of random limbs in turn. Why not one: the
 * proof of work before FRI's queries tries nonces until one hash has 20 leading zero bits, about
 * 2^20 tries on average but anywhere from a few to several million for a given transcript, and
 * with a single trace the figure would carry that one transcript's luck.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TableProofBenchmark {

    /** The system, its keys, one honest trace and one proof of it. */
    @State(Scope.Benchmark)
    public static class Input {
        /** log2 of the rows of the range-checked table. */
        @Param({"10"})
        public int logRows;

        /** Range-checked MAIN columns of that table. */
        @Param({"4"})
        public int width;

        /** Traces proven in turn (each with its own proof-of-work search). */
        @Param({"64"})
        public int traces;

        /** Zero-knowledge proofs (the default) or plain ones. */
        @Param({"true", "false"})
        public boolean zeroKnowledge;

        TableKeys.ProvingKey key;
        SystemTrace[] all;
        int next;
        TableProof proof;

        /** Builds the traces, derives the keys and proves the first once (for verify and the size). */
        @Setup(Level.Trial)
        public void setUp() {
            RangeCheckedWorkload w = new RangeCheckedWorkload(width);
            all = new SystemTrace[traces];
            for (int i = 0; i < traces; i++) {
                all[i] = w.trace(1 << logRows, i);
            }
            key = TableKeys.derive(w.system, StarkConfig.DEFAULT, zeroKnowledge);
            proof = TableProver.prove(key, all[0], PublicTuples.NONE);
            if (!TableVerifier.isValid(key.verifyingKey(), PublicTuples.NONE, proof)) {
                throw new AssertionError("the honest proof does not verify");
            }
            System.out.printf("%n[table proof] 2^%d rows x %d range-checked columns + 2^16-row range table, %s: %d bytes%n",
                    logRows, width, zeroKnowledge ? "zero-knowledge" : "plain", proof.toBytes().length);
        }
    }

    /** Proves the next trace with the keys derived in setup (the prover's exact check included). */
    @Benchmark
    public TableProof prove(Input in) {
        SystemTrace t = in.all[in.next];
        in.next = (in.next + 1) % in.all.length;
        return TableProver.prove(in.key, t, PublicTuples.NONE);
    }

    /** Verifies the proof made in setup. */
    @Benchmark
    public boolean verify(Input in) {
        if (!TableVerifier.isValid(in.key.verifyingKey(), PublicTuples.NONE, in.proof)) {
            throw new AssertionError("the honest proof does not verify");
        }
        return true;
    }
}
