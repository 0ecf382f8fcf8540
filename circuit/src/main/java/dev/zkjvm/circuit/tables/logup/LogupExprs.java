package dev.zkjvm.circuit.tables.logup;

import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.Interaction;
import java.util.ArrayList;
import java.util.List;

/** The LogUp expressions of interactions, over the challenges α and β given as expressions. */
final class LogupExprs {
    private final Expr alpha;
    private final Expr beta;

    LogupExprs(Expr alpha, Expr beta) {
        this.alpha = alpha;
        this.beta = beta;
    }

    /** {@code D = α - ((b + 1) + Σ_k β^(k+1)·t_k)}. */
    Expr denominator(Interaction in) {
        Expr f = Expr.constant(in.bus().index() + 1);
        for (int k = 0; k < in.tuple().size(); k++) {
            Expr power = k == 0 ? beta : beta.pow(k + 1);
            f = f.add(power.mul(in.tuple().get(k)));
        }
        return alpha.sub(f);
    }

    /** {@code ±m}: the multiplicity, negated for a receive. */
    static Expr signedMultiplicity(Interaction in) {
        return in.direction() == Direction.SEND ? in.multiplicity() : in.multiplicity().neg();
    }

    /** {@code g·Π D_i - Σ_i ±m_i·Π_{k≠i} D_k}. */
    Expr helperIdentity(List<Interaction> group, Expr g) {
        List<Expr> dens = group.stream().map(this::denominator).toList();
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            List<Expr> others = new ArrayList<>(dens);
            others.remove(i);
            terms.add(others.isEmpty() ? signedMultiplicity(group.get(i))
                    : signedMultiplicity(group.get(i)).mul(Expr.product(others)));
        }
        return g.mul(Expr.product(dens)).sub(Expr.sum(terms));
    }

    /** The degree of {@link #helperIdentity} for a group (the helper column has degree 1). */
    int helperDegree(List<Interaction> group) {
        int dens = group.stream().mapToInt(Interaction::tupleDegree).map(d -> Math.max(d, 0)).sum();
        int worst = 1 + dens;
        for (Interaction in : group) {
            worst = Math.max(worst, in.multiplicity().degree() + dens - in.tupleDegree());
        }
        return worst;
    }
}
