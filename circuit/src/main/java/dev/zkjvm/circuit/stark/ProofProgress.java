package dev.zkjvm.circuit.stark;

/**
 * Receives the prover's progress: one call as each stage starts. Silent unless the caller passes
 * one (the command line draws a progress bar with it).
 */
@FunctionalInterface
public interface ProofProgress {
    /** No output. */
    ProofProgress SILENT = (stage, index, total) -> { };

    /**
     * Stage {@code index} (0-based) of {@code total} begins.
     *
     * @param stage a short description, e.g. "committing the trace"
     */
    void stage(String stage, int index, int total);
}
