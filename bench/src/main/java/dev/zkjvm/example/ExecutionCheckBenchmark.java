package dev.zkjvm.example;

import dev.zkjvm.circuit.check.CheckReport;
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
 * Whole-machine checking: {@code Cpu64Circuit.check(runs, trace)} (memory consistency, the layout,
 * and every step's instruction constraints, with the program as public input) on the bundled
 * programs, next to the memory-only check {@code Cpu64Circuit.check(trace)} of the same trace in
 * the same run. Counters: {@code steps} and {@code memoryOps} checked per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx16g"})
public class ExecutionCheckBenchmark {

    /** One bundled program run on a fixed input, made once per trial. */
    @State(Scope.Benchmark)
    public static class Run {
        /** The bundled program. */
        @Param({"fibonacci", "factorial", "array_sum", "bubble_sort"})
        public String program;

        Programs.Outcome outcome;
        long steps;

        /**
         * Runs it: fibonacci(20000), factorial(20), the sum of 20,000 words, bubble sort of 150
         * words, each program reading its input with `in`.
         */
        @Setup(Level.Trial)
        public void run() {
            long[] words = new SplittableRandom(1).longs(program.equals("bubble_sort") ? 150 : 20_000).toArray();
            outcome = switch (program) {
                case "fibonacci" -> Programs.fibonacci(20_000);
                case "factorial" -> Programs.factorial(20);
                case "array_sum" -> Programs.arraySum(words);
                case "bubble_sort" -> Programs.bubbleSort(words);
                default -> throw new IllegalArgumentException(program);
            };
            steps = outcome.steps();
        }
    }

    /** The whole check: every step's instruction constraints and memory consistency. */
    @Benchmark
    public CheckReport execution(Run run, StepsCounter counter) {
        CheckReport report = Cpu64Circuit.check(run.outcome.runs(), run.outcome.machine().trace());
        return count(report, run, counter);
    }

    /** Memory consistency and the layout only, on the same trace. */
    @Benchmark
    public CheckReport memoryOnly(Run run, StepsCounter counter) {
        CheckReport report = Cpu64Circuit.check(run.outcome.machine().trace());
        return count(report, run, counter);
    }

    private static CheckReport count(CheckReport report, Run run, StepsCounter counter) {
        if (!report.isSatisfied()) {
            throw new AssertionError(report.toString());
        }
        counter.steps += run.steps;
        counter.memoryOps += run.outcome.machine().trace().size();
        return report;
    }
}
