package dev.zkjvm.circuit.poly;

import static dev.zkjvm.circuit.poly.PolyTestSupport.bigRoot;
import static dev.zkjvm.circuit.poly.PolyTestSupport.naiveDft;
import static dev.zkjvm.circuit.poly.PolyTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.circuit.field.Goldilocks;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NttTest {
    @Test
    void forwardMatchesNaiveDftUpTo1024() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int n = 1; n <= 1024; n <<= 1) {
            long[] x = random(rnd, n);
            long[] a = x.clone();
            Ntt.forward(a);
            assertArrayEquals(naiveDft(x, bigRoot(n), false), a, "n=" + n);
        }
    }

    @Test
    void inverseMatchesNaiveInverseDftUpTo1024() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int n = 1; n <= 1024; n <<= 1) {
            long[] x = random(rnd, n);
            long[] a = x.clone();
            Ntt.inverse(a);
            BigInteger invRoot = bigRoot(n).modInverse(PolyTestSupport.P);
            assertArrayEquals(naiveDft(x, invRoot, true), a, "n=" + n);
        }
    }

    @Test
    void forwardEvaluatesAtPowersOfTheRoot() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 1 << 20;
        long[] c = random(rnd, n);
        long[] e = c.clone();
        Ntt.forward(e);
        long w = TwoAdic.rootOfUnity(20);
        for (int i : new int[] {0, 1, 2, 3, 4095, 4096, 524287, 524288, n - 1, rnd.nextInt(n), rnd.nextInt(n)}) {
            assertEquals(Polynomial.evaluate(c, Goldilocks.pow(w, i)), e[i], "i=" + i);
        }
    }

    @Test
    void inverseUndoesForwardUpTo2To20() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int k = 0; k <= 20; k++) {
            long[] x = random(rnd, 1 << k);
            long[] a = x.clone();
            Ntt.forward(a);
            Ntt.inverse(a);
            assertArrayEquals(x, a, "k=" + k);
            Ntt.inverse(a);
            Ntt.forward(a);
            assertArrayEquals(x, a, "k=" + k + " (inverse first)");
        }
    }

    @Test
    void knownTransforms() {
        int n = 1 << 15;
        long[] delta = new long[n];
        delta[0] = 5;
        Ntt.forward(delta);
        long[] fives = new long[n];
        Arrays.fill(fives, 5);
        assertArrayEquals(fives, delta); // the constant polynomial 5
        long[] x = new long[n];
        x[1] = 1;
        Ntt.forward(x); // p(x) = x evaluates to the subgroup itself
        assertArrayEquals(TwoAdic.powers(TwoAdic.rootOfUnity(15), n), x);
        Ntt.inverse(fives);
        long[] expected = new long[n];
        expected[0] = 5;
        assertArrayEquals(expected, fives);
    }

    @Test
    void transformIsLinear() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n : new int[] {8, 1 << 14, 1 << 17}) {
            long[] x = random(rnd, n);
            long[] y = random(rnd, n);
            long s = random(rnd);
            long[] z = new long[n];
            for (int i = 0; i < n; i++) {
                z[i] = Goldilocks.add(Goldilocks.mul(s, x[i]), y[i]);
            }
            Ntt.forward(x);
            Ntt.forward(y);
            Ntt.forward(z);
            for (int i = 0; i < n; i++) {
                assertEquals(Goldilocks.add(Goldilocks.mul(s, x[i]), y[i]), z[i]);
            }
        }
    }

    @Test
    void batchMatchesSingleColumns() {
        SplittableRandom rnd = new SplittableRandom(6);
        int[] lengths = {1 << 14, 16, 1, 1 << 10, 1 << 14, 2, 4096};
        for (int count : new int[] {1, 2, lengths.length}) {
            long[][] cols = new long[count][];
            long[][] expected = new long[count][];
            for (int c = 0; c < count; c++) {
                cols[c] = random(rnd, lengths[c]);
                expected[c] = cols[c].clone();
                Ntt.forward(expected[c]);
            }
            long[][] original = Arrays.stream(cols).map(long[]::clone).toArray(long[][]::new);
            Ntt.forward(cols);
            for (int c = 0; c < count; c++) {
                assertArrayEquals(expected[c], cols[c], "count=" + count + " column " + c);
            }
            Ntt.inverse(cols);
            for (int c = 0; c < count; c++) {
                assertArrayEquals(original[c], cols[c]);
            }
        }
    }

    @Test
    void concurrentTransformsOfDifferentSizesAgree() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        int tasks = 24;
        List<long[]> inputs = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            long[] x = random(rnd, 1 << (4 + t % 14));
            inputs.add(x);
            long[] e = x.clone();
            Ntt.forward(e);
            expected.add(e);
        }
        ExecutorService ex = Executors.newFixedThreadPool(6);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = tasks - 1; t >= 0; t--) { // largest first, to race the twiddle cache
                long[] x = inputs.get(t).clone();
                results.add(ex.submit(() -> {
                    Ntt.forward(x);
                    return x;
                }));
            }
            for (int t = 0; t < tasks; t++) {
                assertArrayEquals(expected.get(tasks - 1 - t), results.get(t).get());
            }
        } finally {
            ex.shutdown();
        }
    }

    @Test
    void bitReversalMatchesTheDefinition() {
        for (int k = 0; k <= 16; k++) {
            int n = 1 << k;
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
            }
            Ntt.bitReverse(a, n);
            for (int i = 0; i < n; i++) {
                long expected = k == 0 ? 0 : Integer.reverse(i) >>> (32 - k);
                assertEquals(expected, a[i], "k=" + k + " i=" + i);
            }
        }
    }

    @Test
    void inverseToBitReversedGivesScaledCoefficientsInBitReversedOrder() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int k = 0; k <= 15; k++) {
            int n = 1 << k;
            long[] coeffs = random(rnd, n);
            long[] a = coeffs.clone();
            Ntt.forward(a);
            Ntt.inverseToBitReversed(a, n);
            for (int i = 0; i < n; i++) {
                int r = k == 0 ? 0 : Integer.reverse(i) >>> (32 - k);
                assertEquals(Goldilocks.mul(n, coeffs[r]), a[i], "k=" + k + " i=" + i);
            }
        }
    }

    @Test
    void rejectsLengthsThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> Ntt.forward(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> Ntt.forward(new long[3]));
        assertThrows(IllegalArgumentException.class, () -> Ntt.inverse(new long[12]));
        long[] ok = {1, 2, 3, 4};
        assertThrows(IllegalArgumentException.class, () -> Ntt.forward(new long[][] {ok, new long[6]}));
        assertArrayEquals(new long[] {1, 2, 3, 4}, ok); // validated before any work
    }
}
