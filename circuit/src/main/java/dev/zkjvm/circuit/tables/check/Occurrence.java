package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.Values;

/**
 * One row that sends or receives a tuple.
 *
 * @param interaction the interaction's name, or {@code public} for a public tuple
 * @param table the table's name, or {@code null} for a public tuple
 * @param row the row in that table, or the public tuple's position among the bus's public tuples
 * @param direction send or receive
 * @param multiplicity how often (a field element)
 */
public record Occurrence(String interaction, String table, int row, Direction direction, long multiplicity) {
    @Override
    public String toString() {
        String where = table == null ? "public tuple " + row : "table " + table + " row " + row;
        return where + " (" + interaction + ") " + direction.verb() + " it x " + Values.format(multiplicity);
    }
}
