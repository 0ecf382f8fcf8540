package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.poly.Polynomial;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;
import java.util.List;

/**
 * The out-of-domain step of a STARK over one trace of n rows, shared by the one-table prover and
 * verifier and the table-system ones. The claimed values are laid out per trace column as its value
 * at z and at z·ω ({@code c0, c1} each: four longs), then per composition chunk column its value at
 * z (two longs).
 */
public final class OutOfDomain {
    private OutOfDomain() {
    }

    /**
     * The values a prover claims: every trace column (evaluations on the n rows) at z and z·ω, then
     * every composition chunk column (coefficients) at z.
     */
    public static long[] values(long[][] columns, long[][] chunkCoefficients, Ext2 z, int logRows) {
        int m = columns.length;
        long[] out = new long[4 * m + 2 * chunkCoefficients.length];
        Barycentric atZ = Barycentric.at(z, logRows);
        Barycentric atZw = atZ.next();
        Parallel.forChunks(m, Parallel.parallelism(), () -> null, (ignored, j) -> {
            Ext2 a = atZ.evaluate(columns[j]);
            Ext2 b = atZw.evaluate(columns[j]);
            out[4 * j] = a.c0();
            out[4 * j + 1] = a.c1();
            out[4 * j + 2] = b.c0();
            out[4 * j + 3] = b.c1();
        });
        for (int h = 0; h < chunkCoefficients.length; h++) {
            Ext2 v = Polynomial.evaluate(chunkCoefficients[h], z);
            out[4 * m + 2 * h] = v.c0();
            out[4 * m + 2 * h + 1] = v.c1();
        }
        return out;
    }

    /**
     * The values at z of polynomials of degree below {@code 2^logRows} given by their values on the
     * coset {@code shift·⟨ω⟩} of that many points (natural order), as (c0, c1) pairs in order.
     */
    public static long[] valuesOnCoset(long[][] columns, long shift, Ext2 z, int logRows) {
        Barycentric at = Barycentric.at(z.mul(Goldilocks.inverse(shift)), logRows);
        long[] out = new long[2 * columns.length];
        Parallel.forChunks(columns.length, Parallel.parallelism(), () -> null, (ignored, c) -> {
            Ext2 v = at.evaluate(columns[c]);
            out[2 * c] = v.c0();
            out[2 * c + 1] = v.c1();
        });
        return out;
    }

    /**
     * {@code Σ w^i·c_i(z)/Z_i(z)} over {@code constraints}, from the claimed values of the first
     * {@code m} trace columns at z and z·ω; Z_i is the vanishing polynomial of constraint i's rows.
     */
    public static Ext2 constraintQuotients(List<Constraint> constraints, long[] ood, int m, int logRows, Ext2 z,
            Ext2[] challenges, Ext2 weight) {
        Ext2[] cur = new Ext2[m];
        Ext2[] next = new Ext2[m];
        for (int j = 0; j < m; j++) {
            cur[j] = new Ext2(ood[4 * j], ood[4 * j + 1]);
            next[j] = new Ext2(ood[4 * j + 2], ood[4 * j + 3]);
        }
        ExprAtPoint at = new ExprAtPoint(cur, next, challenges);
        Ext2 zMinusLast = z.sub(Ext2.of(TwoAdic.inverseRootOfUnity(logRows)));
        Ext2 invEvery = z.pow(1L << logRows).sub(Ext2.ONE).inverse();
        Ext2 invTransition = zMinusLast.mul(invEvery);
        Ext2 invFirst = z.sub(Ext2.ONE).inverse();
        Ext2 invLast = zMinusLast.inverse();
        Ext2 sum = Ext2.ZERO;
        Ext2 power = Ext2.ONE;
        for (Constraint c : constraints) {
            Ext2 inv = switch (c.kind()) {
                case EVERY_ROW -> invEvery;
                case TRANSITION -> invTransition;
                case FIRST_ROW -> invFirst;
                case LAST_ROW -> invLast;
            };
            sum = sum.add(power.mul(at.evaluate(c.expr())).mul(inv));
            power = power.mul(weight);
        }
        return sum;
    }

    /**
     * {@code Σ_j z^(j·n)·(H_j.c0(z) + X·H_j.c1(z))} from the claimed values of the {@code chunks}
     * composition chunks that follow the first {@code m} trace columns.
     */
    public static Ext2 claimedComposition(long[] ood, int m, int chunks, Ext2 zn) {
        Ext2 claimed = Ext2.ZERO;
        Ext2 znj = Ext2.ONE;
        int base = 4 * m;
        for (int j = 0; j < chunks; j++) {
            Ext2 lo = new Ext2(ood[base + 4 * j], ood[base + 4 * j + 1]);
            Ext2 hi = new Ext2(ood[base + 4 * j + 2], ood[base + 4 * j + 3]);
            claimed = claimed.add(znj.mul(lo.add(hi.mul(ExprAtPoint.X))));
            znj = znj.mul(zn);
        }
        return claimed;
    }
}
