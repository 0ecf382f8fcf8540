package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Ext2Arrays;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.poly.CosetExtender;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;

/**
 * The DEEP composition: the one polynomial that FRI tests, which ties every committed column to
 * its claimed out-of-domain values.
 * <pre>
 *   A_sys(x) = Σ_j w_j·f_j(x)                (system columns j, by index)
 *   A_all(x) = A_sys(x) + Σ_c w_(m+c)·h_c(x)  (composition columns c)
 *   D(x) = (A_all(x) - A_all(z)) / (x - z)  +  δ·(A_sys(x) - A_sys(z·ω)) / (x - z·ω)
 * </pre>
 * where {@code A_all(z)} and {@code A_sys(z·ω)} are computed from the claimed values. D is a
 * polynomial of degree below n exactly when (up to negligible probability over the weights w and δ, independent challenges) every
 * claimed value is the column's true value; FRI checks the degree, and the verifier recomputes D at
 * each queried point from the opened leaves.
 */
final class DeepComposition {
    private DeepComposition() {
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
     * <p>{@code A_sys} is linear in the columns, so it is combined once on the n trace rows and
     * that one GF(p²) column is extended, instead of combining every extended column at all N
     * points: the same values (the extension is linear too), about a quarter of the reads and
     * products. The composition columns, known as coefficients, are few and added on the coset.
     *
     * @param trace {@code trace[j]}: system column j's n values on the trace domain
     * @param composition the composition commitment (its columns weighted after the system's)
     * @param blowup N / n
     */
    static long[][] evaluate(long[][] trace, LdeCommitment composition, int blowup, int logDomain, long[][] w,
            Ext2 delta, Ext2 z, Ext2 zw, Ext2 allAtZ, Ext2 sysAtZw) {
        int m = trace.length;
        long[][] sys = extendedSystemSum(trace, w, blowup);
        long[] sys0 = sys[0];
        long[] sys1 = sys[1];
        int size = 1 << logDomain;
        long omegaN = TwoAdic.rootOfUnity(logDomain);
        long[] out0 = new long[size];
        long[] out1 = new long[size];
        int block = BlockEvaluator.BLOCK;
        int blocks = (size + block - 1) / block;
        Parallel.forChunks(blocks, Parallel.parallelism(), () -> new long[6][block], (s, chunk) -> {
            int base = chunk * block;
            int len = Math.min(block, size - base);
            long[] all0 = s[0];
            long[] all1 = s[1];
            System.arraycopy(sys0, base, all0, 0, len);
            System.arraycopy(sys1, base, all1, 0, len);
            for (int c = 0; c < composition.width(); c++) {
                accumulate(composition.column(c), base, len, w[0][m + c], w[1][m + c], all0, all1);
            }
            long[] iz0 = s[2];
            long[] iz1 = s[3];
            long[] izw0 = s[4];
            long[] izw1 = s[5];
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
                long b0 = Goldilocks.sub(sys0[base + j], sw0);
                long b1 = Goldilocks.sub(sys1[base + j], sw1);
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

    /**
     * {@code A_sys} on the coset: {@code Σ_j w_j·trace[j]} on the n rows (row blocks in parallel),
     * then its two coordinates extended (one per worker).
     */
    private static long[][] extendedSystemSum(long[][] trace, long[][] w, int blowup) {
        int n = trace[0].length;
        long[] rows0 = new long[n];
        long[] rows1 = new long[n];
        int block = BlockEvaluator.BLOCK;
        Parallel.forRange((n + block - 1) / block, 1, (from, to) -> {
            for (int b = from; b < to; b++) {
                int base = b * block;
                int len = Math.min(block, n - base);
                for (int j = 0; j < trace.length; j++) {
                    accumulateInto(trace[j], base, len, w[0][j], w[1][j], rows0, rows1);
                }
            }
        });
        CosetExtender extender = CosetExtender.ofEvaluations(n, blowup, TwoAdic.GENERATOR);
        long[][] rows = {rows0, rows1};
        long[][] out = new long[2][];
        Parallel.forChunks(2, Parallel.parallelism(), () -> null, (ignored, c) -> out[c] = extender.extend(rows[c]));
        return out;
    }

    /** {@code acc[j] += w·values[from + j]} for j in [0, len). */
    private static void accumulate(long[] values, int from, int len, long w0, long w1, long[] acc0, long[] acc1) {
        for (int j = 0; j < len; j++) {
            long v = values[from + j];
            acc0[j] = Goldilocks.add(acc0[j], Goldilocks.mul(w0, v));
            acc1[j] = Goldilocks.add(acc1[j], Goldilocks.mul(w1, v));
        }
    }

    /** {@code acc[i] += w·values[i]} for i in [from, from + len). */
    private static void accumulateInto(long[] values, int from, int len, long w0, long w1, long[] acc0,
            long[] acc1) {
        for (int i = from, end = from + len; i < end; i++) {
            long v = values[i];
            acc0[i] = Goldilocks.add(acc0[i], Goldilocks.mul(w0, v));
            acc1[i] = Goldilocks.add(acc1[i], Goldilocks.mul(w1, v));
        }
    }
}
