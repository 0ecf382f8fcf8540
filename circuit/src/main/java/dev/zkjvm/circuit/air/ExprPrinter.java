package dev.zkjvm.circuit.air;

import dev.zkjvm.circuit.field.Goldilocks;

/**
 * Prints an {@link Expr} as a polynomial with the usual precedence, e.g.
 * {@code is_write' * (addr' - addr)}. Next-row cells carry a prime; constants close to p print
 * as negative numbers.
 */
public final class ExprPrinter {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private ExprPrinter() {
    }

    /** Returns the polynomial text of {@code e}. */
    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb);
        return sb.toString();
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Add || e instanceof Expr.Sub) {
            return SUM;
        }
        if (e instanceof Expr.Mul) {
            return PRODUCT;
        }
        if (e instanceof Expr.Neg) {
            return UNARY;
        }
        if (e instanceof Expr.Pow) {
            return POWER;
        }
        if (e instanceof Expr.Const c && Goldilocks.toSigned(c.value()) < 0) {
            return UNARY;
        }
        return ATOM;
    }

    private static void printOperand(Expr e, int minPrecedence, StringBuilder sb) {
        boolean paren = precedence(e) < minPrecedence;
        if (paren) {
            sb.append('(');
        }
        print(e, sb);
        if (paren) {
            sb.append(')');
        }
    }

    private static void print(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Const c) {
            long v = c.value();
            long s = Goldilocks.toSigned(v);
            sb.append(Math.abs(s) <= (1L << 40) ? Long.toString(s) : Long.toUnsignedString(v));
        } else if (e instanceof Expr.Cell c) {
            sb.append(c.column().name()).append(c.next() ? "'" : "");
        } else if (e instanceof Expr.ExtCell c) {
            sb.append(c.column().name()).append(c.next() ? "'" : "");
        } else if (e instanceof Expr.Chal c) {
            sb.append(c.challenge().name());
        } else if (e instanceof Expr.Add a) {
            printOperand(a.a(), SUM, sb);
            if (a.b() instanceof Expr.Const k && Goldilocks.toSigned(k.value()) < 0) {
                sb.append(" - ");
                print(new Expr.Const(Goldilocks.neg(k.value())), sb);
            } else {
                sb.append(" + ");
                printOperand(a.b(), SUM, sb);
            }
        } else if (e instanceof Expr.Sub s) {
            printOperand(s.a(), SUM, sb);
            sb.append(" - ");
            printOperand(s.b(), PRODUCT, sb);
        } else if (e instanceof Expr.Mul m) {
            printOperand(m.a(), PRODUCT, sb);
            sb.append(" * ");
            printOperand(m.b(), UNARY, sb);
        } else if (e instanceof Expr.Neg n) {
            sb.append('-');
            printOperand(n.a(), POWER, sb);
        } else if (e instanceof Expr.Pow p) {
            printOperand(p.base(), ATOM, sb);
            sb.append('^').append(p.exponent());
        } else {
            throw new IllegalStateException("unknown expression " + e.getClass());
        }
    }
}
