package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.check.CheckReport;

/**
 * The prover was given a witness that breaks some constraint: there is nothing true to prove. The
 * checker's report names every failing constraint, row and cell.
 */
public final class UnsatisfiedTraceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient CheckReport report;

    /** With the checker's report. */
    public UnsatisfiedTraceException(CheckReport report) {
        super("refusing to prove a witness that breaks its constraints:\n" + report);
        this.report = report;
    }

    /** The checker's report. */
    public CheckReport report() {
        return report;
    }
}
