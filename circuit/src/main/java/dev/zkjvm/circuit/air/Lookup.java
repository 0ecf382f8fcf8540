package dev.zkjvm.circuit.air;

import java.util.List;

/**
 * A LogUp lookup: on every row where {@code selector} is non-zero (every row if it is absent),
 * the tuple {@code inputs} must equal the tuple {@code table} on some row of the same trace.
 *
 * <p>With challenges α (and β for tuples of width &gt; 1), inputs compress to
 * {@code f = Σ β^j·inputs[j]} and the table to {@code t = Σ β^j·table[j]}; with the MAIN
 * multiplicity column m and selector s the running sum column h satisfies
 * {@code h[0] = s/(α - f) - m/(α - t)} at row 0, the same step from each row to the next, and
 * {@code h[n-1] = 0}: Σ s/(α - f) = Σ m/(α - t) over all rows, padding rows included. The three
 * identities are the {@link #constraints()} named {@code name.first}, {@code name.step} and
 * {@code name.last}, written with denominators cleared.
 *
 * @param name unique name
 * @param selector the row selector (should be 0 or 1), or {@code null} for every row
 * @param inputs the looked-up expressions (MAIN/FIXED cells of the current row, no challenges)
 * @param table the table expressions, same width (typically FIXED columns)
 * @param multiplicity MAIN column: how often the table tuple of each row is looked up
 * @param runningSum AUX extension column h
 * @param alpha the challenge α
 * @param beta the compression challenge β, or {@code null} for width 1
 * @param constraints the generated constraints (first, step, last)
 */
public record Lookup(String name, Expr selector, List<Expr> inputs, List<Expr> table, Column multiplicity,
        ExtColumn runningSum, Challenge alpha, Challenge beta, List<Constraint> constraints) {

    /** Copies the lists. */
    public Lookup {
        inputs = List.copyOf(inputs);
        table = List.copyOf(table);
        constraints = List.copyOf(constraints);
    }

    /** The selector, or the constant 1. */
    public Expr selectorOrOne() {
        return selector == null ? Expr.constant(1) : selector;
    }

    /** {@code α - Σ β^j·inputs[j]} at the current row. */
    public Expr inputDenominator() {
        return alpha.expr().sub(Arguments.compress(inputs, beta));
    }

    /** {@code α - Σ β^j·table[j]} at the current row. */
    public Expr tableDenominator() {
        return alpha.expr().sub(Arguments.compress(table, beta));
    }

    /** The number of columns in a tuple. */
    public int width() {
        return inputs.size();
    }
}
