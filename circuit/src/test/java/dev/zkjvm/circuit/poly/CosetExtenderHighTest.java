package dev.zkjvm.circuit.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.circuit.field.Goldilocks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CosetExtenderHighTest {
    private static long[] random(SplittableRandom rnd, int count) {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
            v[i] = rnd.nextLong(Long.MAX_VALUE);
        }
        return v;
    }

    @Test
    void aPolynomialAboveTheLengthIsEvaluatedOnTheWholeCoset() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int logN : new int[] {0, 1, 3, 6}) {
            for (int logB : new int[] {0, 1, 2, 3}) {
                int n = 1 << logN;
                for (int highLength : new int[] {0, 1, n / 2, n}) {
                    long[] low = random(rnd, n);
                    long[] high = random(rnd, highLength);
                    long[] all = new long[n + highLength];
                    System.arraycopy(low, 0, all, 0, n);
                    System.arraycopy(high, 0, all, n, highLength);
                    int size = n << logB;
                    long[] expected = new long[size];
                    long omega = TwoAdic.rootOfUnity(logN + logB);
                    for (int i = 0; i < size; i++) {
                        expected[i] = Polynomial.evaluate(all, Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omega, i)));
                    }
                    long[] out = new long[size + 3];
                    CosetExtender.ofCoefficients(n, 1 << logB, TwoAdic.GENERATOR).extendInto(low, high, out);
                    assertArrayEquals(expected, java.util.Arrays.copyOf(out, size), "n=" + n + " b=" + (1 << logB)
                            + " high=" + highLength);
                }
            }
        }
    }

    @Test
    void aRandomisedColumnIsTheColumnPlusTheVanishingPolynomialTimesTheRandomiser() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int logN : new int[] {0, 2, 5}) {
            int n = 1 << logN;
            for (int logB : new int[] {0, 2}) {
                for (int h : new int[] {0, 1, n}) {
                    long[] column = random(rnd, n);
                    long[] r = random(rnd, h);
                    long[] coefficients = column.clone();
                    Ntt.inverse(coefficients);
                    int size = n << logB;
                    long omega = TwoAdic.rootOfUnity(logN + logB);
                    long[] expected = new long[size];
                    for (int i = 0; i < size; i++) {
                        long y = Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omega, i));
                        long vanishing = Goldilocks.sub(Goldilocks.pow(y, n), 1);
                        expected[i] = Goldilocks.add(Polynomial.evaluate(coefficients, y),
                                Goldilocks.mul(vanishing, Polynomial.evaluate(r, y)));
                    }
                    long[] out = new long[size];
                    CosetExtender.ofEvaluations(n, 1 << logB, TwoAdic.GENERATOR).extendRandomizedInto(column, r, out);
                    assertArrayEquals(expected, out, "n=" + n + " b=" + (1 << logB) + " h=" + h);
                }
            }
        }
    }

    @Test
    void onlyCoefficientsMayRiseAboveTheLength() {
        CosetExtender e = CosetExtender.ofEvaluations(4, 2, TwoAdic.GENERATOR);
        assertThrows(IllegalStateException.class, () -> e.extendInto(new long[4], new long[1], new long[8]));
        CosetExtender c = CosetExtender.ofCoefficients(4, 2, TwoAdic.GENERATOR);
        assertThrows(IllegalArgumentException.class, () -> c.extendInto(new long[4], new long[5], new long[8]));
    }
}
