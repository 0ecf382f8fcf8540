package dev.zkjvm.example;

import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
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
 * The exact check of a table system ({@link TableSystemChecker}: row constraints per table, buses
 * as multisets) on the offline-memory workload {@link BusWorkload}; the figure is the
 * {@code interactions} counter (non-zero bus interactions per second), to be read next to
 * {@code CheckerBenchmark.constraints} (today's one-table evaluation) in the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class TableCheckerBenchmark {

    /** The honest trace and its checker, built once per trial. */
    @State(Scope.Benchmark)
    public static class Input {
        /** Memory accesses (rows of the access table). */
        @Param({"1048576", "4194304"})
        public int accesses;

        SystemTrace trace;
        TableSystemChecker checker;

        /** Builds the trace. */
        @Setup(Level.Trial)
        public void build() {
            BusWorkload w = new BusWorkload();
            trace = w.trace(accesses);
            checker = new TableSystemChecker(w.system);
        }
    }

    /** Row constraints of every table and every bus counted exactly. */
    @Benchmark
    public TableSystemReport check(Input input, BusInteractionsCounter counter) {
        TableSystemReport r = input.checker.check(input.trace);
        if (!r.isSatisfied()) {
            throw new AssertionError(r.toString());
        }
        counter.interactions += r.interactions();
        return r;
    }
}
