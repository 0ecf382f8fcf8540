package dev.zkjvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks {@link U256} against {@link BigInteger} arithmetic modulo 2^256. */
class U256Test {
    private static final WordType<U256> T = U256.TYPE;
    private static final int BITS = 256;
    private static final int BYTES = BITS / 8;
    private static final int LIMBS = 4;
    private static final BigInteger ONE = BigInteger.ONE;
    private static final BigInteger ZERO = BigInteger.ZERO;
    private static final BigInteger MOD = ONE.shiftLeft(BITS);
    private static final BigInteger MAX = MOD.subtract(ONE);
    private static final BigInteger SIGN = ONE.shiftLeft(BITS - 1);
    private static final int[] SHIFTS = {
        0, 1, 2, 7, 8, 31, 32, 33, 63, 64, 65, 127, 128, 129, 191, 192, 193, 254, 255, 256, 257, 1000,
        -1, -2, -32, -64, -256, Integer.MIN_VALUE, Integer.MAX_VALUE
    };
    private static final long SEED = 0x5EED_0000L + BITS;

    // ---------------------------------------------------------------- reference helpers

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    private static BigInteger pow2(int n) {
        return ONE.shiftLeft(n);
    }

    private static BigInteger red(BigInteger x) {
        return x.mod(MOD);
    }

    private static BigInteger signed(BigInteger x) {
        return x.testBit(BITS - 1) ? x.subtract(MOD) : x;
    }

    private static BigInteger flag(boolean b) {
        return b ? ONE : ZERO;
    }

    private static BigInteger refShl(BigInteger x, BigInteger amount) {
        return amount.signum() < 0 || amount.compareTo(big(BITS)) >= 0 ? ZERO : red(x.shiftLeft(amount.intValueExact()));
    }

    private static BigInteger refShr(BigInteger x, BigInteger amount) {
        return amount.signum() < 0 || amount.compareTo(big(BITS)) >= 0 ? ZERO : x.shiftRight(amount.intValueExact());
    }

    private static byte[] refBytes(BigInteger x) {
        byte[] out = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            out[BYTES - 1 - i] = x.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    private static long refLimb(BigInteger x, int i) {
        return x.shiftRight(64 * i).longValue();
    }

    private static U256 w(BigInteger x) {
        return T.of(x);
    }

    /** Asserts that {@code actual} is {@code expected mod 2^BITS}, by value and by limbs. */
    private static void check(BigInteger expected, U256 actual, String what) {
        BigInteger e = red(expected);
        assertEquals(e, actual.toBigInteger(), what);
        for (int i = 0; i < T.limbs(); i++) {
            assertEquals(refLimb(e, i), actual.limb(i), what + " limb " + i);
        }
    }

    private static List<BigInteger> dedupe(List<BigInteger> values) {
        Set<BigInteger> set = new LinkedHashSet<>();
        for (BigInteger v : values) {
            set.add(red(v));
        }
        return new ArrayList<>(set);
    }

    /** 0, 1, 2, max, max-1, the sign bit and its neighbour, 2^32 and 2^32-1, and more per type. */
    static List<BigInteger> edges() {
        List<BigInteger> e = new ArrayList<>(List.of(ZERO, ONE, BigInteger.TWO, MAX, MAX.subtract(ONE), SIGN,
                SIGN.subtract(ONE), SIGN.add(ONE), pow2(32), pow2(32).subtract(ONE), pow2(31), pow2(31).subtract(ONE),
                big(255), big(256), big(0xDEADBEEFL)));
        e.addAll(extraEdges());
        List<BigInteger> d = dedupe(e);
        return d;
    }

    /** A random value with a bias toward runs of 0 and 1 bits, small values and powers of two. */
    static BigInteger random(Random r) {
        switch (r.nextInt(5)) {
            case 0:
                return new BigInteger(BITS, r);
            case 1:
                return new BigInteger(r.nextInt(BITS + 1), r);
            case 2:
                return red(pow2(r.nextInt(BITS)).add(big(r.nextInt(7) - 3)));
            case 3: {
                BigInteger v = ZERO;
                for (int chunk = 0; chunk < BITS / 32; chunk++) {
                    long c;
                    switch (r.nextInt(4)) {
                        case 0: c = 0; break;
                        case 1: c = 0xFFFF_FFFFL; break;
                        case 2: c = r.nextInt(256); break;
                        default: c = r.nextInt() & 0xFFFF_FFFFL; break;
                    }
                    v = v.or(big(c).shiftLeft(32 * chunk));
                }
                return v;
            }
            default:
                return red(big(r.nextLong()));
        }
    }

    static List<BigInteger> randoms(int n, long seed) {
        Random r = new Random(seed);
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(random(r));
        }
        return out;
    }

    /** Every binary operation of {@code a} and {@code b} against the reference. */
    private static void checkPair(BigInteger a, BigInteger b) {
        U256 x = w(a);
        U256 y = w(b);
        String p = "(" + a + ", " + b + ")";
        check(a.add(b), x.add(y), "add" + p);
        check(a.subtract(b), x.sub(y), "sub" + p);
        check(a.multiply(b), x.mul(y), "mul" + p);
        check(a.and(b), x.and(y), "and" + p);
        check(a.or(b), x.or(y), "or" + p);
        check(a.xor(b), x.xor(y), "xor" + p);
        check(flag(a.compareTo(b) < 0), x.ltu(y), "ltu" + p);
        check(flag(signed(a).compareTo(signed(b)) < 0), x.lts(y), "lts" + p);
        check(flag(a.equals(b)), x.eq(y), "eq" + p);
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(x.compareTo(y)), "compareTo" + p);
        assertEquals(a.equals(b), x.equals(y), "equals" + p);
        check(refShl(a, b), x.shl(y), "shl(word)" + p);
        check(refShr(a, b), x.shr(y), "shr(word)" + p);
    }

    /** Every unary operation and conversion of {@code a} against the reference. */
    private static void checkSingle(BigInteger a) {
        U256 x = w(a);
        check(a, x, "of(BigInteger) " + a);
        check(MAX.subtract(a), x.not(), "not " + a);
        assertEquals(a.signum() == 0, x.isZero(), "isZero " + a);
        assertEquals(a.longValue(), x.longValue(), "longValue " + a);
        assertEquals(a.toString(), x.toString(), "toString " + a);
        assertArrayEquals(refBytes(a), x.toBytes(), "toBytes " + a);
        assertSame(T, x.type(), "type " + a);
        assertEquals(0, x.compareTo(T.of(a)), "compareTo self " + a);
        assertEquals(x, T.fromBytes(refBytes(a)), "equals copy " + a);
        assertEquals(x.hashCode(), T.fromBytes(refBytes(a)).hashCode(), "hashCode copy " + a);
        check(ZERO, x.sub(x), "x - x " + a);
        check(a, x.add(T.zero()), "x + 0 " + a);
        check(a, x.mul(T.of(1)), "x * 1 " + a);
        check(ZERO, x.mul(T.zero()), "x * 0 " + a);
        check(MAX, x.xor(x.not()), "x ^ ~x " + a);
        check(a.negate(), T.zero().sub(x), "0 - x " + a);
        check(a.negate(), x.not().add(T.of(1)), "~x + 1 " + a);
    }

    // ---------------------------------------------------------------- type

    @Test
    void typeDescribesTheWidth() {
        assertEquals(BYTES, T.bytes());
        assertEquals(BITS, T.bits());
        assertEquals(LIMBS, T.limbs());
        assertTrue(T.zero().isZero());
        check(ZERO, T.zero(), "zero");
        assertSame(T, T.of(12345).type());
        assertSame(T, WordType.ofSize(BYTES));
        WordType<U256> bySize = WordType.ofSize(BYTES);
        check(big(77), bySize.of(77), "ofSize(" + BYTES + ").of(77)");
    }

    @Test
    void ofSizeKnowsOnlyFourEightAndThirtyTwo() {
        assertSame(U32.TYPE, WordType.ofSize(4));
        assertSame(U64.TYPE, WordType.ofSize(8));
        assertSame(U256.TYPE, WordType.ofSize(32));
        assertEquals(32, WordType.ofSize(4).bits());
        assertEquals(64, WordType.ofSize(8).bits());
        assertEquals(256, WordType.ofSize(32).bits());
        for (int size : new int[] {0, 1, 2, 3, 5, 7, 9, 16, 31, 33, 64, 256, -1, -4, -8, -32,
                Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordType.ofSize(size),
                    "ofSize(" + size + ")");
            assertTrue(e.getMessage().contains(String.valueOf(size)), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- construction

    @Test
    void ofLongReducesTheSignedValue() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 2L, -1L, -2L, 255L, 256L, -256L, Long.MIN_VALUE,
                Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 1L << 31, (1L << 31) - 1, 1L << 32,
                (1L << 32) - 1, (1L << 32) + 1, -(1L << 31), -(1L << 32), -(1L << 32) - 1, 0xDEADBEEFCAFEBABEL));
        Random r = new Random(SEED + 1);
        for (int i = 0; i < 2000; i++) {
            values.add(r.nextLong());
            values.add((long) r.nextInt());
        }
        for (long v : values) {
            check(big(v), T.of(v), "T.of(" + v + ")");
            check(big(v), U256.of(v), "U256.of(" + v + ")");
            assertEquals(T.of(v), w(big(v)), "of(long) vs of(BigInteger) " + v);
        }
    }

    @Test
    void ofBigIntegerReducesModTheWidth() {
        List<BigInteger> values = new ArrayList<>(edges());
        values.addAll(randoms(1000, SEED + 2));
        values.addAll(List.of(MOD, MOD.add(ONE), MOD.subtract(ONE), MOD.shiftLeft(1).add(big(5)), MOD.negate(),
                MOD.negate().subtract(ONE), ONE.negate(), big(-2), SIGN.negate(), SIGN.negate().subtract(ONE),
                pow2(300).add(big(7)), pow2(300).negate().subtract(big(7)), pow2(BITS + 64).subtract(ONE),
                pow2(64).negate(), pow2(128).add(pow2(64)).negate()));
        Random r = new Random(SEED + 3);
        for (int i = 0; i < 1000; i++) {
            BigInteger v = new BigInteger(r.nextInt(600) + 1, r);
            values.add(r.nextBoolean() ? v : v.negate());
        }
        for (BigInteger v : values) {
            check(v, w(v), "of(" + v + ")");
            check(v, U256.TYPE.of(v), "TYPE.of(" + v + ")");
        }
    }

    // ---------------------------------------------------------------- arithmetic, bitwise, comparisons

    @Test
    void edgeValuesPairwise() {
        List<BigInteger> edges = edges();
        for (BigInteger a : edges) {
            for (BigInteger b : edges) {
                checkPair(a, b);
            }
        }
    }

    @Test
    void randomValuesPairwise() {
        List<BigInteger> xs = randoms(4000, SEED + 4);
        List<BigInteger> ys = randoms(4000, SEED + 5);
        for (int i = 0; i < xs.size(); i++) {
            checkPair(xs.get(i), ys.get(i));
            checkPair(xs.get(i), xs.get(i));
        }
        List<BigInteger> edges = edges();
        for (BigInteger a : randoms(300, SEED + 6)) {
            for (BigInteger e : edges) {
                checkPair(a, e);
                checkPair(e, a);
            }
        }
    }

    @Test
    void unaryOperationsAndConversions() {
        for (BigInteger a : edges()) {
            checkSingle(a);
        }
        for (BigInteger a : randoms(3000, SEED + 7)) {
            checkSingle(a);
        }
    }

    @Test
    void arithmeticIdentitiesOnRandomValues() {
        List<BigInteger> xs = randoms(1500, SEED + 8);
        List<BigInteger> ys = randoms(1500, SEED + 9);
        List<BigInteger> zs = randoms(1500, SEED + 10);
        for (int i = 0; i < xs.size(); i++) {
            U256 x = w(xs.get(i));
            U256 y = w(ys.get(i));
            U256 z = w(zs.get(i));
            assertEquals(x.add(y).sub(y), x);
            assertEquals(x.mul(y), y.mul(x));
            assertEquals(x.mul(y.add(z)), x.mul(y).add(x.mul(z)));
            assertEquals(x.mul(y).mul(z), x.mul(y.mul(z)));
            assertEquals(x.and(y).or(x.and(z)), x.and(y.or(z)));
            check(xs.get(i).multiply(ys.get(i)).multiply(zs.get(i)), x.mul(y).mul(z), "x*y*z");
        }
    }

    @Test
    void signedAndUnsignedComparisons() {
        U256 zero = T.zero();
        U256 one = T.of(1);
        U256 max = w(MAX);
        U256 sign = w(SIGN);
        U256 belowSign = w(SIGN.subtract(ONE));
        check(ZERO, max.ltu(zero), "max <u 0");
        check(ONE, zero.ltu(max), "0 <u max");
        check(ONE, max.lts(zero), "max <s 0 (max is -1)");
        check(ZERO, zero.lts(max), "0 <s max");
        check(ONE, sign.lts(belowSign), "min <s maxSigned");
        check(ZERO, sign.ltu(belowSign), "2^(n-1) <u 2^(n-1)-1");
        check(ONE, belowSign.ltu(sign), "2^(n-1)-1 <u 2^(n-1)");
        check(ZERO, belowSign.lts(sign), "maxSigned <s min");
        check(ONE, sign.lts(max), "min <s -1");
        check(ONE, sign.lts(zero), "min <s 0");
        check(ONE, zero.lts(one), "0 <s 1");
        check(ZERO, one.lts(one), "1 <s 1");
        check(ZERO, one.ltu(one), "1 <u 1");
        check(ZERO, max.lts(max), "-1 <s -1");
        check(ONE, max.eq(max), "max == max");
        check(ZERO, max.eq(sign), "max == sign");
        assertTrue(max.compareTo(zero) > 0);
        assertTrue(zero.compareTo(max) < 0);
        assertTrue(sign.compareTo(belowSign) > 0);
        assertEquals(0, sign.compareTo(w(SIGN)));

        // sorting words by compareTo orders them as unsigned numbers
        List<BigInteger> values = new ArrayList<>(edges());
        values.addAll(randoms(500, SEED + 11));
        List<BigInteger> expected = dedupe(values).stream().sorted().collect(Collectors.toList());
        List<BigInteger> actual = dedupe(values).stream().map(U256Test::w).sorted()
                .map(U256::toBigInteger).collect(Collectors.toList());
        assertEquals(expected, actual);
        // sorting by lts orders them as signed numbers
        Comparator<U256> bySigned = (p, q) -> p.lts(q).isZero() ? (q.lts(p).isZero() ? 0 : 1) : -1;
        List<BigInteger> expectedSigned = dedupe(values).stream().sorted(Comparator.comparing(U256Test::signed))
                .collect(Collectors.toList());
        List<BigInteger> actualSigned = dedupe(values).stream().map(U256Test::w).sorted(bySigned)
                .map(U256::toBigInteger).collect(Collectors.toList());
        assertEquals(expectedSigned, actualSigned);
    }

    // ---------------------------------------------------------------- shifts

    @Test
    void shiftsByInt() {
        List<BigInteger> values = new ArrayList<>(edges());
        values.addAll(randoms(400, SEED + 12));
        for (BigInteger a : values) {
            U256 x = w(a);
            for (int s : SHIFTS) {
                check(refShl(a, big(s)), x.shl(s), "shl " + a + " by " + s);
                check(refShr(a, big(s)), x.shr(s), "shr " + a + " by " + s);
            }
            for (int s = 0; s <= BITS + 1; s++) {
                check(refShl(a, big(s)), x.shl(s), "shl " + a + " by " + s);
                check(refShr(a, big(s)), x.shr(s), "shr " + a + " by " + s);
            }
        }
        check(SIGN, T.of(1).shl(BITS - 1), "1 << (bits-1)");
        check(ONE, w(SIGN).shr(BITS - 1), "sign >>> (bits-1)");
        check(ZERO, T.of(1).shl(BITS), "1 << bits");
        check(ZERO, w(MAX).shr(BITS), "max >>> bits");
        check(ZERO, w(MAX).shl(-1), "max << -1");
        check(ZERO, w(MAX).shr(-1), "max >>> -1");
        check(MAX.subtract(ONE), w(MAX).shl(1), "max << 1");
        check(MAX.shiftRight(1), w(MAX).shr(1), "max >>> 1 (logical, not arithmetic)");
    }

    @Test
    void shiftsByWord() {
        List<BigInteger> amounts = new ArrayList<>();
        for (int s : SHIFTS) {
            amounts.add(big(s));
        }
        for (int s = 0; s <= BITS + 1; s++) {
            amounts.add(big(s));
        }
        amounts.addAll(List.of(MAX, MAX.subtract(ONE), SIGN, SIGN.subtract(ONE), pow2(32), pow2(32).add(ONE),
                pow2(32).add(big(5)), pow2(63), pow2(64), pow2(64).add(ONE), pow2(64).add(big(3)), pow2(128).add(big(7)),
                pow2(192).add(ONE), big(0xFFFF_FFFFL), big(0x1_0000_0001L), big(Long.MIN_VALUE), big(Long.MAX_VALUE)));
        amounts = dedupe(amounts);
        List<BigInteger> values = new ArrayList<>(edges());
        values.addAll(randoms(200, SEED + 13));
        for (BigInteger a : values) {
            U256 x = w(a);
            for (BigInteger s : amounts) {
                check(refShl(a, s), x.shl(w(s)), "shl " + a + " by word " + s);
                check(refShr(a, s), x.shr(w(s)), "shr " + a + " by word " + s);
            }
        }
    }

    // ---------------------------------------------------------------- bytes and limbs

    @Test
    void bytesRoundTrip() {
        List<BigInteger> values = new ArrayList<>(edges());
        values.addAll(randoms(2000, SEED + 14));
        for (BigInteger a : values) {
            U256 x = w(a);
            byte[] bytes = x.toBytes();
            assertEquals(BYTES, bytes.length);
            assertArrayEquals(refBytes(a), bytes, "toBytes " + a);
            assertEquals(x, T.fromBytes(bytes), "fromBytes(toBytes) " + a);
            check(a, T.fromBytes(bytes), "fromBytes(toBytes) " + a);
            bytes[0] ^= 0x5A;
            assertArrayEquals(refBytes(a), x.toBytes(), "toBytes returns a fresh array " + a);
        }
        Random r = new Random(SEED + 15);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[BYTES];
            r.nextBytes(bytes);
            byte[] copy = bytes.clone();
            U256 x = T.fromBytes(bytes);
            check(new BigInteger(1, copy), x, "fromBytes " + Arrays.toString(copy));
            assertArrayEquals(copy, x.toBytes());
            assertArrayEquals(copy, bytes, "fromBytes leaves its argument alone");
        }
        byte[] big = new byte[BYTES];
        big[0] = 1;
        check(pow2(BITS - 8), T.fromBytes(big), "first byte is the most significant");
        byte[] little = new byte[BYTES];
        little[BYTES - 1] = (byte) 0x80;
        check(big(0x80), T.fromBytes(little), "last byte is the least significant");
        for (int n : new int[] {0, 1, BYTES - 1, BYTES + 1, 2 * BYTES, 3, 16, 33}) {
            if (n == BYTES) {
                continue;
            }
            byte[] wrong = new byte[n];
            assertThrows(IllegalArgumentException.class, () -> T.fromBytes(wrong), n + " bytes");
        }
    }

    @Test
    void limbsRoundTrip() {
        List<BigInteger> values = new ArrayList<>(edges());
        values.addAll(randoms(2000, SEED + 16));
        int limbs = T.limbs();
        for (BigInteger a : values) {
            U256 x = w(a);
            long[] store = new long[limbs + 5];
            Arrays.fill(store, 0x1234_5678_9ABC_DEF0L);
            T.toLimbs(x, store, 3);
            for (int i = 0; i < store.length; i++) {
                if (i >= 3 && i < 3 + limbs) {
                    assertEquals(refLimb(a, i - 3), store[i], "limb " + (i - 3) + " of " + a);
                    assertEquals(x.limb(i - 3), store[i], "limb() " + (i - 3) + " of " + a);
                } else {
                    assertEquals(0x1234_5678_9ABC_DEF0L, store[i], "toLimbs wrote outside its range at " + i);
                }
            }
            assertEquals(x, T.fromLimbs(store, 3), "fromLimbs(toLimbs) " + a);
            check(a, T.fromLimbs(store, 3), "fromLimbs(toLimbs) " + a);
            long[] fresh = new long[limbs];
            T.toLimbs(x, fresh, 0);
            check(a, T.fromLimbs(fresh, 0), "fromLimbs at 0 " + a);
        }
    }

    @Test
    void limbIndexOutOfRange() {
        U256 x = T.of(5);
        assertThrows(IndexOutOfBoundsException.class, () -> x.limb(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> x.limb(LIMBS));
        assertThrows(IndexOutOfBoundsException.class, () -> x.limb(LIMBS + 1));
        assertEquals(5, x.limb(0));
    }

    // ---------------------------------------------------------------- parsing

    @Test
    void parsesDecimalNegativeAndHex() {
        check(ZERO, T.parse("0"), "0");
        check(big(12345), T.parse("12345"), "12345");
        check(big(42), T.parse("  42\t"), "surrounding blanks");
        check(big(1_000_000), T.parse("1_000_000"), "underscores");
        check(MAX, T.parse("-1"), "-1");
        check(MOD.subtract(big(5)), T.parse("-5"), "-5");
        check(SIGN, T.parse("-" + SIGN), "-2^(n-1)");
        check(big(255), T.parse("0xff"), "0xff");
        check(big(255), T.parse("0XFF"), "0XFF");
        check(big(0xdeadbeefL), T.parse("0xDeadBeef"), "0xDeadBeef");
        check(big(0xdeadbeefL), T.parse("0xdead_beef"), "hex with underscores");
        check(MAX, T.parse("0x" + MAX.toString(16)), "0x max");
        check(MAX, T.parse(MAX.toString()), "max decimal");
        check(MAX, T.parse("0x" + MAX.toString(16).toUpperCase()), "0x MAX");
        check(ZERO, T.parse(MOD.toString()), "2^bits wraps to 0");
        check(big(3), T.parse(MOD.add(big(3)).toString()), "2^bits + 3");
        check(big(3), T.parse("0x" + MOD.add(big(3)).toString(16)), "hex 2^bits + 3");
        check(MAX, T.parse("-" + MOD.add(ONE)), "-(2^bits + 1)");
        check(big(1), T.parse("000001"), "leading zeros");
        for (BigInteger a : randoms(1000, SEED + 17)) {
            check(a, T.parse(a.toString()), "decimal " + a);
            check(a, T.parse("0x" + a.toString(16)), "hex " + a);
            check(a.negate(), T.parse("-" + a), "negative " + a);
            assertEquals(w(a), T.parse(w(a).toString()), "parse(toString) " + a);
        }
        for (String bad : new String[] {"", " ", "abc", "0x", "0xg1", "12a", "--1", "1.5", "0b101", "+-3", "1e3"}) {
            assertThrows(NumberFormatException.class, () -> T.parse(bad), "parse(\"" + bad + "\")");
        }
    }

    // ---------------------------------------------------------------- equality

    @Test
    void equalsAndHashCode() {
        List<BigInteger> values = new ArrayList<>(edges());
        values.addAll(randoms(1000, SEED + 18));
        values = dedupe(values);
        for (BigInteger a : values) {
            List<U256> copies = List.of(w(a), T.fromBytes(refBytes(a)), T.parse(a.toString()),
                    T.parse("0x" + a.toString(16)), w(a).add(T.zero()), w(a).not().not(), w(a.add(MOD)),
                    w(a).shl(0), w(a).shr(0), T.zero().sub(w(a.negate())));
            for (U256 c : copies) {
                assertEquals(copies.get(0), c, "copy of " + a);
                assertEquals(c, copies.get(0), "copy of " + a);
                assertEquals(copies.get(0).hashCode(), c.hashCode(), "hashCode of copy of " + a);
            }
            U256 x = copies.get(0);
            assertEquals(x, x);
            assertFalse(x.equals(null));
            assertFalse(x.equals(a));
            assertFalse(x.equals(a.toString()));
            assertNotEquals(x, x.add(T.of(1)));
            assertNotEquals(x, x.xor(w(SIGN)));
        }
        List<U256> words = values.stream().map(U256Test::w).collect(Collectors.toList());
        for (int i = 0; i < words.size(); i++) {
            for (int j = 0; j < Math.min(words.size(), 60); j++) {
                assertEquals(i == j, words.get(i).equals(words.get(j)), values.get(i) + " vs " + values.get(j));
            }
        }
        // distinct uniformly random values should rarely collide
        Random r = new Random(SEED + 19);
        Set<BigInteger> dense = new LinkedHashSet<>();
        while (dense.size() < 1000) {
            dense.add(new BigInteger(BITS, r));
        }
        long distinctHashes = dense.stream().map(U256Test::w).map(U256::hashCode).distinct().count();
        assertTrue(distinctHashes > 950, "hashCode spreads: " + distinctHashes);
    }

    @Test
    void wordsOfDifferentTypesAreNotEqual() {
        Object u32 = U32.of(1);
        Object u64 = U64.of(1);
        Object u256 = U256.of(1);
        assertNotEquals(u32, u64);
        assertNotEquals(u64, u32);
        assertNotEquals(u32, u256);
        assertNotEquals(u256, u32);
        assertNotEquals(u64, u256);
        assertNotEquals(u256, u64);
    }

    @Test
    void smallValuesAreCached() {
        for (int i = 0; i < 256; i++) {
            assertSame(T.of(i), T.of(i), "value " + i);
            check(big(i), T.of(i), "small " + i);
        }
        assertSame(T.zero(), T.of(0));
        assertSame(T.of(1), T.of(3).ltu(T.of(4)));
        assertSame(T.of(0), T.of(4).ltu(T.of(3)));
    }

    static List<BigInteger> extraEdges() {
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
