package dev.zkjvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks {@link U32} against {@link BigInteger} arithmetic modulo 2^32, on top of {@link WordContractTest}. */
class U32Test extends WordContractTest<U32> {
    U32Test() {
        super(U32.TYPE, U32::of, 32);
    }

    @Override
    protected List<BigInteger> extraEdges() {
        return List.of(pow2(16), pow2(16).subtract(ONE), pow2(24), big(0x8000_0001L), big(0x7FFF_FFFEL), big(0xFFFF_0000L),
                big(0x0000_FFFFL), big(0xAAAA_AAAAL), big(0x5555_5555L));
    }

    @Test
    void valueIsHeldUnsignedBelowTwoToThe32() {
        assertEquals(5, U32.of(0x1_0000_0005L).longValue());
        assertEquals(0xFFFF_FFFFL, U32.of(-1).longValue());
        assertEquals(0xFFFF_FFFFL, U32.of(-1).limb(0));
        assertEquals(0x8000_0000L, U32.of(Integer.MIN_VALUE).longValue());
        assertEquals(0, U32.of(Long.MIN_VALUE).longValue());
        assertEquals(0xFFFF_FFFFL, U32.of(Long.MAX_VALUE).longValue());
        assertEquals("4294967295", U32.of(-1).toString());
        assertEquals("2147483648", U32.of(Integer.MIN_VALUE).toString());
        assertEquals(U32.of(7), U32.of(7L + (1L << 32)));
        assertEquals(U32.of(7).hashCode(), U32.of(7L - (1L << 32)).hashCode());
        Random r = new Random(SEED + 20);
        for (int i = 0; i < 3000; i++) {
            long v = r.nextLong();
            U32 x = U32.of(v);
            assertEquals(v & 0xFFFF_FFFFL, x.longValue(), "of(" + v + ")");
            assertEquals(v & 0xFFFF_FFFFL, x.limb(0), "limb(0) of " + v);
            U32 y = U32.of(r.nextLong());
            for (U32 z : new U32[] {x.add(y), x.sub(y), x.mul(y), x.not(), x.shl(r.nextInt(32)), x.or(y)}) {
                assertTrue(z.longValue() >= 0 && z.longValue() <= 0xFFFF_FFFFL, "result in range: " + z.longValue());
            }
        }
    }

    @Test
    void wrapAroundExamples() {
        check(ONE, U32.of(0xFFFF_FFFFL).mul(U32.of(0xFFFF_FFFFL)), "(2^32-1)^2");
        check(ZERO, U32.of(0xFFFF_FFFFL).add(U32.of(1)), "max + 1");
        check(MAX, U32.of(0).sub(U32.of(1)), "0 - 1");
        check(ZERO, U32.of(0x10000).mul(U32.of(0x10000)), "2^16 * 2^16");
        check(SIGN, U32.of(0x10000).mul(U32.of(0x8000)), "2^16 * 2^15");
        check(ONE, U32.of(-1).lts(U32.of(0)), "-1 <s 0");
    }
}
