package dev.zkjvm.circuit.air;

/**
 * A verifier challenge: an element of GF(p²) drawn from the Fiat-Shamir transcript after the
 * MAIN columns are committed. Challenges are created by lookups and permutations.
 *
 * @param index position in {@link ConstraintSystem#challenges()}, also the drawing order
 * @param name unique name, used as the transcript label and when printing
 */
public record Challenge(int index, String name) {
    /** This challenge as an expression. */
    public Expr expr() {
        return new Expr.Chal(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
