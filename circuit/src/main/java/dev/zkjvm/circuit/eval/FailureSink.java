package dev.zkjvm.circuit.eval;

/** Receives the rows on which a checked constraint does not vanish. */
@FunctionalInterface
public interface FailureSink {
    /** Constraint {@code constraint} (its index in the system) is violated on row {@code row}. */
    void fail(int constraint, int row);
}
