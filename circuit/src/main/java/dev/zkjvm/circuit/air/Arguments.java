package dev.zkjvm.circuit.air;

import java.util.List;

/** The expressions shared by the lookup and permutation arguments. */
final class Arguments {
    private Arguments() {
    }

    /** {@code Σ β^j·parts[j]}, or {@code parts[0]} for width 1. */
    static Expr compress(List<Expr> parts, Challenge beta) {
        Expr acc = parts.get(0);
        for (int j = 1; j < parts.size(); j++) {
            Expr coeff = j == 1 ? beta.expr() : beta.expr().pow(j);
            acc = acc.add(coeff.mul(parts.get(j)));
        }
        return acc;
    }

    /** {@code γ - c} or, with a selector s, {@code s·(γ - c - 1) + 1}. */
    static Expr factor(Expr selector, List<Expr> parts, Challenge beta, Challenge gamma) {
        Expr base = gamma.expr().sub(compress(parts, beta));
        if (selector == null) {
            return base;
        }
        return selector.mul(base.sub(1)).add(1);
    }

    /** Lookup identities with denominators cleared. */
    static Expr[] lookupIdentities(Lookup shape) {
        Expr h = shape.runningSum().cur();
        Expr f = shape.inputDenominator();
        Expr t = shape.tableDenominator();
        Expr s = shape.selector();
        Expr m = shape.multiplicity().cur();
        // h·F·T - s·T + m·F = 0  ⇔  h = s/F - m/T
        Expr first = h.mul(f).mul(t).sub(s == null ? t : s.mul(t)).add(m.mul(f));
        Expr fn = Exprs.toNextRow(f);
        Expr tn = Exprs.toNextRow(t);
        Expr mn = shape.multiplicity().next();
        Expr selectedTn = s == null ? tn : Exprs.toNextRow(s).mul(tn);
        Expr step = shape.runningSum().next().sub(h).mul(fn).mul(tn).sub(selectedTn).add(mn.mul(fn));
        Expr last = h;
        return new Expr[] {first, step, last};
    }

    /** Permutation identities. */
    static Expr[] permutationIdentities(Permutation shape) {
        Expr z = shape.product().cur();
        Expr l = shape.leftFactor();
        Expr r = shape.rightFactor();
        Expr first = z.mul(r).sub(l);
        Expr step = shape.product().next().mul(Exprs.toNextRow(r)).sub(z.mul(Exprs.toNextRow(l)));
        Expr last = z.sub(1);
        return new Expr[] {first, step, last};
    }
}
