package dev.zkjvm.circuit.air;

/**
 * A named polynomial identity: {@code expr} must be zero on the rows selected by {@code kind}.
 *
 * @param index position in {@link ConstraintSystem#constraints()}
 * @param name unique name, reported by the checker
 * @param kind the rows on which it applies
 * @param expr the expression that must vanish (both coordinates, if extension-valued)
 * @param argument the lookup or permutation that generated it, or {@code null} for a user constraint
 */
public record Constraint(int index, String name, ConstraintKind kind, Expr expr, String argument) {
    /** The total degree of the expression. */
    public int degree() {
        return expr.degree();
    }

    /** The expression as polynomial text. */
    public String polynomial() {
        return ExprPrinter.print(expr);
    }

    /** Whether a lookup or permutation argument generated this constraint. */
    public boolean isArgument() {
        return argument != null;
    }

    @Override
    public String toString() {
        return name + " [" + kind.label() + ", degree " + degree() + "]: " + polynomial() + " = 0";
    }
}
