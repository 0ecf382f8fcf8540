package dev.zkjvm.circuit.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GoldilocksTest {
    static final BigInteger P = new BigInteger("18446744069414584321");
    static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);

    static BigInteger big(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    static long fromBig(BigInteger b) {
        return b.mod(P).longValue();
    }

    static List<Long> samples() {
        long p = Goldilocks.P;
        List<Long> out = new ArrayList<>(List.of(0L, 1L, 2L, p - 1, p - 2, 1L << 32, (1L << 32) - 1, (1L << 32) + 1,
                1L << 63, (1L << 63) - 1, (1L << 63) + 1, Goldilocks.fromUnsigned(0xFFFF_FFFFL * 0xFFFF_FFFFL), p >>> 1, (p >>> 1) + 1));
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 60; i++) {
            out.add(Goldilocks.fromUnsigned(rnd.nextLong()));
        }
        return out;
    }

    @Test
    void modulusIsTheGoldilocksPrime() {
        assertEquals(P, big(Goldilocks.P));
        assertTrue(P.isProbablePrime(64));
        assertEquals(TWO64.subtract(BigInteger.ONE.shiftLeft(32)).add(BigInteger.ONE), P);
    }

    @Test
    void edgeValuesAgreeWithBigInteger() {
        List<Long> s = samples();
        for (long a : s) {
            assertEquals(fromBig(big(a).negate()), Goldilocks.neg(a), "neg " + a);
            for (long b : s) {
                assertEquals(fromBig(big(a).add(big(b))), Goldilocks.add(a, b), "add");
                assertEquals(fromBig(big(a).subtract(big(b))), Goldilocks.sub(a, b), "sub");
                assertEquals(fromBig(big(a).multiply(big(b))), Goldilocks.mul(a, b),
                        "mul " + Long.toUnsignedString(a) + " " + Long.toUnsignedString(b));
            }
        }
    }

    @Test
    void randomValuesAgreeWithBigInteger() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long a = Goldilocks.fromUnsigned(rnd.nextLong());
            long b = Goldilocks.fromUnsigned(rnd.nextLong());
            assertEquals(fromBig(big(a).add(big(b))), Goldilocks.add(a, b));
            assertEquals(fromBig(big(a).subtract(big(b))), Goldilocks.sub(a, b));
            assertEquals(fromBig(big(a).multiply(big(b))), Goldilocks.mul(a, b));
            assertEquals(fromBig(big(a).multiply(big(a))), Goldilocks.square(a));
        }
    }

    @Test
    void reduce128MatchesBigIntegerForArbitrary128BitInputs() {
        SplittableRandom rnd = new SplittableRandom(11);
        long[] specials = {0, 1, -1, Goldilocks.P, Goldilocks.P - 1, 1L << 32, 0xFFFF_FFFFL, Long.MIN_VALUE};
        List<long[]> cases = new ArrayList<>();
        for (long hi : specials) {
            for (long lo : specials) {
                cases.add(new long[] {hi, lo});
            }
        }
        for (int i = 0; i < 10_000; i++) {
            cases.add(new long[] {rnd.nextLong(), rnd.nextLong()});
        }
        for (long[] c : cases) {
            BigInteger x = big(c[0]).shiftLeft(64).add(big(c[1]));
            assertEquals(fromBig(x), Goldilocks.reduce128(c[0], c[1]));
        }
    }

    @Test
    void powAndInverse() {
        for (long a : samples()) {
            for (long e : new long[] {0, 1, 2, 3, 17, 1L << 40, Goldilocks.P - 1, -1L}) {
                assertEquals(fromBig(big(a).modPow(big(e), P)), Goldilocks.pow(a, e));
            }
            if (a != 0) {
                long inv = Goldilocks.inverse(a);
                assertEquals(fromBig(big(a).modInverse(P)), inv);
                assertEquals(1, Goldilocks.mul(a, inv));
            }
        }
        assertThrows(ArithmeticException.class, () -> Goldilocks.inverse(0));
    }

    @Test
    void conversions() {
        assertEquals(Goldilocks.P - 1, Goldilocks.fromSigned(-1));
        assertEquals(5, Goldilocks.fromSigned(5));
        assertEquals(fromBig(BigInteger.valueOf(Long.MIN_VALUE)), Goldilocks.fromSigned(Long.MIN_VALUE));
        assertEquals(0, Goldilocks.fromUnsigned(Goldilocks.P));
        assertEquals(Goldilocks.EPSILON - 1, Goldilocks.fromUnsigned(-1L));
        assertEquals(fromBig(TWO64.subtract(BigInteger.ONE)), Goldilocks.fromUnsigned(-1L));
        assertEquals(-1, Goldilocks.toSigned(Goldilocks.P - 1));
        assertEquals(3, Goldilocks.toSigned(3));
        assertTrue(Goldilocks.isCanonical(Goldilocks.P - 1));
        assertTrue(!Goldilocks.isCanonical(Goldilocks.P));
    }

    @Test
    void batchInverseMatchesSingleInversions() {
        SplittableRandom rnd = new SplittableRandom(3);
        long[] v = new long[1000];
        for (int i = 0; i < v.length; i++) {
            long r = Goldilocks.fromUnsigned(rnd.nextLong());
            v[i] = r == 0 ? 1 : r;
        }
        v[0] = 1;
        v[1] = Goldilocks.P - 1;
        long[] inv = Goldilocks.batchInverse(v);
        long[] expected = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            expected[i] = Goldilocks.inverse(v[i]);
        }
        assertArrayEquals(expected, inv);
        v[500] = 0;
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Goldilocks.batchInverse(v));
        assertTrue(e.getMessage().contains("500"));
    }

    @Test
    void batchInverseNonZeroKeepsZerosAndInvertsTheRestOfItsRange() {
        SplittableRandom rnd = new SplittableRandom(4);
        long[] v = new long[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7 == 0 ? 0 : Goldilocks.fromUnsigned(rnd.nextLong());
        }
        v[1] = Goldilocks.P - 1;
        long[] out = v.clone();
        Goldilocks.batchInverseNonZeroInPlace(out, 10, 290);
        for (int i = 0; i < v.length; i++) {
            long expected = i < 10 || i >= 290 || v[i] == 0 ? v[i] : Goldilocks.inverse(v[i]);
            assertEquals(expected, out[i], "index " + i);
        }
        long[] zeros = new long[5];
        Goldilocks.batchInverseNonZeroInPlace(zeros, 0, 5);
        assertArrayEquals(new long[5], zeros);
    }
}
