package dev.zkjvm.circuit.air;

import java.util.List;

/**
 * A multiset equality between two groups of expressions: the tuples {@code left} over the rows
 * where {@code leftSelector} is 1 equal, as a multiset, the tuples {@code right} over the rows where
 * {@code rightSelector} is 1 (all rows when a selector is absent).
 *
 * <p>Tuples compress to {@code c = Σ β^j·tuple[j]} (β only for width &gt; 1); a row contributes the
 * factor {@code γ - c} (or {@code s·(γ - c - 1) + 1} with a selector s). The AUX extension column z
 * is the running product of left factors over right factors: {@code z[0]·R[0] = L[0]},
 * {@code z'·R' = z·L'} on each step, and {@code z[n-1] = 1}. The three identities are the
 * {@link #constraints()} named {@code name.first}, {@code name.step} and {@code name.last}; they
 * read the very expressions given here, so nothing else can stand in for them.
 *
 * @param name unique name
 * @param leftSelector selector of the left rows, or {@code null}
 * @param left left tuple expressions (MAIN/FIXED cells of the current row, no challenges)
 * @param rightSelector selector of the right rows, or {@code null}
 * @param right right tuple expressions, same width
 * @param product AUX extension column z
 * @param beta compression challenge, or {@code null} for width 1
 * @param gamma the grand-product challenge γ
 * @param constraints the generated constraints (first, step, last)
 */
public record Permutation(String name, Expr leftSelector, List<Expr> left, Expr rightSelector, List<Expr> right,
        ExtColumn product, Challenge beta, Challenge gamma, List<Constraint> constraints) {

    /** Copies the lists. */
    public Permutation {
        left = List.copyOf(left);
        right = List.copyOf(right);
        constraints = List.copyOf(constraints);
    }

    /** The factor L contributed by a row of the left side. */
    public Expr leftFactor() {
        return Arguments.factor(leftSelector, left, beta, gamma);
    }

    /** The factor R contributed by a row of the right side. */
    public Expr rightFactor() {
        return Arguments.factor(rightSelector, right, beta, gamma);
    }

    /** The number of columns in a tuple. */
    public int width() {
        return left.size();
    }
}
