package dev.zkjvm.circuit.poly;

import static dev.zkjvm.circuit.poly.PolyTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolynomialTest {
    static Ext2 randomExt(SplittableRandom rnd) {
        return new Ext2(random(rnd), random(rnd));
    }

    /** Σ c_i·z^i with the value type, term by term. */
    static Ext2 naiveExt(long[] c0, long[] c1, Ext2 z) {
        Ext2 s = Ext2.ZERO;
        for (int i = 0; i < c0.length; i++) {
            s = s.add(new Ext2(c0[i], c1[i]).mul(z.pow(i)));
        }
        return s;
    }

    @Test
    void hornerMatchesBigInteger() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int n = 0; n <= 40; n++) {
            long[] c = random(rnd, n);
            for (long x : new long[] {0, 1, Goldilocks.P - 1, random(rnd)}) {
                assertEquals(PolyTestSupport.naiveEval(c, x), Polynomial.evaluate(c, x), "n=" + n);
            }
        }
    }

    @Test
    void extensionPointEvaluationMatchesTermByTerm() {
        SplittableRandom rnd = new SplittableRandom(22);
        for (int n = 0; n <= 30; n++) {
            long[] c0 = random(rnd, n);
            long[] c1 = random(rnd, n);
            Ext2 z = randomExt(rnd);
            assertEquals(naiveExt(c0, new long[n], z), Polynomial.evaluate(c0, z));
            assertEquals(naiveExt(c0, c1, z), Polynomial.evaluate(c0, c1, z));
            long b = random(rnd);
            assertEquals(Ext2.of(Polynomial.evaluate(c0, b)), Polynomial.evaluate(c0, Ext2.of(b)));
        }
        assertThrows(IllegalArgumentException.class, () -> Polynomial.evaluate(new long[2], new long[3], Ext2.ONE));
    }

    @Test
    void divisionByLinearGivesQuotientAndRemainderPofZ() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int n = 0; n <= 25; n++) {
            long[] p = random(rnd, n);
            long z = random(rnd);
            LinearDivision d = Polynomial.divideByLinear(p, z);
            assertEquals(Polynomial.evaluate(p, z), d.remainder());
            assertEquals(Math.max(0, n - 1), d.quotient().length);
            // q(x)·(x - z) + r == p(x), coefficient by coefficient
            long[] back = new long[Math.max(1, n)];
            long[] q = d.quotient();
            for (int i = 0; i < q.length; i++) {
                back[i + 1] = Goldilocks.add(back[i + 1], q[i]);
                back[i] = Goldilocks.sub(back[i], Goldilocks.mul(z, q[i]));
            }
            back[0] = Goldilocks.add(back[0], d.remainder());
            assertArrayEquals(n == 0 ? new long[1] : p, back, "n=" + n);
        }
    }

    @Test
    void divisionByRootIsExact() {
        // p(x) = (x - 3)(x - 5)(x + 1) = x^3 - 7x^2 + 7x + 15
        long[] p = {15, 7, Goldilocks.fromSigned(-7), 1};
        LinearDivision d = Polynomial.divideByLinear(p, 5);
        assertEquals(0, d.remainder());
        assertArrayEquals(new long[] {Goldilocks.fromSigned(-3), Goldilocks.fromSigned(-2), 1}, d.quotient());
    }

    @Test
    void divisionByExtensionPointGivesQuotientAndRemainderPofZ() {
        SplittableRandom rnd = new SplittableRandom(24);
        for (int n = 0; n <= 25; n++) {
            long[] c0 = random(rnd, n);
            long[] c1 = random(rnd, n);
            Ext2 z = randomExt(rnd);
            Ext2LinearDivision d = Polynomial.divideByLinear(c0, c1, z);
            assertEquals(Polynomial.evaluate(c0, c1, z), d.remainder());
            Ext2LinearDivision base = Polynomial.divideByLinear(c0, z);
            assertEquals(Polynomial.evaluate(c0, z), base.remainder());
            // check q(w)·(w - z) + r == p(w) at a random point w
            Ext2 w = randomExt(rnd);
            Ext2 lhs = Polynomial.evaluate(d.quotient0(), d.quotient1(), w).mul(w.sub(z)).add(d.remainder());
            assertEquals(Polynomial.evaluate(c0, c1, w), lhs, "n=" + n);
            Ext2 lhsBase = Polynomial.evaluate(base.quotient0(), base.quotient1(), w).mul(w.sub(z)).add(base.remainder());
            assertEquals(Polynomial.evaluate(c0, w), lhsBase, "n=" + n);
        }
        // a base point gives the base-field division
        long[] p = random(rnd, 10);
        long z = random(rnd);
        Ext2LinearDivision e = Polynomial.divideByLinear(p, Ext2.of(z));
        LinearDivision b = Polynomial.divideByLinear(p, z);
        assertArrayEquals(b.quotient(), e.quotient0());
        assertArrayEquals(new long[9], e.quotient1());
        assertEquals(Ext2.of(b.remainder()), e.remainder());
    }

    @Test
    void vanishingPolynomialIsZeroExactlyOnTheSubgroup() {
        for (int k = 0; k <= 10; k++) {
            int n = 1 << k;
            long[] h = TwoAdic.powers(TwoAdic.rootOfUnity(k), n);
            for (long x : h) {
                assertEquals(0, Polynomial.vanishingOnSubgroup(x, n));
                assertEquals(Ext2.ZERO, Polynomial.vanishingOnSubgroup(Ext2.of(x), n));
            }
            for (long x : LowDegreeExtension.domain(n, 2, TwoAdic.GENERATOR)) {
                assertNotEquals(0, Polynomial.vanishingOnSubgroup(x, n));
            }
        }
        // order 3 divides p - 1 as well
        long cubeRoot = Goldilocks.pow(TwoAdic.GENERATOR, Long.divideUnsigned(Goldilocks.P - 1, 3));
        assertEquals(0, Polynomial.vanishingOnSubgroup(cubeRoot, 3));
        assertEquals(Goldilocks.P - 1, Polynomial.vanishingOnSubgroup(0, 8));
        assertEquals(Goldilocks.sub(Goldilocks.pow(9, 1L << 32), 1), Polynomial.vanishingOnSubgroup(9, 1L << 32));
        SplittableRandom rnd = new SplittableRandom(25);
        Ext2 z = randomExt(rnd);
        assertEquals(z.pow(1024).sub(Ext2.ONE), Polynomial.vanishingOnSubgroup(z, 1024));
        assertThrows(IllegalArgumentException.class, () -> Polynomial.vanishingOnSubgroup(3, 0));
    }
}
