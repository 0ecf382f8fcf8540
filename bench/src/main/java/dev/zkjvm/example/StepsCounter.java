package dev.zkjvm.example;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The figures of the execution-check benchmark: machine steps and trace records (memory
 * operations) checked per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class StepsCounter {
    /** Machine steps checked in this iteration. */
    public long steps;

    /** Trace records checked in this iteration. */
    public long memoryOps;

    /** Reset per iteration, as JMH requires of counters. */
    @Setup(Level.Iteration)
    public void reset() {
        steps = 0;
        memoryOps = 0;
    }
}
