package dev.zkjvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks {@link U256} against {@link BigInteger} arithmetic modulo 2^256, on top of {@link WordContractTest}. */
@Tag("slow")
class U256Test extends WordContractTest<U256> {
    U256Test() {
        super(U256.TYPE, U256::of, 256);
    }

    @Override
    protected List<BigInteger> extraEdges() {
        BigInteger ones64 = pow2(64).subtract(ONE);
        return List.of(pow2(63), pow2(63).subtract(ONE), ones64, pow2(64), pow2(64).add(ONE), pow2(127),
                pow2(128).subtract(ONE), pow2(128), pow2(128).add(ONE), pow2(191), pow2(192).subtract(ONE), pow2(192),
                MAX.subtract(ones64), MAX.shiftRight(64), MAX.shiftRight(64).shiftLeft(64),
                ones64.shiftLeft(64), ones64.shiftLeft(128), ones64.shiftLeft(64).add(ones64.shiftLeft(192)),
                new BigInteger("5555555555555555555555555555555555555555555555555555555555555555", 16),
                new BigInteger("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 16),
                new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16));
    }

    private static U256 limbs(long l0, long l1, long l2, long l3) {
        return U256.TYPE.fromLimbs(new long[] {l0, l1, l2, l3}, 0);
    }

    private static void checkLimbs(U256 x, long l0, long l1, long l2, long l3) {
        assertEquals(l0, x.limb(0), "limb 0");
        assertEquals(l1, x.limb(1), "limb 1");
        assertEquals(l2, x.limb(2), "limb 2");
        assertEquals(l3, x.limb(3), "limb 3");
    }

    @Test
    void ofLongSignExtends() {
        check(MAX, U256.of(-1), "of(-1)");
        checkLimbs(U256.of(-1), -1, -1, -1, -1);
        checkLimbs(U256.of(Long.MIN_VALUE), Long.MIN_VALUE, -1, -1, -1);
        checkLimbs(U256.of(Long.MAX_VALUE), Long.MAX_VALUE, 0, 0, 0);
        checkLimbs(U256.of(-2), -2, -1, -1, -1);
        check(MOD.subtract(pow2(63)), U256.of(Long.MIN_VALUE), "of(Long.MIN_VALUE)");
        assertEquals(-1L, U256.of(-1).longValue());
        assertEquals("115792089237316195423570985008687907853269984665640564039457584007913129639935",
                U256.of(-1).toString());
        assertEquals(U256.of(-1), U256.of(BigInteger.ONE.negate()));
        assertEquals(U256.of(-1), U256.TYPE.parse("-1"));
    }

    @Test
    void carriesAndBorrowsCrossLimbs() {
        checkLimbs(U256.of(-1).add(U256.of(1)), 0, 0, 0, 0);
        checkLimbs(limbs(-1, 0, 0, 0).add(U256.of(1)), 0, 1, 0, 0);
        checkLimbs(limbs(-1, -1, 0, 0).add(U256.of(1)), 0, 0, 1, 0);
        checkLimbs(limbs(-1, -1, -1, 0).add(U256.of(1)), 0, 0, 0, 1);
        checkLimbs(limbs(-1, -1, -1, 0).add(limbs(-1, -1, -1, 0)), -2, -1, -1, 1);
        checkLimbs(U256.of(0).sub(U256.of(1)), -1, -1, -1, -1);
        checkLimbs(limbs(0, 1, 0, 0).sub(U256.of(1)), -1, 0, 0, 0);
        checkLimbs(limbs(0, 0, 0, 1).sub(U256.of(1)), -1, -1, -1, 0);
        checkLimbs(limbs(0, 0, 0, 0).sub(limbs(0, 0, 0, 1)), 0, 0, 0, -1);
        checkLimbs(limbs(5, Long.MIN_VALUE, 0, 0).add(limbs(7, Long.MIN_VALUE, 0, 0)), 12, 0, 1, 0);
        checkLimbs(limbs(-1, Long.MAX_VALUE, 0, 0).add(U256.of(1)), 0, Long.MIN_VALUE, 0, 0);
    }

    @Test
    void multiplicationExamples() {
        check(ONE, U256.of(-1).mul(U256.of(-1)), "max * max");
        check(ZERO, U256.of(pow2(128)).mul(U256.of(pow2(128))), "2^128 * 2^128");
        check(SIGN, U256.of(pow2(128)).mul(U256.of(pow2(127))), "2^128 * 2^127");
        BigInteger ones64 = pow2(64).subtract(ONE);
        check(ones64.multiply(ones64), U256.of(ones64).mul(U256.of(ones64)), "(2^64-1)^2");
        check(ones64.multiply(ones64).multiply(ones64).multiply(ones64),
                U256.of(ones64).mul(U256.of(ones64)).mul(U256.of(ones64)).mul(U256.of(ones64)), "(2^64-1)^4");
        BigInteger ones128 = pow2(128).subtract(ONE);
        check(ones128.multiply(ones128), U256.of(ones128).mul(U256.of(ones128)), "(2^128-1)^2");
        check(MAX.multiply(big(3)), U256.of(-1).mul(U256.of(3)), "max * 3");
        check(big(-3), U256.of(-1).mul(U256.of(3)), "-1 * 3");
        check(big(6), U256.of(-2).mul(U256.of(-3)), "-2 * -3");
        // unsigned high-product correction: both factors with their top bit set
        BigInteger a = big(Long.MIN_VALUE).mod(pow2(64)).add(big(12345));
        BigInteger b = pow2(64).subtract(big(987654321));
        check(a.multiply(b), U256.of(a).mul(U256.of(b)), "top-bit limbs");
        Random r = new Random(SEED + 21);
        for (int i = 0; i < 5000; i++) {
            BigInteger x = new BigInteger(256, r);
            BigInteger y = new BigInteger(256, r);
            check(x.multiply(y), U256.of(x).mul(U256.of(y)), "dense mul " + x + " * " + y);
        }
    }

    @Test
    void shiftsMoveBitsAcrossLimbs() {
        checkLimbs(U256.of(1).shl(64), 0, 1, 0, 0);
        checkLimbs(U256.of(1).shl(255), 0, 0, 0, Long.MIN_VALUE);
        checkLimbs(U256.of(-1).shl(65), 0, -2, -1, -1);
        checkLimbs(U256.of(-1).shr(65), -1, -1, Long.MAX_VALUE, 0);
        checkLimbs(U256.of(-1).shr(255), 1, 0, 0, 0);
        checkLimbs(limbs(Long.MIN_VALUE, 0, 0, 0).shl(1), 0, 1, 0, 0);
        checkLimbs(limbs(0, 1, 0, 0).shr(1), Long.MIN_VALUE, 0, 0, 0);
        checkLimbs(limbs(0x0123_4567_89AB_CDEFL, 0, 0, 0).shl(100), 0, 0x0123_4567_89AB_CDEFL << 36,
                0x0123_4567_89AB_CDEFL >>> 28, 0);
        // a shift amount whose low limb is small but whose high limbs are not is still >= 256
        checkLimbs(U256.of(-1).shl(limbs(1, 1, 0, 0)), 0, 0, 0, 0);
        checkLimbs(U256.of(-1).shr(limbs(1, 0, 0, 1)), 0, 0, 0, 0);
        checkLimbs(U256.of(-1).shr(limbs(0, 0, 1, 0)), 0, 0, 0, 0);
        checkLimbs(U256.of(-1).shl(U256.of(-1)), 0, 0, 0, 0);
        checkLimbs(U256.of(-1).shl(U256.of(Long.MIN_VALUE)), 0, 0, 0, 0);
    }

    @Test
    void conversionsOfLargeValues() {
        U256 x = U256.TYPE.parse("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) {
            expected[i] = (byte) (i + 1);
        }
        assertArrayEquals(expected, x.toBytes());
        checkLimbs(x, 0x191a1b1c1d1e1f20L, 0x1112131415161718L, 0x090a0b0c0d0e0f10L, 0x0102030405060708L);
        assertEquals(0x191a1b1c1d1e1f20L, x.longValue());
        assertEquals(new BigInteger("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", 16),
                x.toBigInteger());
        assertEquals(x.toBigInteger().toString(), x.toString());
        assertEquals(x, U256.TYPE.fromBytes(expected));
    }
}
