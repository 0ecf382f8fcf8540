package dev.zkjvm.circuit.air;

/**
 * A named base-field column of a {@link ConstraintSystem}. Columns are created by
 * {@link ConstraintSystemBuilder}; {@code index} is the column's position in the witness table.
 *
 * @param index position in {@link ConstraintSystem#columns()}
 * @param name unique name, used in reports
 * @param phase when the column's values are produced
 */
public record Column(int index, String name, Phase phase) {
    /** The value of this column at the current row. */
    public Expr cur() {
        return new Expr.Cell(this, false);
    }

    /** The value of this column at the next row (only allowed in transition constraints). */
    public Expr next() {
        return new Expr.Cell(this, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
