package dev.zkjvm.example;

import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.runtime.Trace;
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
 * Memory operations (trace records) checked per second: {@code Cpu64Circuit.check(trace)} end to
 * end (the record check, trace to witness with radix sort, limbs, multiplicities, Merkle commitment,
 * challenges, running sums and grand product, then every constraint on every row), its phases apart, and
 * the object-per-record baseline {@link ObjectRowChecker} on the same trace. The
 * {@code memoryOps} counter is the figure.
 *
 * <p>The trace ({@link CheckerWorkload}) is made once per trial. A 10^7-record trace fills a
 * witness of 2^24 rows and 58 columns (about 7.8 GB), hence the 16 GB heap (G1, which allocates
 * the column arrays as humongous objects and never copies them; a parallel collector copied them
 * for tens of seconds, and a 20 GB heap next to the other processes on this 24 GB machine was
 * killed by the kernel). Every benchmark method runs in its own fork, so no two witnesses of
 * different benchmarks share a heap.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx16g"})
public class CheckerBenchmark {

    /** The honest trace, shared by the whole trial. */
    @State(Scope.Benchmark)
    public static class TraceInput {
        /** Trace records. */
        @Param({"1000000", "10000000"})
        public int records;

        Trace<U64> trace;

        /** Runs the machine once. */
        @Setup(Level.Trial)
        public void build() {
            trace = CheckerWorkload.trace(records);
        }
    }

    /** A witness of the trace built once, for measuring the checker alone. */
    @State(Scope.Benchmark)
    public static class WitnessInput {
        Witness witness;

        /** Builds the witness once. */
        @Setup(Level.Trial)
        public void build(TraceInput input) {
            witness = Cpu64Circuit.circuit().witness(input.trace);
        }
    }

    /** The whole pipeline: {@code Cpu64Circuit.check(trace)}. */
    @Benchmark
    public CheckReport check(TraceInput input, MemoryOpsCounter records) {
        CheckReport report = Cpu64Circuit.check(input.trace);
        if (!report.isSatisfied()) {
            throw new AssertionError(report.toString());
        }
        records.memoryOps += input.trace.size();
        return report;
    }

    /** Phase 1: trace to witness (sort, limbs, multiplicities, commitment, challenges, AUX columns). */
    @Benchmark
    public Witness witness(TraceInput input, MemoryOpsCounter records) {
        Witness w = Cpu64Circuit.circuit().witness(input.trace);
        records.memoryOps += input.trace.size();
        return w;
    }

    /** Phase 2: every constraint on every row of a ready witness. */
    @Benchmark
    public CheckReport constraints(TraceInput input, WitnessInput witness, MemoryOpsCounter records) {
        CheckReport report = Cpu64Circuit.circuit().check(witness.witness, input.trace, Cpu64Trace::mnemonicOf,
                CheckOptions.defaults());
        if (!report.isSatisfied()) {
            throw new AssertionError(report.toString());
        }
        records.memoryOps += input.trace.size();
        return report;
    }

    /**
     * The record check alone (every record's fields within what the layout and word size allow),
     * which {@code check} and {@code constraints} run first: one linear pass over the trace.
     */
    @Benchmark
    public CheckReport records(TraceInput input, MemoryOpsCounter records) {
        CheckReport report = Cpu64Circuit.circuit().checkRecords(input.trace, Cpu64Trace::mnemonicOf);
        if (!report.isSatisfied()) {
            throw new AssertionError(report.toString());
        }
        records.memoryOps += input.trace.size();
        return report;
    }

    /** The object-per-record baseline on the same trace, objects included. */
    @Benchmark
    public long baseline(TraceInput input, MemoryOpsCounter records) {
        long failures = new ObjectRowChecker(Cpu64Machine.LAYOUT).check(input.trace);
        if (failures != 0) {
            throw new AssertionError(failures + " failures on an honest trace");
        }
        records.memoryOps += input.trace.size();
        return failures;
    }
}
