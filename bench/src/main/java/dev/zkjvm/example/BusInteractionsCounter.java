package dev.zkjvm.example;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The figure of the bus-checking benchmark: non-zero bus interactions counted per second. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class BusInteractionsCounter {
    /** Interactions counted in this iteration. */
    public long interactions;

    /** Reset per iteration, as JMH requires of counters. */
    @Setup(Level.Iteration)
    public void reset() {
        interactions = 0;
    }
}
