package dev.zkjvm.circuit.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ext2Test {
    static final BigInteger P = GoldilocksTest.P;

    static Ext2 random(SplittableRandom rnd) {
        return new Ext2(Goldilocks.fromUnsigned(rnd.nextLong()), Goldilocks.fromUnsigned(rnd.nextLong()));
    }

    /** Schoolbook product in GF(p)[x]/(x^2 - 7) with BigInteger. */
    static Ext2 referenceMul(Ext2 a, Ext2 b) {
        BigInteger a0 = GoldilocksTest.big(a.c0()), a1 = GoldilocksTest.big(a.c1());
        BigInteger b0 = GoldilocksTest.big(b.c0()), b1 = GoldilocksTest.big(b.c1());
        BigInteger c0 = a0.multiply(b0).add(a1.multiply(b1).multiply(BigInteger.valueOf(7))).mod(P);
        BigInteger c1 = a0.multiply(b1).add(a1.multiply(b0)).mod(P);
        return new Ext2(c0.longValue(), c1.longValue());
    }

    @Test
    void sevenIsAQuadraticNonResidue() {
        // Euler's criterion: 7^((p-1)/2) = -1 mod p
        BigInteger euler = BigInteger.valueOf(7).modPow(P.subtract(BigInteger.ONE).shiftRight(1), P);
        assertEquals(P.subtract(BigInteger.ONE), euler);
        assertEquals(Goldilocks.P - 1, Goldilocks.pow(7, (Goldilocks.P - 1) >>> 1));
    }

    @Test
    void xSquaredIsSeven() {
        Ext2 x = new Ext2(0, 1);
        assertEquals(Ext2.of(7), x.square());
    }

    @Test
    void multiplicationMatchesReference() {
        SplittableRandom rnd = new SplittableRandom(5);
        long p = Goldilocks.P;
        long[] edge = {0, 1, p - 1, p - 2, 1L << 32, 1L << 63};
        for (long a0 : edge) {
            for (long a1 : edge) {
                for (long b0 : edge) {
                    Ext2 a = new Ext2(a0, a1);
                    Ext2 b = new Ext2(b0, a1 == 0 ? 1 : p - 1);
                    assertEquals(referenceMul(a, b), a.mul(b));
                }
            }
        }
        for (int i = 0; i < 5_000; i++) {
            Ext2 a = random(rnd);
            Ext2 b = random(rnd);
            assertEquals(referenceMul(a, b), a.mul(b));
            assertEquals(a.mul(b), b.mul(a));
            assertEquals(a, a.add(b).sub(b));
            assertEquals(Ext2.ZERO, a.add(a.neg()));
            long s = Goldilocks.fromUnsigned(rnd.nextLong());
            assertEquals(a.mul(Ext2.of(s)), a.mul(s));
        }
    }

    @Test
    void inverseAndPow() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int i = 0; i < 2_000; i++) {
            Ext2 a = random(rnd);
            assertEquals(Ext2.ONE, a.mul(a.inverse()));
        }
        Ext2 a = random(rnd);
        assertEquals(a.mul(a).mul(a), a.pow(3));
        assertEquals(Ext2.ONE, a.pow(0));
        // Frobenius: a^p = conj(a) because x^p = x * 7^((p-1)/2) = -x
        Ext2 frob = a.pow(Goldilocks.P);
        assertEquals(new Ext2(a.c0(), Goldilocks.neg(a.c1())), frob);
        assertThrows(ArithmeticException.class, () -> Ext2.ZERO.inverse());
        assertThrows(IllegalArgumentException.class, () -> new Ext2(Goldilocks.P, 0));
    }

    @Test
    void batchInverseMatchesSingleInversions() {
        SplittableRandom rnd = new SplittableRandom(8);
        Ext2[] v = new Ext2[777];
        for (int i = 0; i < v.length; i++) {
            v[i] = random(rnd);
        }
        v[3] = Ext2.ONE;
        v[4] = new Ext2(0, 5);
        Ext2[] inv = Ext2Arrays.batchInverse(v);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i].inverse(), inv[i]);
        }
        v[10] = Ext2.ZERO;
        assertThrows(ArithmeticException.class, () -> Ext2Arrays.batchInverse(v));
    }

    @Test
    void inverseDifferencesMatchSingleInversions() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (Ext2 z : new Ext2[] {random(rnd), new Ext2(5, 0), new Ext2(0, 3)}) {
            long[] c0 = new long[300];
            long[] c1 = new long[300];
            long[] y = new long[300];
            for (int i = 0; i < y.length; i++) {
                y[i] = Goldilocks.reduce128(0, rnd.nextLong());
                c0[i] = y[i];
            }
            Ext2Arrays.inverseDifferencesInPlace(c0, c1, z, 10, 290);
            for (int i = 0; i < y.length; i++) {
                if (i < 10 || i >= 290) {
                    assertEquals(y[i], c0[i], "outside the range, untouched");
                    assertEquals(0, c1[i]);
                } else {
                    assertEquals(Ext2.of(y[i]).sub(z).inverse(), new Ext2(c0[i], c1[i]), "at " + i);
                }
            }
        }
        long[] hit = {4, 5, 6};
        assertThrows(ArithmeticException.class,
                () -> Ext2Arrays.inverseDifferencesInPlace(hit, new long[3], new Ext2(5, 0), 0, 3));
    }

    @Test
    void arrayOpsMatchValueType() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 100;
        long[] a0 = new long[n], a1 = new long[n], b0 = new long[n], b1 = new long[n], s = new long[n];
        for (int i = 0; i < n; i++) {
            a0[i] = Goldilocks.fromUnsigned(rnd.nextLong());
            a1[i] = Goldilocks.fromUnsigned(rnd.nextLong());
            b0[i] = Goldilocks.fromUnsigned(rnd.nextLong());
            b1[i] = Goldilocks.fromUnsigned(rnd.nextLong());
            s[i] = Goldilocks.fromUnsigned(rnd.nextLong());
        }
        long[] o0 = new long[n], o1 = new long[n];
        long[] e0 = new long[n], e1 = new long[n];
        Ext2Arrays.mul(a0, a1, b0, b1, o0, o1, n);
        for (int i = 0; i < n; i++) {
            Ext2 e = new Ext2(a0[i], a1[i]).mul(new Ext2(b0[i], b1[i]));
            e0[i] = e.c0();
            e1[i] = e.c1();
        }
        assertArrayEquals(e0, o0);
        assertArrayEquals(e1, o1);
        Ext2Arrays.add(a0, a1, b0, b1, o0, o1, n);
        Ext2Arrays.sub(o0, o1, b0, b1, o0, o1, n);
        assertArrayEquals(a0, o0);
        assertArrayEquals(a1, o1);
        Ext2Arrays.mulBase(a0, a1, s, o0, o1, n);
        for (int i = 0; i < n; i++) {
            assertEquals(new Ext2(a0[i], a1[i]).mul(s[i]), new Ext2(o0[i], o1[i]));
        }
    }
}
