package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Ext2Arrays;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;

/**
 * The DEEP composition: the one polynomial that FRI tests, which ties every committed column to
 * its claimed out-of-domain values.
 * <pre>
 *   A_sys(x) = Σ_j γ^j·f_j(x)                (system columns j, by index)
 *   A_all(x) = A_sys(x) + Σ_c γ^(m+c)·h_c(x)  (composition columns c)
 *   D(x) = (A_all(x) - A_all(z)) / (x - z)  +  δ·(A_sys(x) - A_sys(z·ω)) / (x - z·ω)
 * </pre>
 * where {@code A_all(z)} and {@code A_sys(z·ω)} are computed from the claimed values. D is a
 * polynomial of degree below n exactly when (up to negligible probability over γ and δ) every
 * claimed value is the column's true value; FRI checks the degree, and the verifier recomputes D at
 * each queried point from the opened leaves.
 */
final class DeepComposition {
    private DeepComposition() {
    }

    /**
     * The weights γ^0 .. γ^(count-1) as two coordinate arrays.
     */
    static long[][] weights(Ext2 gamma, int count) {
        long[] w0 = new long[count];
        long[] w1 = new long[count];
        Ext2 p = Ext2.ONE;
        for (int i = 0; i < count; i++) {
            w0[i] = p.c0();
            w1[i] = p.c1();
            p = p.mul(gamma);
        }
        return new long[][] {w0, w1};
    }

    /**
     * The value of D at the coset point x from the column sums there: the one formula prover and
     * verifier share.
     */
    static Ext2 combine(Ext2 all, Ext2 sys, Ext2 allAtZ, Ext2 sysAtZw, Ext2 invXMinusZ, Ext2 invXMinusZw,
            Ext2 delta) {
        return all.sub(allAtZ).mul(invXMinusZ).add(delta.mul(sys.sub(sysAtZw).mul(invXMinusZw)));
    }

    /**
     * D on the whole coset, natural order.
     *
     * @param system the system's commitments, each column with its index among the system columns
     * @param columnIndex {@code columnIndex[g][c]}: the system index of column c of commitment g
     * @param composition the composition commitment (its columns weighted after the system's)
     * @param m the number of system columns
     */
    static long[][] evaluate(LdeCommitment[] system, int[][] columnIndex, LdeCommitment composition, int m,
            int logDomain, Ext2 gamma, Ext2 delta, Ext2 z, Ext2 zw, Ext2 allAtZ, Ext2 sysAtZw) {
        long[][] w = weights(gamma, m + composition.width());
        int size = 1 << logDomain;
        long omegaN = TwoAdic.rootOfUnity(logDomain);
        long[] out0 = new long[size];
        long[] out1 = new long[size];
        int block = BlockEvaluator.BLOCK;
        int blocks = (size + block - 1) / block;
        Parallel.forChunks(blocks, Parallel.parallelism(), () -> new long[8][block], (s, chunk) -> {
            int base = chunk * block;
            int len = Math.min(block, size - base);
            long[] sys0 = s[0];
            long[] sys1 = s[1];
            long[] all0 = s[2];
            long[] all1 = s[3];
            java.util.Arrays.fill(sys0, 0, len, 0L);
            java.util.Arrays.fill(sys1, 0, len, 0L);
            for (int g = 0; g < system.length; g++) {
                for (int c = 0; c < system[g].width(); c++) {
                    int j = columnIndex[g][c];
                    accumulate(system[g].column(c), base, len, w[0][j], w[1][j], sys0, sys1);
                }
            }
            System.arraycopy(sys0, 0, all0, 0, len);
            System.arraycopy(sys1, 0, all1, 0, len);
            for (int c = 0; c < composition.width(); c++) {
                accumulate(composition.column(c), base, len, w[0][m + c], w[1][m + c], all0, all1);
            }
            long[] iz0 = s[4];
            long[] iz1 = s[5];
            long[] izw0 = s[6];
            long[] izw1 = s[7];
            long x = Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omegaN, base));
            for (int j = 0; j < len; j++) {
                iz0[j] = Goldilocks.sub(x, z.c0());
                iz1[j] = Goldilocks.neg(z.c1());
                izw0[j] = Goldilocks.sub(x, zw.c0());
                izw1[j] = Goldilocks.neg(zw.c1());
                x = Goldilocks.mul(x, omegaN);
            }
            Ext2Arrays.batchInverseInPlace(iz0, iz1, 0, len);
            Ext2Arrays.batchInverseInPlace(izw0, izw1, 0, len);
            long az0 = allAtZ.c0();
            long az1 = allAtZ.c1();
            long sw0 = sysAtZw.c0();
            long sw1 = sysAtZw.c1();
            for (int j = 0; j < len; j++) {
                long a0 = Goldilocks.sub(all0[j], az0);
                long a1 = Goldilocks.sub(all1[j], az1);
                long b0 = Goldilocks.sub(sys0[j], sw0);
                long b1 = Goldilocks.sub(sys1[j], sw1);
                long p0 = Ext2.mulC0(a0, a1, iz0[j], iz1[j]);
                long p1 = Ext2.mulC1(a0, a1, iz0[j], iz1[j]);
                long q0 = Ext2.mulC0(b0, b1, izw0[j], izw1[j]);
                long q1 = Ext2.mulC1(b0, b1, izw0[j], izw1[j]);
                long r0 = Ext2.mulC0(q0, q1, delta.c0(), delta.c1());
                long r1 = Ext2.mulC1(q0, q1, delta.c0(), delta.c1());
                out0[base + j] = Goldilocks.add(p0, r0);
                out1[base + j] = Goldilocks.add(p1, r1);
            }
        });
        return new long[][] {out0, out1};
    }

    private static void accumulate(long[] values, int from, int len, long w0, long w1, long[] acc0, long[] acc1) {
        for (int j = 0; j < len; j++) {
            long v = values[from + j];
            acc0[j] = Goldilocks.add(acc0[j], Goldilocks.mul(w0, v));
            acc1[j] = Goldilocks.add(acc1[j], Goldilocks.mul(w1, v));
        }
    }
}
