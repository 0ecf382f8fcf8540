package dev.zkjvm.circuit.air;

import dev.zkjvm.circuit.field.Goldilocks;
import java.util.List;

/**
 * A polynomial expression over the cells of a row and the next row, as plain data.
 *
 * <p>Constraints are such expressions that must evaluate to zero, so the checker and, later, a
 * STARK prover read the very same objects. An expression is base-field valued unless it reads an
 * {@link ExtColumn} or a {@link Challenge}, in which case it is GF(p²) valued
 * ({@link #isExtension()}) and "zero" means both coordinates are zero.
 *
 * <p>Build expressions with {@link Column#cur()}, {@link Column#next()}, {@link #constant(long)}
 * and the combinators {@link #add}, {@link #sub}, {@link #mul}, {@link #neg}, {@link #pow}.
 * Records compare structurally, which the compiler uses to share common subexpressions.
 */
public sealed interface Expr permits Expr.Const, Expr.Cell, Expr.ExtCell, Expr.Chal, Expr.Add, Expr.Sub,
        Expr.Mul, Expr.Neg, Expr.Pow {

    /** The largest exponent accepted by {@link #pow(int)}. */
    int MAX_POW = 64;

    /** The total degree in the cells (constants and challenges have degree 0). */
    int degree();

    /** Whether the value lies in GF(p²) rather than the base field. */
    boolean isExtension();

    /** Whether some cell is read at the next row. */
    boolean readsNextRow();

    /** {@code this + o}. */
    default Expr add(Expr o) {
        return new Add(this, o);
    }

    /** {@code this + c} for a signed constant c. */
    default Expr add(long c) {
        return new Add(this, constant(c));
    }

    /** {@code this - o}. */
    default Expr sub(Expr o) {
        return new Sub(this, o);
    }

    /** {@code this - c} for a signed constant c. */
    default Expr sub(long c) {
        return new Sub(this, constant(c));
    }

    /** {@code this · o}. */
    default Expr mul(Expr o) {
        return new Mul(this, o);
    }

    /** {@code this · c} for a signed constant c. */
    default Expr mul(long c) {
        return new Mul(this, constant(c));
    }

    /** {@code -this}. */
    default Expr neg() {
        return new Neg(this);
    }

    /** {@code this^e} for 1 &le; e &le; {@link #MAX_POW}. */
    default Expr pow(int e) {
        return new Pow(this, e);
    }

    /** A constant given as a signed value: {@code constant(-1)} is p - 1. */
    static Expr constant(long signed) {
        return new Const(Goldilocks.fromSigned(signed));
    }

    /** The sum of the terms (0 for none). */
    static Expr sum(List<? extends Expr> terms) {
        Expr acc = null;
        for (Expr t : terms) {
            acc = acc == null ? t : acc.add(t);
        }
        return acc == null ? constant(0) : acc;
    }

    /** The product of the factors (1 for none). */
    static Expr product(List<? extends Expr> factors) {
        Expr acc = null;
        for (Expr f : factors) {
            acc = acc == null ? f : acc.mul(f);
        }
        return acc == null ? constant(1) : acc;
    }

    /**
     * A constant field element.
     *
     * @param value canonical element in [0, p)
     */
    record Const(long value) implements Expr {
        /** Validates the value. */
        public Const {
            if (!Goldilocks.isCanonical(value)) {
                throw new IllegalArgumentException("constant not canonical: " + Long.toUnsignedString(value));
            }
        }

        @Override
        public int degree() {
            return 0;
        }

        @Override
        public boolean isExtension() {
            return false;
        }

        @Override
        public boolean readsNextRow() {
            return false;
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A base column read at the current row or the next row.
     *
     * @param column the column
     * @param next true for the next row (printed with a prime: {@code addr'})
     */
    record Cell(Column column, boolean next) implements Expr {
        @Override
        public int degree() {
            return 1;
        }

        @Override
        public boolean isExtension() {
            return false;
        }

        @Override
        public boolean readsNextRow() {
            return next;
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * An extension-field column read at the current or the next row.
     *
     * @param column the column pair
     * @param next true for the next row
     */
    record ExtCell(ExtColumn column, boolean next) implements Expr {
        @Override
        public int degree() {
            return 1;
        }

        @Override
        public boolean isExtension() {
            return true;
        }

        @Override
        public boolean readsNextRow() {
            return next;
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A challenge (a GF(p²) constant known only after the MAIN commitment).
     *
     * @param challenge the challenge
     */
    record Chal(Challenge challenge) implements Expr {
        @Override
        public int degree() {
            return 0;
        }

        @Override
        public boolean isExtension() {
            return true;
        }

        @Override
        public boolean readsNextRow() {
            return false;
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A sum.
     *
     * @param a left term
     * @param b right term
     */
    record Add(Expr a, Expr b) implements Expr {
        @Override
        public int degree() {
            return Math.max(a.degree(), b.degree());
        }

        @Override
        public boolean isExtension() {
            return a.isExtension() || b.isExtension();
        }

        @Override
        public boolean readsNextRow() {
            return a.readsNextRow() || b.readsNextRow();
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A difference.
     *
     * @param a minuend
     * @param b subtrahend
     */
    record Sub(Expr a, Expr b) implements Expr {
        @Override
        public int degree() {
            return Math.max(a.degree(), b.degree());
        }

        @Override
        public boolean isExtension() {
            return a.isExtension() || b.isExtension();
        }

        @Override
        public boolean readsNextRow() {
            return a.readsNextRow() || b.readsNextRow();
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A product.
     *
     * @param a left factor
     * @param b right factor
     */
    record Mul(Expr a, Expr b) implements Expr {
        @Override
        public int degree() {
            return a.degree() + b.degree();
        }

        @Override
        public boolean isExtension() {
            return a.isExtension() || b.isExtension();
        }

        @Override
        public boolean readsNextRow() {
            return a.readsNextRow() || b.readsNextRow();
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A negation.
     *
     * @param a the operand
     */
    record Neg(Expr a) implements Expr {
        @Override
        public int degree() {
            return a.degree();
        }

        @Override
        public boolean isExtension() {
            return a.isExtension();
        }

        @Override
        public boolean readsNextRow() {
            return a.readsNextRow();
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A small power.
     *
     * @param base the base
     * @param exponent 1..{@link #MAX_POW}
     */
    record Pow(Expr base, int exponent) implements Expr {
        /** Validates the exponent. */
        public Pow {
            if (exponent < 1 || exponent > MAX_POW) {
                throw new IllegalArgumentException("exponent must be in 1.." + MAX_POW + ": " + exponent);
            }
        }

        @Override
        public int degree() {
            return base.degree() * exponent;
        }

        @Override
        public boolean isExtension() {
            return base.isExtension();
        }

        @Override
        public boolean readsNextRow() {
            return base.readsNextRow();
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }
}
