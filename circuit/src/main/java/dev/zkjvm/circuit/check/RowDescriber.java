package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.air.Expr;
import java.util.Collection;

/**
 * Describes, for a report, the data behind one failing row as one constraint or one argument input
 * reads it. The cells tell the describer which table the row belongs to and whether the next row
 * is read too: a caller whose witness interleaves several tables (a time-ordered log, its sorted
 * copy, an execution table) can then name the record that each table's row holds, instead of
 * whatever the other tables keep at the same index.
 *
 * <p>Called only for failures and issues kept in detail, never on the checker's hot path.
 */
@FunctionalInterface
public interface RowDescriber {
    /**
     * The description of {@code row}.
     *
     * @param row   the failing row (for an argument issue, the row the issue names)
     * @param cells the cells the constraint or argument side reads ({@code next} for row + 1)
     * @return a short text, or {@code null} for nothing to add
     */
    String describe(int row, Collection<Expr.Cell> cells);
}
