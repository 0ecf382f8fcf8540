package dev.zkjvm.circuit.poly;

import static dev.zkjvm.circuit.poly.PolyTestSupport.P;
import static dev.zkjvm.circuit.poly.PolyTestSupport.big;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.circuit.field.Goldilocks;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TwoAdicTest {
    static final long[] ODD_PRIME_FACTORS = {3, 5, 17, 257, 65537};

    @Test
    void pMinusOneFactorsAsExpected() {
        BigInteger product = BigInteger.ONE.shiftLeft(32);
        for (long q : ODD_PRIME_FACTORS) {
            assertEquals(true, BigInteger.valueOf(q).isProbablePrime(50));
            product = product.multiply(BigInteger.valueOf(q));
        }
        assertEquals(P.subtract(BigInteger.ONE), product);
    }

    @Test
    void sevenGeneratesTheMultiplicativeGroup() {
        long pm1 = Goldilocks.P - 1;
        assertEquals(Goldilocks.ONE, Goldilocks.pow(TwoAdic.GENERATOR, pm1));
        assertNotEquals(Goldilocks.ONE, Goldilocks.pow(TwoAdic.GENERATOR, pm1 >>> 1));
        for (long q : ODD_PRIME_FACTORS) {
            long e = Long.divideUnsigned(pm1, q);
            assertNotEquals(Goldilocks.ONE, Goldilocks.pow(TwoAdic.GENERATOR, e), "7^((p-1)/" + q + ")");
        }
    }

    @Test
    void rootOfUnityHasExactOrderTwoToThe32() {
        long w = TwoAdic.ROOT_OF_UNITY_2_32;
        assertEquals("1753635133440165772", Long.toUnsignedString(w));
        BigInteger bw = big(w);
        assertEquals(BigInteger.valueOf(7).modPow(BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE), P), bw);
        // order divides 2^32 and does not divide 2^31, hence is exactly 2^32
        assertEquals(BigInteger.ONE, bw.modPow(BigInteger.ONE.shiftLeft(32), P));
        assertEquals(P.subtract(BigInteger.ONE), bw.modPow(BigInteger.ONE.shiftLeft(31), P));
        assertEquals(Goldilocks.ONE, Goldilocks.pow(w, 1L << 32));
        assertEquals(Goldilocks.P - 1, Goldilocks.pow(w, 1L << 31));
        assertEquals(w, TwoAdic.rootOfUnity(32));
    }

    @Test
    void everySubgroupRootHasExactOrder() {
        for (int k = 0; k <= 32; k++) {
            long w = TwoAdic.rootOfUnity(k);
            assertEquals(Goldilocks.ONE, Goldilocks.pow(w, 1L << k), "k=" + k);
            if (k > 0) {
                assertEquals(Goldilocks.P - 1, Goldilocks.pow(w, 1L << (k - 1)), "k=" + k);
                assertEquals(TwoAdic.rootOfUnity(k - 1), Goldilocks.square(w));
            }
            assertEquals(Goldilocks.ONE, Goldilocks.mul(w, TwoAdic.inverseRootOfUnity(k)));
            if (k <= 20) {
                assertEquals(PolyTestSupport.bigRoot(1 << k), big(w));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> TwoAdic.rootOfUnity(33));
        assertThrows(IllegalArgumentException.class, () -> TwoAdic.rootOfUnity(-1));
    }

    @Test
    void log2AcceptsOnlyPowersOfTwo() {
        assertEquals(0, TwoAdic.log2(1));
        assertEquals(30, TwoAdic.log2(1 << 30));
        for (int bad : new int[] {0, -4, 3, 6, 1000, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> TwoAdic.log2(bad));
        }
    }

    @Test
    void powersMatchPow() {
        long base = 123456789L;
        long[] pw = TwoAdic.powers(base, 200_000); // large enough to be split across workers
        for (int i : new int[] {0, 1, 2, 16383, 16384, 65537, 199_999}) {
            assertEquals(Goldilocks.pow(base, i), pw[i], "i=" + i);
        }
        for (int i = 1; i < pw.length; i++) {
            assertEquals(Goldilocks.mul(pw[i - 1], base), pw[i]);
        }
        assertArrayEquals(new long[0], TwoAdic.powers(base, 0));
    }
}
