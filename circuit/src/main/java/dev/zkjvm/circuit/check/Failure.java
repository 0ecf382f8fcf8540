package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.air.ConstraintKind;
import java.util.Map;

/**
 * One constraint that does not vanish on one row.
 *
 * @param constraint the constraint's name
 * @param polynomial its expression as text
 * @param kind the rows it applies to
 * @param row the failing row
 * @param cells every cell the constraint reads, by name ({@code x} for the current row, {@code x'} for
 *     the next), with its value
 * @param context the caller's description of the row, or {@code null}
 * @param argument the lookup or permutation that owns the constraint, or {@code null}
 */
public record Failure(String constraint, String polynomial, ConstraintKind kind, int row, Map<String, Long> cells,
        String context, String argument) {

    /** Copies the cell map. */
    public Failure {
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(constraint).append(" failed at row ").append(row);
        if (context != null) {
            sb.append(" (").append(context).append(')');
        }
        if (argument != null) {
            sb.append(" [argument ").append(argument).append(']');
        }
        sb.append(": ").append(polynomial).append(" = 0 [").append(kind.label()).append("]; ");
        boolean first = true;
        for (Map.Entry<String, Long> e : cells.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(" = ").append(ValueFormat.format(e.getValue()));
            first = false;
        }
        return sb.toString();
    }
}
