package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Evaluates constraint expressions at one point of GF(p²), given every column's value there and at
 * the next point: the verifier's side of the composition check.
 *
 * <p>Every column is a polynomial with base-field coefficients; an extension column {@code c0 +
 * c1·X} is the polynomial {@code c0(x) + X·c1(x)} with coefficients in GF(p²). So is every
 * constraint, and at a point z of GF(p²) it evaluates with plain GF(p²) arithmetic, which is what
 * this class does. On the evaluation coset (base-field points) the prover's compiled programs
 * compute the same polynomials.
 */
final class ExprAtPoint {
    private final Ext2[] cur;
    private final Ext2[] next;
    private final Ext2[] challenges;
    private final Map<Expr, Ext2> memo = new IdentityHashMap<>();

    /**
     * @param cur every base column's value at z, by column index
     * @param next every base column's value at z·ω
     * @param challenges the challenge values by index
     */
    ExprAtPoint(Ext2[] cur, Ext2[] next, Ext2[] challenges) {
        this.cur = cur;
        this.next = next;
        this.challenges = challenges;
    }

    Ext2 evaluate(Expr e) {
        Ext2 known = memo.get(e);
        if (known != null) {
            return known;
        }
        Ext2 v = compute(e);
        memo.put(e, v);
        return v;
    }

    private Ext2 compute(Expr e) {
        if (e instanceof Expr.Const c) {
            return Ext2.of(c.value());
        } else if (e instanceof Expr.Cell c) {
            return (c.next() ? next : cur)[c.column().index()];
        } else if (e instanceof Expr.ExtCell c) {
            Ext2[] at = c.next() ? next : cur;
            Ext2 lo = at[c.column().c0().index()];
            Ext2 hi = at[c.column().c1().index()];
            return lo.add(hi.mul(X));
        } else if (e instanceof Expr.Chal c) {
            return challenges[c.challenge().index()];
        } else if (e instanceof Expr.Add a) {
            return evaluate(a.a()).add(evaluate(a.b()));
        } else if (e instanceof Expr.Sub s) {
            return evaluate(s.a()).sub(evaluate(s.b()));
        } else if (e instanceof Expr.Mul m) {
            return evaluate(m.a()).mul(evaluate(m.b()));
        } else if (e instanceof Expr.Neg n) {
            return evaluate(n.a()).neg();
        } else if (e instanceof Expr.Pow p) {
            return evaluate(p.base()).pow(p.exponent());
        }
        throw new IllegalStateException("unknown expression " + e.getClass());
    }

    /** The generator X of GF(p²) = GF(p)[X]/(X² - 7). */
    static final Ext2 X = new Ext2(Goldilocks.ZERO, Goldilocks.ONE);
}
