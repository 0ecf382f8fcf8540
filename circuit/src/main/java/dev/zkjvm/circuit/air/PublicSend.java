package dev.zkjvm.circuit.air;

import java.util.List;

/**
 * Tuples the trace sends to the statement: on every row, {@code tuple} is sent {@code multiplicity}
 * times on the public bus {@code bus}, whose other side is the statement's own tuples (a program's
 * public input and output words, for example), which the verifier computes itself. The buses hold
 * when, on each public bus, the tuples the rows send are exactly the statement's, as multisets.
 *
 * <p>A one-table STARK cannot prove this (its constraints have no public values); a system with
 * public sends is checked by {@link dev.zkjvm.circuit.check.Checker} against a statement and proven
 * on tables, where each public bus is a bus whose public share the verifier adds.
 *
 * @param name unique name of this send (argument names share one namespace)
 * @param bus the public bus's name; every send on it has the same fields
 * @param fields the names of a tuple's fields
 * @param multiplicity MAIN/FIXED expression of the current row (0 on rows that send nothing)
 * @param tuple MAIN/FIXED expressions of the current row, one per field
 */
public record PublicSend(String name, String bus, List<String> fields, Expr multiplicity, List<Expr> tuple) {
    /** Copies the lists. */
    public PublicSend {
        fields = List.copyOf(fields);
        tuple = List.copyOf(tuple);
        if (fields.isEmpty() || fields.size() != tuple.size()) {
            throw new IllegalArgumentException("public send " + name + ": " + fields.size() + " fields for a tuple of "
                    + tuple.size());
        }
    }
}
