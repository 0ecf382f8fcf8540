package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.field.Ext2;

/**
 * One table's DEEP quotient, the polynomial that ties its committed columns to their claimed
 * out-of-domain values:
 * <pre>
 *   A_sys(y) = Σ_j γ^j·f_j(y)                 (the table's AIR columns j)
 *   A_all(y) = A_sys(y) + Σ_c γ^(m+c)·h_c(y)   (its composition chunks' base columns c)
 *   D_t(y) = (A_all(y) - A_all(z))/(y - z) + δ·(A_sys(y) - A_sys(z·ω_t))/(y - z·ω_t)
 * </pre>
 * D_t has degree below n_t exactly when (up to the challenges) every claimed value is true. The
 * FRI polynomial is {@code D(x) = Σ_t μ^t·D_t(7^(1-2^s_t)·x^(2^s_t))}, 2^s_t = N/n_t: composing
 * with that map multiplies degrees by 2^s_t, so D has degree below N exactly when every D_t has
 * degree below its n_t, and its value at the FRI domain's point i is D_t's at the table's point
 * {@code i mod n_t·b}.
 */
final class DeepQuotient {
    private DeepQuotient() {
    }

    /** γ^0 .. γ^(count-1). */
    static Ext2[] weights(Ext2 gamma, int count) {
        Ext2[] w = new Ext2[count];
        Ext2 p = Ext2.ONE;
        for (int i = 0; i < count; i++) {
            w[i] = p;
            p = p.mul(gamma);
        }
        return w;
    }

    /**
     * {@code {A_all(z), A_sys(z·ω)}} from a table's claimed values: per AIR column
     * {@code (cur.c0, cur.c1, next.c0, next.c1)}, then per chunk column {@code (c0, c1)} at z.
     */
    static Ext2[] claimedSums(long[] ood, int columns, int chunkColumns, Ext2[] w) {
        Ext2 all = Ext2.ZERO;
        Ext2 sys = Ext2.ZERO;
        for (int j = 0; j < columns; j++) {
            all = all.add(w[j].mul(new Ext2(ood[4 * j], ood[4 * j + 1])));
            sys = sys.add(w[j].mul(new Ext2(ood[4 * j + 2], ood[4 * j + 3])));
        }
        for (int c = 0; c < chunkColumns; c++) {
            int at = 4 * columns + 2 * c;
            all = all.add(w[columns + c].mul(new Ext2(ood[at], ood[at + 1])));
        }
        return new Ext2[] {all, sys};
    }

    /** D_t at the base point y from {@code A_all(y)}, {@code A_sys(y)} and the claimed sums. */
    static Ext2 at(long y, Ext2 all, Ext2 sys, Ext2[] claimed, Ext2 z, Ext2 zw, Ext2 delta) {
        Ext2 first = all.sub(claimed[0]).mul(Ext2.of(y).sub(z).inverse());
        Ext2 second = sys.sub(claimed[1]).mul(Ext2.of(y).sub(zw).inverse());
        return first.add(delta.mul(second));
    }
}
