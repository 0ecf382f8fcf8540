package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;

/**
 * How many trace-length chunks the composition polynomial needs, from the constraints' degrees.
 *
 * <p>On a trace of n rows every column is a polynomial of degree below n, so a constraint of
 * degree d is a polynomial of degree at most {@code d·(n-1)}; dividing by its vanishing polynomial
 * (degree n on every row, n - 1 on the transition rows, 1 on the first or last row) leaves a
 * quotient of degree {@code d·(n-1) - deg Z}. The composition, a combination of the quotients,
 * is split into chunks {@code H_j} of degree below n with {@code C(x) = Σ x^(j·n)·H_j(x)}; its
 * evaluations on the coset determine it only while its degree is below the coset's size, so the
 * chunk count may not exceed the blowup.
 */
final class CompositionShape {
    private CompositionShape() {
    }

    /**
     * The number of chunks for {@code system} on {@code 2^logRows} rows.
     *
     * @throws IllegalArgumentException if some constraint needs more chunks than {@code blowup}
     */
    static int chunks(ConstraintSystem system, int logRows, int blowup) {
        long n = 1L << logRows;
        int chunks = 1;
        Constraint widest = null;
        for (Constraint c : system.constraints()) {
            long zeroDegree = switch (c.kind()) {
                case EVERY_ROW -> n;
                case TRANSITION -> n - 1;
                case FIRST_ROW, LAST_ROW -> 1;
            };
            long quotientDegree = c.degree() * (n - 1) - zeroDegree;
            int needed = (int) Math.max(1, (quotientDegree + n) / n); // ceil((q + 1) / n)
            if (needed > chunks) {
                chunks = needed;
                widest = c;
            }
        }
        if (chunks > blowup) {
            throw new IllegalArgumentException("constraint " + widest.name() + " of " + system.name() + " has degree "
                    + widest.degree() + " (" + widest.kind().label() + "): its quotient needs " + chunks
                    + " trace-length chunks, more than the blowup " + blowup + " allows; raise the blowup");
        }
        return chunks;
    }
}
