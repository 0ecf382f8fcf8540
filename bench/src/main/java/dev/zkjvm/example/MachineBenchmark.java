package dev.zkjvm.example;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recorded memory operations per second while executing, generated machine against the
 * seed-style baseline ({@link SeedStyleVm}), on one thread. The {@code memoryOps} counter is the
 * figure: trace records produced per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class MachineBenchmark {

    /** The 256-bit seed-style workload. */
    @State(Scope.Benchmark)
    public static class SeedInput {
        SeedProgram program;

        /** Builds the program once. */
        @Setup
        public void build() {
            program = SeedWorkload.program(20_000, 42);
        }
    }

    /** The 256-bit generated machine on the seed-style workload. */
    @Benchmark
    public Object seed256Generated(SeedInput input, MemoryOpsCounter records) {
        SeedMachine machine = SeedMachine.create();
        machine.run(input.program);
        records.memoryOps += machine.trace().size();
        return machine;
    }

    /** The same definition on the TreeMap / object-per-record baseline. */
    @Benchmark
    public Object seed256Baseline(SeedInput input, MemoryOpsCounter records) {
        SeedBaseline baseline = new SeedBaseline();
        var trace = baseline.run(input.program);
        records.memoryOps += trace.size();
        return trace;
    }

    /** Bubble sort of 1,000 random words on the 64-bit machine (about 5 million steps). */
    @State(Scope.Benchmark)
    public static class SortInput {
        long[] input;
        Cpu64Program sort;

        /** Builds the input {@code [N, words...]} and the program once. */
        @Setup
        public void build() {
            input = Programs.counted(new java.util.SplittableRandom(7).longs(1000).toArray());
            sort = Programs.program("bubble_sort");
        }
    }

    /** The generated 64-bit machine sorting 1,000 words. */
    @Benchmark
    public Object cpu64BubbleSortGenerated(SortInput input, MemoryOpsCounter records) {
        Cpu64Machine machine = Cpu64Machine.create();
        machine.supplyInput(input.input);
        machine.run(input.sort);
        records.memoryOps += machine.trace().size();
        return machine;
    }

    /** The same definition and programs on the TreeMap / object-per-record baseline. */
    @Benchmark
    public Object cpu64BubbleSortBaseline(SortInput input, MemoryOpsCounter records) {
        Cpu64Baseline baseline = new Cpu64Baseline();
        baseline.vm.supplyInput(input.input);
        baseline.run(input.sort);
        records.memoryOps += baseline.vm.trace.size();
        return baseline;
    }
}
