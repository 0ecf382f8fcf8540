package dev.zkjvm.circuit.air;

/**
 * A column over the extension field GF(p²), stored as two base columns: the value at a row is
 * {@code c0 + c1·x}. Running sums and grand products of lookups and permutations are such columns.
 *
 * @param name the name used when printing constraints
 * @param c0 the base column with the constant coordinate (named {@code name.0})
 * @param c1 the base column with the x coordinate (named {@code name.1})
 */
public record ExtColumn(String name, Column c0, Column c1) {
    /** The value at the current row. */
    public Expr cur() {
        return new Expr.ExtCell(this, false);
    }

    /** The value at the next row. */
    public Expr next() {
        return new Expr.ExtCell(this, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
