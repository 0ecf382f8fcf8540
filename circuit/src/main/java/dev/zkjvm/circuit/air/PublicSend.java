package dev.zkjvm.circuit.air;

import java.util.List;

/**
 * A row's share of a public bus: on every row, {@code tuple} is sent (or, if {@code receives},
 * received) {@code multiplicity} times on the bus {@code bus}, whose balance is the statement's
 * own tuples (a program's public input and output words, its initial state), which the verifier
 * computes itself. The buses hold when, on each public bus, the tuples the rows send, less those
 * they receive, are exactly the statement's, as multisets. A bus whose statement side is empty
 * joins tables: what some rows send, others receive.
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
 * @param receives whether the rows receive the tuple rather than send it
 */
public record PublicSend(String name, String bus, List<String> fields, Expr multiplicity, List<Expr> tuple,
        boolean receives) {
    /** A send. */
    public PublicSend(String name, String bus, List<String> fields, Expr multiplicity, List<Expr> tuple) {
        this(name, bus, fields, multiplicity, tuple, false);
    }

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
