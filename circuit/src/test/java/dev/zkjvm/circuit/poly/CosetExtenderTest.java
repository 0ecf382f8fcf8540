package dev.zkjvm.circuit.poly;

import static dev.zkjvm.circuit.poly.PolyTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CosetExtenderTest {
    /** The extension by exponentiation and Horner, independent of the in-place spreading. */
    private static long[] expected(long[] coeffs, int blowup, long shift) {
        int size = coeffs.length * blowup;
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = Polynomial.evaluate(coeffs, LowDegreeExtensionTest.point(size, shift, i));
        }
        return out;
    }

    @Test
    void writesTheExtensionOfEvaluationsAndOfCoefficientsIntoTheCallersArray() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (long shift : new long[] {TwoAdic.GENERATOR, 1, random(rnd)}) {
            for (int n = 1; n <= 1 << 10; n <<= 3) {
                for (int blowup = 1; blowup <= 8; blowup <<= 1) {
                    long[] coeffs = random(rnd, n);
                    long[] evals = coeffs.clone();
                    Ntt.forward(evals);
                    long[] want = expected(coeffs, blowup, shift);
                    String where = "n=" + n + " blowup=" + blowup + " shift=" + shift;
                    long[] out = new long[n * blowup + 3];
                    Arrays.fill(out, 42); // garbage the extender must overwrite (and keep past N)
                    CosetExtender.ofEvaluations(n, blowup, shift).extendInto(evals, out);
                    assertArrayEquals(want, Arrays.copyOf(out, n * blowup), where);
                    assertArrayEquals(new long[] {42, 42, 42}, Arrays.copyOfRange(out, n * blowup, out.length), where);
                    Arrays.fill(out, 7);
                    CosetExtender.ofCoefficients(n, blowup, shift).extendInto(coeffs, out);
                    assertArrayEquals(want, Arrays.copyOf(out, n * blowup), where);
                }
            }
        }
    }

    @Test
    void leavesItsInputAloneAndAgreesWithLowDegreeExtension() {
        SplittableRandom rnd = new SplittableRandom(32);
        long[] evals = random(rnd, 1 << 14); // above the parallel thresholds of the transforms
        long[] copy = evals.clone();
        CosetExtender ext = CosetExtender.ofEvaluations(evals.length, 4, TwoAdic.GENERATOR);
        assertEquals(1 << 16, ext.extendedLength());
        assertEquals(1 << 14, ext.columnLength());
        assertArrayEquals(LowDegreeExtension.extend(evals, 4), ext.extend(evals));
        assertArrayEquals(copy, evals);
    }

    @Test
    void rejectsWrongLengthsAndSharedArrays() {
        CosetExtender ext = CosetExtender.ofEvaluations(8, 4, TwoAdic.GENERATOR);
        assertThrows(IllegalArgumentException.class, () -> ext.extendInto(new long[4], new long[32]));
        assertThrows(IllegalArgumentException.class, () -> ext.extendInto(new long[8], new long[31]));
        long[] both = new long[32];
        assertThrows(IllegalArgumentException.class, () -> CosetExtender.ofEvaluations(32, 1, 7).extendInto(both, both));
        assertThrows(IllegalArgumentException.class, () -> CosetExtender.ofEvaluations(8, 3, 7));
        assertThrows(IllegalArgumentException.class, () -> CosetExtender.ofEvaluations(8, 4, 0));
    }
}
