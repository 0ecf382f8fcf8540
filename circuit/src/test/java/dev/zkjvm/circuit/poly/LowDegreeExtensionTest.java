package dev.zkjvm.circuit.poly;

import static dev.zkjvm.circuit.poly.PolyTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.circuit.field.Goldilocks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LowDegreeExtensionTest {
    /** shift·ω_N^i by exponentiation, independent of the parallel power fill. */
    static long point(int bigN, long shift, int i) {
        return Goldilocks.mul(shift, Goldilocks.pow(TwoAdic.rootOfUnity(TwoAdic.log2(bigN)), i));
    }

    @Test
    void agreesWithHornerAtEveryCosetPoint() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (long shift : new long[] {TwoAdic.GENERATOR, 1, 3, random(rnd)}) {
            for (int n = 1; n <= 256; n <<= 1) {
                for (int blowup = 1; blowup <= 16; blowup <<= 1) {
                    long[] coeffs = random(rnd, n);
                    long[] evals = coeffs.clone();
                    Ntt.forward(evals); // trace values of a random degree < n polynomial
                    long[] lde = LowDegreeExtension.extend(evals, blowup, shift);
                    assertEquals(n * blowup, lde.length);
                    for (int i = 0; i < lde.length; i++) {
                        long x = point(lde.length, shift, i);
                        long expected = n <= 64 ? PolyTestSupport.naiveEval(coeffs, x) : Polynomial.evaluate(coeffs, x);
                        assertEquals(expected, lde[i],
                                "shift=" + shift + " n=" + n + " blowup=" + blowup + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void defaultShiftIsSevenAndCosetAvoidsTheTraceDomain() {
        SplittableRandom rnd = new SplittableRandom(12);
        long[] evals = random(rnd, 64);
        assertArrayEquals(LowDegreeExtension.extend(evals, 4, 7), LowDegreeExtension.extend(evals, 4));
        for (long x : LowDegreeExtension.domain(64, 4, TwoAdic.GENERATOR)) {
            assertNotEquals(0, Polynomial.vanishingOnSubgroup(x, 64));
        }
    }

    @Test
    void largeExtensionAgreesWithHornerAtSampledPoints() {
        SplittableRandom rnd = new SplittableRandom(13);
        int n = 1 << 16;
        long[] coeffs = random(rnd, n);
        long[] evals = coeffs.clone();
        Ntt.forward(evals);
        long[] lde = LowDegreeExtension.extend(evals, 8);
        for (int t = 0; t < 40; t++) {
            int i = t < 8 ? t * (lde.length / 8) + t : rnd.nextInt(lde.length);
            assertEquals(Polynomial.evaluate(coeffs, point(lde.length, 7, i)), lde[i], "i=" + i);
        }
    }

    @Test
    void unitShiftKeepsTheTraceValuesAtEveryBlowupthPoint() {
        SplittableRandom rnd = new SplittableRandom(14);
        long[] evals = random(rnd, 1 << 12);
        long[] lde = LowDegreeExtension.extend(evals, 4, 1);
        for (int i = 0; i < evals.length; i++) {
            assertEquals(evals[i], lde[4 * i]);
        }
    }

    @Test
    void extensionHasDegreeBelowN() {
        // interpolating the coset values back gives coefficients that vanish from index n on
        SplittableRandom rnd = new SplittableRandom(15);
        int n = 1 << 10;
        long shift = TwoAdic.GENERATOR;
        long[] coeffs = random(rnd, n);
        long[] evals = coeffs.clone();
        Ntt.forward(evals);
        long[] lde = LowDegreeExtension.extend(evals, 8, shift);
        Ntt.inverse(lde); // coefficients of q(y) = p(shift·y)
        long invShift = Goldilocks.inverse(shift);
        long s = Goldilocks.ONE;
        for (int i = 0; i < lde.length; i++) {
            long c = Goldilocks.mul(lde[i], s);
            assertEquals(i < n ? coeffs[i] : 0, c, "i=" + i);
            s = Goldilocks.mul(s, invShift);
        }
    }

    @Test
    void batchMatchesSingleColumnsAndIsLinear() {
        SplittableRandom rnd = new SplittableRandom(16);
        int n = 1 << 12;
        long[][] cols = new long[8][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = random(rnd, n);
        }
        long[][] batch = LowDegreeExtension.extend(cols, 8);
        for (int c = 0; c < cols.length; c++) {
            assertArrayEquals(LowDegreeExtension.extend(cols[c], 8), batch[c], "column " + c);
        }
        long s = random(rnd);
        long[] combo = new long[n];
        for (int i = 0; i < n; i++) {
            combo[i] = Goldilocks.add(Goldilocks.mul(s, cols[0][i]), cols[1][i]);
        }
        long[] ext = LowDegreeExtension.extend(combo, 8);
        for (int i = 0; i < ext.length; i++) {
            assertEquals(Goldilocks.add(Goldilocks.mul(s, batch[0][i]), batch[1][i]), ext[i]);
        }
        assertEquals(0, LowDegreeExtension.extend(new long[0][], 4).length);
    }

    @Test
    void extendCoefficientsMatchesExtendFromEvaluations() {
        SplittableRandom rnd = new SplittableRandom(17);
        long[] coeffs = random(rnd, 1 << 13);
        long[] evals = coeffs.clone();
        Ntt.forward(evals);
        long shift = random(rnd);
        assertArrayEquals(LowDegreeExtension.extend(evals, 4, shift),
                LowDegreeExtension.extendCoefficients(coeffs, 4, shift));
    }

    @Test
    void domainListsTheCosetPoints() {
        long[] d = LowDegreeExtension.domain(1 << 10, 16, 7);
        assertEquals(1 << 14, d.length);
        for (int i : new int[] {0, 1, 5, 1000, (1 << 14) - 1}) {
            assertEquals(point(1 << 14, 7, i), d[i]);
        }
    }

    @Test
    void rejectsBadArguments() {
        long[] evals = new long[8];
        assertThrows(IllegalArgumentException.class, () -> LowDegreeExtension.extend(evals, 3));
        assertThrows(IllegalArgumentException.class, () -> LowDegreeExtension.extend(evals, 0));
        assertThrows(IllegalArgumentException.class, () -> LowDegreeExtension.extend(new long[6], 2));
        assertThrows(IllegalArgumentException.class, () -> LowDegreeExtension.extend(evals, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> LowDegreeExtension.extend(evals, 2, Goldilocks.P));
        assertThrows(IllegalArgumentException.class,
                () -> LowDegreeExtension.extend(new long[][] {evals, new long[16]}, 2));
        assertThrows(IllegalArgumentException.class, () -> LowDegreeExtension.extend(new long[1 << 20], 1 << 11));
    }
}
