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

    /** {@code table[r·k + t] = ζ^(-rt) / k}: the inverse DFT of size k with the 1/k folded in. */
    static long[] inverseDftTable(int k) {
        long zetaInv = TwoAdic.inverseRootOfUnity(Integer.numberOfTrailingZeros(k));
        long kInv = Goldilocks.inverse(k);
        long[] table = new long[k * k];
        for (int r = 0; r < k; r++) {
            for (int t = 0; t < k; t++) {
                table[r * k + t] = Goldilocks.mul(kInv, Goldilocks.pow(zetaInv, (long) r * t % k));
            }
        }
        return table;
    }

    /**
     * Folds one row.
     *
     * @param row the k values, interleaved (c0, c1) per value, canonical
     * @param xInv {@code 1/x} for the row's first point x
     * @param out receives the folded value: out[0] + out[1]·x
     */
    static void foldRow(long[] row, int k, long[] table, long xInv, long a0, long a1, long[] out) {
        long b0 = Goldilocks.mul(a0, xInv);
        long b1 = Goldilocks.mul(a1, xInv);
        long acc0 = 0;
        long acc1 = 0;
        // Horner over r from k-1 down to 0, computing each g_r on the fly.
        for (int r = k - 1; r >= 0; r--) {
            long g0 = 0;
            long g1 = 0;
            for (int t = 0; t < k; t++) {
                long c = table[r * k + t];
                g0 = Goldilocks.add(g0, Goldilocks.mul(c, row[2 * t]));
                g1 = Goldilocks.add(g1, Goldilocks.mul(c, row[2 * t + 1]));
            }
            long m0 = Ext2.mulC0(acc0, acc1, b0, b1);
            long m1 = Ext2.mulC1(acc0, acc1, b0, b1);
            acc0 = Goldilocks.add(m0, g0);
            acc1 = Goldilocks.add(m1, g1);
        }
        out[0] = acc0;
        out[1] = acc1;
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
        long[] table = inverseDftTable(k);
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
                foldRow(row, k, table, xInv, a0, a1, out);
                int col = 2 * (j / destRows);
                int at = j % destRows;
                dest[col][at] = out[0];
                dest[col + 1][at] = out[1];
                xInv = Goldilocks.mul(xInv, omegaInv);
            }
        });
    }
}
