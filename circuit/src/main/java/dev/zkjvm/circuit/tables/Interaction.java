package dev.zkjvm.circuit.tables;

import dev.zkjvm.circuit.air.Expr;
import java.util.List;

/**
 * One table's use of one bus: on every row of table {@code table}, the tuple {@code tuple} is sent
 * or received {@code multiplicity} times (0 on rows that do not take part).
 *
 * @param index position in {@link TableSystem#interactions()}
 * @param name unique name, used in reports
 * @param bus the bus
 * @param table the index of the table in {@link TableSystem#tables()}
 * @param direction send or receive
 * @param multiplicity an expression over the table's MAIN and FIXED cells of the current row
 * @param tuple one expression per bus field, over the same cells
 */
public record Interaction(int index, String name, Bus bus, int table, Direction direction, Expr multiplicity,
        List<Expr> tuple) {
    /** Copies the tuple. */
    public Interaction {
        tuple = List.copyOf(tuple);
    }

    /** The largest degree among the tuple's expressions. */
    public int tupleDegree() {
        return tuple.stream().mapToInt(Expr::degree).max().orElse(0);
    }

    @Override
    public String toString() {
        return name + ": " + direction.verb() + " " + tuple + " x " + multiplicity + " on " + bus.name();
    }
}
