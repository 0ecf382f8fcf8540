package dev.zkjvm.example;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The figure every benchmark here reports: trace records (memory operations) executed or checked
 * per second, next to JMH's operations per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class MemoryOpsCounter {
    /** Trace records handled in this iteration. */
    public long memoryOps;

    /** Reset per iteration, as JMH requires of counters. */
    @Setup(Level.Iteration)
    public void reset() {
        memoryOps = 0;
    }
}
