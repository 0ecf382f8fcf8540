package dev.zkjvm.circuit.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DotProductsTest {
    private static final BigInteger P = unsigned(Goldilocks.P);

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    private static long expected(long[] v, long[] w) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < v.length; i++) {
            sum = sum.add(unsigned(v[i]).multiply(unsigned(w[i])));
        }
        return sum.mod(P).longValue();
    }

    private static void check(long[] v, long[] w0, long[] w1) {
        Ext2 got = DotProducts.dot(v, w0, w1);
        assertEquals(expected(v, w0), got.c0(), "c0");
        assertEquals(expected(v, w1), got.c1(), "c1");
        // the same sum read across columns at one point, the weights from an offset
        long[][] columns = new long[v.length][];
        long[] shifted0 = new long[v.length + 2];
        long[] shifted1 = new long[v.length + 2];
        for (int j = 0; j < v.length; j++) {
            columns[j] = new long[] {Goldilocks.P - 1, v[j]};
            shifted0[j + 2] = w0[j];
            shifted1[j + 2] = w1[j];
        }
        long[] out = new long[2];
        DotProducts.dotAt(columns, 1, shifted0, shifted1, 2, out);
        assertEquals(got.c0(), out[0], "dotAt c0");
        assertEquals(got.c1(), out[1], "dotAt c1");
    }

    @Test
    void matchesBigIntegerOnRandomCanonicalValues() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int len : new int[] {0, 1, 2, 3, 17, 1000}) {
            long[] v = new long[len];
            long[] w0 = new long[len];
            long[] w1 = new long[len];
            for (int i = 0; i < len; i++) {
                v[i] = Goldilocks.reduce128(0, rnd.nextLong());
                w0[i] = Goldilocks.reduce128(0, rnd.nextLong());
                w1[i] = rnd.nextInt(1 << 16);
            }
            check(v, w0, w1);
        }
    }

    @Test
    void countsCarriesOutOfTheHighWord() {
        // (p-1)^2 is just below 2^128: every few products carry out of the high word
        int len = 100_000;
        long[] big = new long[len];
        Arrays.fill(big, Goldilocks.P - 1);
        long[] mixed = new long[len];
        for (int i = 0; i < len; i++) {
            mixed[i] = i % 3 == 0 ? Goldilocks.P - 1 : (i % 3 == 1 ? Long.MIN_VALUE : 1L << 63 - 1);
        }
        check(big, big, mixed);
        check(mixed, big, big);
    }

    @Test
    void blockSumsMatchBigIntegerAndClear() {
        SplittableRandom rnd = new SplittableRandom(11);
        int len = 37;
        int terms = 500;
        DotProducts.Sums sums = new DotProducts.Sums(64);
        for (int round = 0; round < 2; round++) {
            sums.clear(len);
            BigInteger[] want = new BigInteger[len];
            Arrays.fill(want, BigInteger.ZERO);
            for (int t = 0; t < terms; t++) {
                long c = t % 4 == 0 ? Goldilocks.P - 1 : Goldilocks.reduce128(0, rnd.nextLong());
                long[] x = new long[len + 5];
                for (int k = 0; k < x.length; k++) {
                    x[k] = t % 3 == 0 ? Goldilocks.P - 1 : Goldilocks.reduce128(0, rnd.nextLong());
                }
                sums.mulAdd(c, x, 5, len);
                for (int k = 0; k < len; k++) {
                    want[k] = want[k].add(unsigned(c).multiply(unsigned(x[5 + k])));
                }
            }
            for (int k = 0; k < len; k++) {
                assertEquals(want[k].mod(P).longValue(), sums.get(k), "sum " + k + " in round " + round);
            }
        }
    }

    @Test
    void shortWeightsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DotProducts.dot(new long[3], new long[2], new long[3]));
    }
}
