package dev.zkjvm.circuit.air;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Structural helpers over {@link Expr} trees. */
public final class Exprs {
    private Exprs() {
    }

    /** Calls {@code visitor} on every node of {@code e}, parents before children. */
    public static void visit(Expr e, Consumer<Expr> visitor) {
        visitor.accept(e);
        if (e instanceof Expr.Add a) {
            visit(a.a(), visitor);
            visit(a.b(), visitor);
        } else if (e instanceof Expr.Sub s) {
            visit(s.a(), visitor);
            visit(s.b(), visitor);
        } else if (e instanceof Expr.Mul m) {
            visit(m.a(), visitor);
            visit(m.b(), visitor);
        } else if (e instanceof Expr.Neg n) {
            visit(n.a(), visitor);
        } else if (e instanceof Expr.Pow p) {
            visit(p.base(), visitor);
        }
    }

    /**
     * Returns the same expression read one row further: every current-row cell becomes a
     * next-row cell.
     *
     * @throws IllegalArgumentException if {@code e} already reads the next row
     */
    public static Expr toNextRow(Expr e) {
        if (e instanceof Expr.Cell c) {
            if (c.next()) {
                throw new IllegalArgumentException("already reads the next row: " + e);
            }
            return new Expr.Cell(c.column(), true);
        } else if (e instanceof Expr.ExtCell c) {
            if (c.next()) {
                throw new IllegalArgumentException("already reads the next row: " + e);
            }
            return new Expr.ExtCell(c.column(), true);
        } else if (e instanceof Expr.Add a) {
            return new Expr.Add(toNextRow(a.a()), toNextRow(a.b()));
        } else if (e instanceof Expr.Sub s) {
            return new Expr.Sub(toNextRow(s.a()), toNextRow(s.b()));
        } else if (e instanceof Expr.Mul m) {
            return new Expr.Mul(toNextRow(m.a()), toNextRow(m.b()));
        } else if (e instanceof Expr.Neg n) {
            return new Expr.Neg(toNextRow(n.a()));
        } else if (e instanceof Expr.Pow p) {
            return new Expr.Pow(toNextRow(p.base()), p.exponent());
        }
        return e; // constants and challenges
    }

    /**
     * The base-column cells an expression reads, in order of first appearance; an extension
     * cell contributes both of its coordinate columns.
     */
    public static Set<Expr.Cell> cells(Expr e) {
        Set<Expr.Cell> out = new LinkedHashSet<>();
        visit(e, n -> {
            if (n instanceof Expr.Cell c) {
                out.add(c);
            } else if (n instanceof Expr.ExtCell c) {
                out.add(new Expr.Cell(c.column().c0(), c.next()));
                out.add(new Expr.Cell(c.column().c1(), c.next()));
            }
        });
        return out;
    }

    /** The challenges an expression reads. */
    public static Set<Challenge> challenges(Expr e) {
        Set<Challenge> out = new LinkedHashSet<>();
        visit(e, n -> {
            if (n instanceof Expr.Chal c) {
                out.add(c.challenge());
            }
        });
        return out;
    }
}
