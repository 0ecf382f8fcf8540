package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;

/**
 * Folding by a factor k, shared by prover and verifier so that both compute exactly the same map.
 *
 * <p>Write {@code f(X) = Σ_{r<k} X^r·f_r(X^k)}. The fold with challenge α is
 * {@code f'(Y) = Σ_r α^r·f_r(Y)}, of degree below {@code d/k} when f has degree below d. From the
 * k values {@code v_t = f(x·ζ^t)} (ζ a primitive k-th root of unity) one recovers
 * {@code g_r = x^r·f_r(x^k) = (1/k)·Σ_t ζ^(-rt)·v_t} (an inverse DFT of size k), hence
 * {@code f'(x^k) = Σ_r (α/x)^r·g_r}. A row is stored interleaved: {@code v[2t] + v[2t+1]·x}.
 */
final class FriFolding {
    private static final int GRAIN = 1 << 12;

    private FriFolding() {
    }

    /**
     * The constants of {@link #foldRow} for a factor k.
     *
     * @param zetaInv {@code ζ^(-t)} for t &lt; k/2, ζ the primitive k-th root of unity
     * @param kInv 1/k
     */
    record Twiddles(long[] zetaInv, long kInv) {
        static Twiddles of(int k) {
            long root = TwoAdic.inverseRootOfUnity(Integer.numberOfTrailingZeros(k));
            long[] powers = new long[Math.max(1, k / 2)];
            powers[0] = 1;
            for (int t = 1; t < powers.length; t++) {
                powers[t] = Goldilocks.mul(powers[t - 1], root);
            }
            return new Twiddles(powers, Goldilocks.inverse(k));
        }
    }

    /**
     * Folds one row, as log2(k) folds by two: with {@code f(X) = e(X²) + X·o(X²)}, the values at y and
     * -y give {@code e + α·o = ((u + v) + α·y⁻¹·(u - v))/2}; the k values (points {@code x·ζ^t})
     * pair as t and t + k/2, the halves' points are the squares, and the next fold takes α². The
     * composite map is the fold by k described above (its rounds collect
     * {@code f_0 + α·f_1 + α²·f_2 + ...}), at about half the multiplications of the size-k inverse
     * DFT; the halvings are applied once, as 1/k, at the end.
     *
     * @param row the k values, interleaved (c0, c1) per value, canonical (not modified)
     * @param scratch 2k longs of work space (may be {@code row} itself when the caller no longer needs it)
     * @param xInv {@code 1/x} for the row's first point x
     * @param out receives the folded value: out[0] + out[1]·x
     */
    static void foldRow(long[] row, int k, Twiddles twiddles, long xInv, long a0, long a1, long[] scratch,
            long[] out) {
        if (scratch != row) {
            System.arraycopy(row, 0, scratch, 0, 2 * k);
        }
        long xi = xInv;
        long b0 = a0;
        long b1 = a1;
        for (int n = k; n > 1; n >>= 1) {
            int half = n >> 1;
            int step = k / n;
            for (int t = 0; t < half; t++) {
                long yInv = t == 0 ? xi : Goldilocks.mul(xi, twiddles.zetaInv()[t * step]);
                long c0 = Goldilocks.mul(b0, yInv);
                long c1 = Goldilocks.mul(b1, yInv);
                int u = 2 * t;
                int v = 2 * (t + half);
                long d0 = Goldilocks.sub(scratch[u], scratch[v]);
                long d1 = Goldilocks.sub(scratch[u + 1], scratch[v + 1]);
                long s0 = Goldilocks.add(scratch[u], scratch[v]);
                long s1 = Goldilocks.add(scratch[u + 1], scratch[v + 1]);
                scratch[u] = Goldilocks.add(s0, Ext2.mulC0(d0, d1, c0, c1));
                scratch[u + 1] = Goldilocks.add(s1, Ext2.mulC1(d0, d1, c0, c1));
            }
            xi = Goldilocks.mul(xi, xi);
            long sq0 = Ext2.mulC0(b0, b1, b0, b1);
            long sq1 = Ext2.mulC1(b0, b1, b0, b1);
            b0 = sq0;
            b1 = sq1;
        }
        out[0] = Goldilocks.mul(scratch[0], twiddles.kInv());
        out[1] = Goldilocks.mul(scratch[1], twiddles.kInv());
    }

    /**
     * Folds a whole committed layer.
     *
     * @param columns the layer in row form: 2k columns of {@code rows} values
     * @param logSize log2 of the layer's domain size
     * @param shift the layer's coset shift
     * @param dest receives output value j at {@code dest[2·(j / destRows)] [j % destRows]} (c0) and
     *     the next column (c1); with {@code destRows = rows} this is two flat arrays
     */
    static void foldLayer(long[][] columns, int k, int logSize, long shift, Ext2 alpha, long[][] dest, int destRows) {
        int rows = columns[0].length;
        Twiddles twiddles = Twiddles.of(k);
        long omegaInv = TwoAdic.inverseRootOfUnity(logSize);
        long shiftInv = Goldilocks.inverse(shift);
        long a0 = alpha.c0();
        long a1 = alpha.c1();
        Parallel.forRange(rows, GRAIN, (from, to) -> {
            long[] row = new long[2 * k];
            long[] out = new long[2];
            long xInv = Goldilocks.mul(shiftInv, Goldilocks.pow(omegaInv, from));
            for (int j = from; j < to; j++) {
                for (int c = 0; c < 2 * k; c++) {
                    row[c] = columns[c][j];
                }
                foldRow(row, k, twiddles, xInv, a0, a1, row, out);
                int col = 2 * (j / destRows);
                int at = j % destRows;
                dest[col][at] = out[0];
                dest[col + 1][at] = out[1];
                xInv = Goldilocks.mul(xInv, omegaInv);
            }
        });
    }
}
