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
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Word} type must meet, checked against {@link BigInteger} arithmetic modulo 2^BITS.
 *
 * <p>Each word type has a small subclass that passes its {@link WordType} and static {@code of(long)} factory, adds
 * its own {@link #extraEdges() edge values} and keeps its width-specific tests. The constants are instance fields but
 * keep their upper-case names, since they are fixed for a given subclass.
 */
abstract class WordContractTest<W extends Word<W>> {
    protected static final BigInteger ONE = BigInteger.ONE;
    protected static final BigInteger ZERO = BigInteger.ZERO;
    private static final int[] SHIFTS = {
        0, 1, 2, 7, 8, 31, 32, 33, 63, 64, 65, 127, 128, 129, 191, 192, 193, 254, 255, 256, 257, 1000,
        -1, -2, -32, -64, -256, Integer.MIN_VALUE, Integer.MAX_VALUE
    };

    protected final WordType<W> T;
    protected final int BITS;
    protected final int BYTES;
    protected final int LIMBS;
    protected final BigInteger MOD;
    protected final BigInteger MAX;
    protected final BigInteger SIGN;
    protected final long SEED;
    /** The word class's own static {@code of(long)}, checked alongside {@code T.of(long)}. */
    private final LongFunction<W> staticOf;
    /** The width the subclass expects, pinned independently of {@code T}. */
    private final int expectedBits;

    /**
     * @param type the word type under test; BITS, BYTES and LIMBS are derived from it
     * @param staticOf the word class's static {@code of(long)} factory
     * @param expectedBits the width {@code type} must report, checked by {@link #typeDescribesTheWidth()}
     */
    protected WordContractTest(WordType<W> type, LongFunction<W> staticOf, int expectedBits) {
        this.T = type;
        this.staticOf = staticOf;
        this.expectedBits = expectedBits;
        this.BITS = type.bits();
        this.BYTES = type.bytes();
        this.LIMBS = type.limbs();
        this.MOD = ONE.shiftLeft(BITS);
        this.MAX = MOD.subtract(ONE);
        this.SIGN = ONE.shiftLeft(BITS - 1);
        this.SEED = 0x5EED_0000L + BITS;
    }

    /** Edge values particular to the width, added to the shared {@link #edges()}. */
    protected abstract List<BigInteger> extraEdges();

    // ---------------------------------------------------------------- reference helpers

    protected static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    protected static BigInteger pow2(int n) {
        return ONE.shiftLeft(n);
    }

    protected BigInteger red(BigInteger x) {
        return x.mod(MOD);
    }

    protected BigInteger signed(BigInteger x) {
        return x.testBit(BITS - 1) ? x.subtract(MOD) : x;
    }

    protected static BigInteger flag(boolean b) {
        return b ? ONE : ZERO;
    }

    protected BigInteger refShl(BigInteger x, BigInteger amount) {
        return amount.signum() < 0 || amount.compareTo(big(BITS)) >= 0 ? ZERO : red(x.shiftLeft(amount.intValueExact()));
    }

    protected BigInteger refShr(BigInteger x, BigInteger amount) {
        return amount.signum() < 0 || amount.compareTo(big(BITS)) >= 0 ? ZERO : x.shiftRight(amount.intValueExact());
    }

    protected byte[] refBytes(BigInteger x) {
        byte[] out = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            out[BYTES - 1 - i] = x.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    protected static long refLimb(BigInteger x, int i) {
        return x.shiftRight(64 * i).longValue();
    }

    protected W w(BigInteger x) {
        return T.of(x);
    }

    /** Asserts that {@code actual} is {@code expected mod 2^BITS}, by value and by limbs. */
    protected void check(BigInteger expected, W actual, String what) {
        BigInteger e = red(expected);
        assertEquals(e, actual.toBigInteger(), what);
        for (int i = 0; i < T.limbs(); i++) {
            assertEquals(refLimb(e, i), actual.limb(i), what + " limb " + i);
        }
    }

    protected List<BigInteger> dedupe(List<BigInteger> values) {
        Set<BigInteger> set = new LinkedHashSet<>();
        for (BigInteger v : values) {
            set.add(red(v));
        }
        return new ArrayList<>(set);
    }

    /** 0, 1, 2, max, max-1, the sign bit and its neighbour, 2^32 and 2^32-1, and more per type. */
    protected List<BigInteger> edges() {
        List<BigInteger> e = new ArrayList<>(List.of(ZERO, ONE, BigInteger.TWO, MAX, MAX.subtract(ONE), SIGN,
                SIGN.subtract(ONE), SIGN.add(ONE), pow2(32), pow2(32).subtract(ONE), pow2(31), pow2(31).subtract(ONE),
                big(255), big(256), big(0xDEADBEEFL)));
        e.addAll(extraEdges());
        List<BigInteger> d = dedupe(e);
        return d;
    }

    /** A random value with a bias toward runs of 0 and 1 bits, small values and powers of two. */
    protected BigInteger random(Random r) {
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

    protected List<BigInteger> randoms(int n, long seed) {
        Random r = new Random(seed);
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(random(r));
        }
        return out;
    }

    /** Every binary operation of {@code a} and {@code b} against the reference. */
    protected void checkPair(BigInteger a, BigInteger b) {
        W x = w(a);
        W y = w(b);
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
    protected void checkSingle(BigInteger a) {
        W x = w(a);
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
        assertEquals(expectedBits, BITS);
        assertEquals(expectedBits, T.bits());
        assertEquals(BITS / 8, T.bytes());
        assertEquals(BYTES * 8, T.bits());
        assertEquals((BITS + 63) / 64, T.limbs());
        assertTrue(T.zero().isZero());
        check(ZERO, T.zero(), "zero");
        assertSame(T, T.of(12345).type());
        assertSame(T, WordType.ofSize(BYTES));
        WordType<W> bySize = WordType.ofSize(BYTES);
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
            check(big(v), staticOf.apply(v), "static of(" + v + ")");
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
            check(v, T.of(v), "TYPE.of(" + v + ")");
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
            W x = w(xs.get(i));
            W y = w(ys.get(i));
            W z = w(zs.get(i));
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
        W zero = T.zero();
        W one = T.of(1);
        W max = w(MAX);
        W sign = w(SIGN);
        W belowSign = w(SIGN.subtract(ONE));
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
        List<BigInteger> actual = dedupe(values).stream().map(this::w).sorted()
                .map(Word::toBigInteger).collect(Collectors.toList());
        assertEquals(expected, actual);
        // sorting by lts orders them as signed numbers
        Comparator<W> bySigned = (p, q) -> p.lts(q).isZero() ? (q.lts(p).isZero() ? 0 : 1) : -1;
        List<BigInteger> expectedSigned = dedupe(values).stream().sorted(Comparator.comparing(this::signed))
                .collect(Collectors.toList());
        List<BigInteger> actualSigned = dedupe(values).stream().map(this::w).sorted(bySigned)
                .map(Word::toBigInteger).collect(Collectors.toList());
        assertEquals(expectedSigned, actualSigned);
    }

    // ---------------------------------------------------------------- shifts

    @Test
    void shiftsByInt() {
        List<BigInteger> values = new ArrayList<>(edges());
        values.addAll(randoms(400, SEED + 12));
        for (BigInteger a : values) {
            W x = w(a);
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
            W x = w(a);
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
            W x = w(a);
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
            W x = T.fromBytes(bytes);
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
            W x = w(a);
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
        W x = T.of(5);
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
            List<W> copies = List.of(w(a), T.fromBytes(refBytes(a)), T.parse(a.toString()),
                    T.parse("0x" + a.toString(16)), w(a).add(T.zero()), w(a).not().not(), w(a.add(MOD)),
                    w(a).shl(0), w(a).shr(0), T.zero().sub(w(a.negate())));
            for (W c : copies) {
                assertEquals(copies.get(0), c, "copy of " + a);
                assertEquals(c, copies.get(0), "copy of " + a);
                assertEquals(copies.get(0).hashCode(), c.hashCode(), "hashCode of copy of " + a);
            }
            W x = copies.get(0);
            assertEquals(x, x);
            assertFalse(x.equals(null));
            assertFalse(x.equals(a));
            assertFalse(x.equals(a.toString()));
            assertNotEquals(x, x.add(T.of(1)));
            assertNotEquals(x, x.xor(w(SIGN)));
        }
        List<W> words = values.stream().map(this::w).collect(Collectors.toList());
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
        long distinctHashes = dense.stream().map(this::w).map(Object::hashCode).distinct().count();
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
}
