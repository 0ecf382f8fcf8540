package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;

/**
 * A cheating prover for tests: runs the table prover's stages on a trace without checking it
 * first, as a prover that wants a false statement verified would. The verifier must reject what
 * it makes from any trace the checker refuses.
 */
public final class UncheckedTableProver {
    private UncheckedTableProver() {
    }

    /** A proof of {@code trace} under {@code key}, whether or not the trace satisfies the system. */
    public static TableProof prove(TableKeys.ProvingKey key, SystemTrace trace, PublicTuples statement) {
        return TableProver.prove(key, trace, statement, w -> {
        }, TableProver.HONEST);
    }
}
