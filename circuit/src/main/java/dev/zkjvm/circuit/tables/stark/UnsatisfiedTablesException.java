package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.tables.check.TableSystemReport;

/** Thrown by the prover for a trace that breaks a constraint or leaves a bus unbalanced. */
public final class UnsatisfiedTablesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exact check's report. */
    private final transient TableSystemReport report;

    UnsatisfiedTablesException(TableSystemReport report) {
        super("the trace does not satisfy the table system; nothing to prove:\n" + report);
        this.report = report;
    }

    /** The exact check's report. */
    public TableSystemReport report() {
        return report;
    }
}
