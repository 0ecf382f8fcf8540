package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.Values;
import java.util.Map;

/**
 * One row that sends or receives a tuple.
 *
 * @param interaction the interaction's name, or {@code public} for a public tuple
 * @param table the table's name, or {@code null} for a public tuple
 * @param row the row in that table, or the public tuple's position among the bus's public tuples
 * @param direction send or receive
 * @param multiplicity how often (a field element)
 * @param cells every cell the interaction's multiplicity and tuple read on that row, by column
 *     name, with its value (empty for a public tuple)
 * @param context the caller's description of the row ({@link RowNames}), or {@code null}
 */
public record Occurrence(String interaction, String table, int row, Direction direction, long multiplicity,
        Map<String, Long> cells, String context) {
    /** An occurrence with no description of its row. */
    public Occurrence(String interaction, String table, int row, Direction direction, long multiplicity,
            Map<String, Long> cells) {
        this(interaction, table, row, direction, multiplicity, cells, null);
    }

    /** Copies the cell map. */
    public Occurrence {
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
    }

    @Override
    public String toString() {
        String where = table == null ? "public tuple " + row : "table " + table + " row " + row
                + (context == null ? "" : " (" + context + ")");
        StringBuilder sb = new StringBuilder(where).append(" (").append(interaction).append(") ")
                .append(direction.verb()).append(" it x ").append(Values.format(multiplicity));
        String sep = "; ";
        for (Map.Entry<String, Long> e : cells.entrySet()) {
            sb.append(sep).append(e.getKey()).append(" = ").append(Values.format(e.getValue()));
            sep = ", ";
        }
        return sb.toString();
    }
}
