package dev.zkjvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks {@link U64} against {@link BigInteger} arithmetic modulo 2^64, on top of {@link WordContractTest}. */
class U64Test extends WordContractTest<U64> {
    U64Test() {
        super(U64.TYPE, U64::of, 64);
    }

    @Override
    protected List<BigInteger> extraEdges() {
        return List.of(pow2(33), pow2(48).add(ONE), big(0x8000_0000_0000_0001L).add(pow2(64)).mod(pow2(64)),
                big(0xFFFF_FFFF_0000_0000L).mod(pow2(64)), big(0x5555_5555_5555_5555L),
                big(0xAAAA_AAAA_AAAA_AAAAL).mod(pow2(64)), big(0x1_0000_0001L));
    }

    @Test
    void ofLongKeepsAllBits() {
        Random r = new Random(SEED + 20);
        for (int i = 0; i < 3000; i++) {
            long v = r.nextLong();
            U64 x = U64.of(v);
            assertEquals(v, x.longValue());
            assertEquals(v, x.limb(0));
            assertEquals(Long.toUnsignedString(v), x.toString());
        }
        assertEquals("18446744073709551615", U64.of(-1).toString());
        assertEquals("9223372036854775808", U64.of(Long.MIN_VALUE).toString());
    }

    @Test
    void wrapAroundExamples() {
        check(ONE, U64.of(-1).mul(U64.of(-1)), "max * max");
        check(ZERO, U64.of(-1).add(U64.of(1)), "max + 1");
        check(MAX, U64.of(0).sub(U64.of(1)), "0 - 1");
        check(ZERO, U64.of(1L << 32).mul(U64.of(1L << 32)), "2^32 * 2^32");
        check(SIGN, U64.of(1L << 32).mul(U64.of(1L << 31)), "2^32 * 2^31");
        check(ONE, U64.of(-1).lts(U64.of(0)), "-1 <s 0");
    }
}
