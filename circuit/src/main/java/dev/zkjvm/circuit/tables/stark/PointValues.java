package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;

/**
 * The verifier's evaluation of a constraint at the out-of-domain point: every cell is replaced by
 * the claimed value of its column at z (current row) or z·ω (next row); an extension column
 * {@code c0 + c1·X} by {@code v(c0) + X·v(c1)}, X the generator of GF(p²).
 */
final class PointValues {
    private static final Ext2 X = new Ext2(Goldilocks.ZERO, Goldilocks.ONE);

    private final Ext2[] cur;
    private final Ext2[] next;
    private final Ext2[] challenges;

    PointValues(Ext2[] cur, Ext2[] next, Ext2[] challenges) {
        this.cur = cur;
        this.next = next;
        this.challenges = challenges;
    }

    Ext2 of(Expr e) {
        if (e instanceof Expr.Const c) {
            return Ext2.of(c.value());
        } else if (e instanceof Expr.Cell c) {
            return (c.next() ? next : cur)[c.column().index()];
        } else if (e instanceof Expr.ExtCell c) {
            Ext2[] at = c.next() ? next : cur;
            return at[c.column().c0().index()].add(at[c.column().c1().index()].mul(X));
        } else if (e instanceof Expr.Chal c) {
            return challenges[c.challenge().index()];
        } else if (e instanceof Expr.Add a) {
            return of(a.a()).add(of(a.b()));
        } else if (e instanceof Expr.Sub s) {
            return of(s.a()).sub(of(s.b()));
        } else if (e instanceof Expr.Mul m) {
            return of(m.a()).mul(of(m.b()));
        } else if (e instanceof Expr.Neg n) {
            return of(n.a()).neg();
        } else if (e instanceof Expr.Pow p) {
            return of(p.base()).pow(p.exponent());
        }
        throw new IllegalStateException("unknown expression " + e.getClass());
    }
}
