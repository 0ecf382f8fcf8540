package dev.zkjvm.circuit.tables.translate;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Expr;

/**
 * Where each column of a one-table system went in the main table of its translation, and the
 * rewriting of the one-table system's expressions onto those columns.
 */
final class ColumnMap {
    private final String system;
    /** The main-table column of each source column, by source index; {@code null} for a dropped column. */
    private final Column[] target;

    ColumnMap(String system, Column[] target) {
        this.system = system;
        this.target = target;
    }

    /** The main-table column of {@code source}, or {@code null} if the translation dropped it. */
    Column get(Column source) {
        return target[source.index()];
    }

    /**
     * {@code e} with every cell read from the main table's column of the same name.
     *
     * @throws IllegalArgumentException if {@code e} reads a challenge, an extension column or a
     *     column the translation dropped (a range table's multiplicity, an AUX column): such an
     *     expression has no meaning once the arguments are buses
     */
    Expr rewrite(Expr e, String where) {
        if (e instanceof Expr.Const) {
            return e;
        } else if (e instanceof Expr.Cell c) {
            Column t = target[c.column().index()];
            if (t == null) {
                throw new IllegalArgumentException(system + ": " + where + " reads column " + c.column()
                        + ", which has no counterpart in the table system (an argument's own column)");
            }
            return new Expr.Cell(t, c.next());
        } else if (e instanceof Expr.Add a) {
            return new Expr.Add(rewrite(a.a(), where), rewrite(a.b(), where));
        } else if (e instanceof Expr.Sub s) {
            return new Expr.Sub(rewrite(s.a(), where), rewrite(s.b(), where));
        } else if (e instanceof Expr.Mul m) {
            return new Expr.Mul(rewrite(m.a(), where), rewrite(m.b(), where));
        } else if (e instanceof Expr.Neg n) {
            return new Expr.Neg(rewrite(n.a(), where));
        } else if (e instanceof Expr.Pow p) {
            return new Expr.Pow(rewrite(p.base(), where), p.exponent());
        }
        throw new IllegalArgumentException(system + ": " + where + " reads a challenge or an extension column ("
                + e + "); a table of a table system has neither");
    }

    /** {@link #rewrite} of an optional selector: the constant 1 for none. */
    Expr rewriteSelector(Expr selector, String where) {
        return selector == null ? Expr.constant(1) : rewrite(selector, where);
    }
}
