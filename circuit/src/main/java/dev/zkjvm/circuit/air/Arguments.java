package dev.zkjvm.circuit.air;

import java.util.ArrayList;
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

    /**
     * Batched range-lookup identities: one helper per group, then first, step, last (see
     * {@link RangeBatch}).
     */
    static Expr[] rangeBatchIdentities(RangeBatch shape) {
        int groups = shape.groups().size();
        Expr[] out = new Expr[groups + 3];
        List<Expr> helpers = new ArrayList<>();
        List<Expr> nextHelpers = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            ExtColumn g = shape.helpers().get(k);
            out[k] = helperIdentity(shape, shape.groups().get(k), g.cur());
            helpers.add(g.cur());
            nextHelpers.add(g.next());
        }
        Expr h = shape.runningSum().cur();
        Expr t = shape.denominator(shape.table().cur());
        Expr m = shape.multiplicity().cur();
        // (h - Σ g)·T + m = 0  ⇔  h = Σ g - m/T
        out[groups] = h.sub(Expr.sum(helpers)).mul(t).add(m);
        out[groups + 1] = shape.runningSum().next().sub(h).sub(Expr.sum(nextHelpers)).mul(Exprs.toNextRow(t))
                .add(shape.multiplicity().next());
        out[groups + 2] = h;
        return out;
    }

    /** {@code g·Π F_i - Σ_i s_i·Π_{j≠i} F_j}, i.e. {@code g = Σ s_i/F_i} with denominators cleared. */
    private static Expr helperIdentity(RangeBatch shape, List<RangeCheck> group, Expr g) {
        List<Expr> dens = group.stream().map(rc -> shape.denominator(rc.value())).toList();
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            List<Expr> others = new ArrayList<>(dens);
            others.remove(i);
            Expr s = group.get(i).selector();
            Expr product = Expr.product(others);
            terms.add(s == null ? product : others.isEmpty() ? s : s.mul(product));
        }
        return g.mul(Expr.product(dens)).sub(Expr.sum(terms));
    }

    /**
     * The degree of the helper identity of {@code group}: {@code max(1 + Σ deg F_i,
     * max_i(deg s_i + Σ_{j≠i} deg F_j))}, where a helper column has degree 1.
     */
    static int helperDegree(List<RangeCheck> group) {
        int dens = group.stream().mapToInt(rc -> rc.value().degree()).sum();
        int deg = 1 + dens;
        for (RangeCheck rc : group) {
            int s = rc.selector() == null ? 0 : rc.selector().degree();
            deg = Math.max(deg, s + dens - rc.value().degree());
        }
        return deg;
    }

    /**
     * The degree the single-input LogUp step {@code (h'-h)·F·T - s·T + m·F} of {@code rc} would
     * have: what a range check cost before batching, so batching never raises the system's degree.
     */
    static int unbatchedDegree(RangeCheck rc) {
        int s = rc.selector() == null ? 0 : rc.selector().degree();
        return Math.max(rc.value().degree() + 2, s + 1);
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
