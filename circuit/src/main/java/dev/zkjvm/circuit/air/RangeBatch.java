package dev.zkjvm.circuit.air;

import java.util.List;

/**
 * All range checks of one width, proven by one batched LogUp argument into the FIXED table
 * {@code range<bits>} (values 0..2^bits-1).
 *
 * <p>The inputs are split into groups; group k has an AUX extension column {@code g_k} with
 * {@code g_k = Σ_{i ∈ G_k} s_i/(α - f_i)} (s_i the input's selector, f_i its value). One MAIN
 * multiplicity column m counts how often each table value is looked up by any input, and one AUX
 * running sum h accumulates {@code Σ_k g_k - m/(α - t)} row by row, so that
 * {@code h[n-1] = Σ_rows Σ_i s_i/(α - f_i) - Σ_rows m/(α - t)} must be zero. The identities, with
 * denominators cleared ({@code F_i = α - f_i}, {@code T = α - t}):
 * <ul>
 *   <li>{@code name.g[k]} (every row): {@code g_k·Π_{i∈G_k} F_i - Σ_{i∈G_k} s_i·Π_{j∈G_k, j≠i} F_j}</li>
 *   <li>{@code name.first} (row 0): {@code (h - Σ_k g_k)·T + m}</li>
 *   <li>{@code name.step} (transition): {@code (h' - h - Σ_k g_k')·T' + m'}</li>
 *   <li>{@code name.last} (last row): {@code h}</li>
 * </ul>
 * Groups are as large as the system's maximum degree allows (see docs/constraints.md).
 *
 * @param name the argument's name, {@code range<bits>}
 * @param bits the width of the range
 * @param table the FIXED range column
 * @param multiplicity MAIN column m
 * @param groups the inputs, group by group
 * @param helpers AUX extension column g_k of each group, parallel to {@code groups}
 * @param runningSum AUX extension column h
 * @param alpha the challenge α
 * @param constraints the generated constraints: one per group, then first, step, last
 */
public record RangeBatch(String name, int bits, Column table, Column multiplicity, List<List<RangeCheck>> groups,
        List<ExtColumn> helpers, ExtColumn runningSum, Challenge alpha, List<Constraint> constraints) {

    /** Copies the lists. */
    public RangeBatch {
        groups = groups.stream().map(List::copyOf).toList();
        helpers = List.copyOf(helpers);
        constraints = List.copyOf(constraints);
    }

    /** Every input, in group order. */
    public List<RangeCheck> inputs() {
        return groups.stream().flatMap(List::stream).toList();
    }

    /** The number of table values, {@code 2^bits}. */
    public int size() {
        return 1 << bits;
    }

    /** {@code α - f} for an input or table expression {@code f} at the current row. */
    public Expr denominator(Expr f) {
        return alpha.expr().sub(f);
    }

    /** The helper constraint of group {@code k}. */
    public Constraint helperConstraint(int k) {
        return constraints.get(k);
    }

    /** The step constraint (transition). */
    public Constraint stepConstraint() {
        return constraints.get(groups.size() + 1);
    }
}
