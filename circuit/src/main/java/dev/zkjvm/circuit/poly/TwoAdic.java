package dev.zkjvm.circuit.poly;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.util.Parallel;

/**
 * The two-adic structure of the Goldilocks multiplicative group.
 *
 * <p>p - 1 = 2<sup>32</sup> · 3 · 5 · 17 · 257 · 65537, so the group of units is cyclic of that
 * order and contains a unique subgroup of order 2<sup>k</sup> for every k &le; 32.
 * {@link #GENERATOR} = 7 generates the whole group (7<sup>(p-1)/q</sup> &ne; 1 for each prime
 * factor q). The root of unity of order exactly 2<sup>32</sup> is
 * {@code 7^((p-1)/2^32) = 7^(2^32 - 1)} ({@link #ROOT_OF_UNITY_2_32}); the generator of the
 * subgroup of order 2<sup>k</sup> is its 2<sup>32-k</sup>-th power. Tests check all of this.
 */
public final class TwoAdic {
    /** The multiplicative generator 7 of GF(p)*, also the default coset shift. */
    public static final long GENERATOR = 7;
    /** The largest k with 2<sup>k</sup> dividing p - 1. */
    public static final int TWO_ADICITY = 32;
    /** {@code 7^(2^32 - 1)}: a primitive 2<sup>32</sup>-th root of unity. */
    public static final long ROOT_OF_UNITY_2_32 = Goldilocks.pow(GENERATOR, (Goldilocks.P - 1) >>> TWO_ADICITY);

    private TwoAdic() {
    }

    /**
     * Returns the generator {@code ω_n} of the subgroup of order {@code n = 2^logN}:
     * {@code ROOT_OF_UNITY_2_32^(2^(32 - logN))}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= logN <= 32}
     */
    public static long rootOfUnity(int logN) {
        checkLog(logN);
        long w = ROOT_OF_UNITY_2_32;
        for (int i = logN; i < TWO_ADICITY; i++) {
            w = Goldilocks.square(w);
        }
        return w;
    }

    /** Returns {@code ω_n^-1} for {@code n = 2^logN} (see {@link #rootOfUnity(int)}). */
    public static long inverseRootOfUnity(int logN) {
        return Goldilocks.inverse(rootOfUnity(logN));
    }

    /**
     * Returns {@code log2(n)} for a power of two {@code n >= 1}.
     *
     * @throws IllegalArgumentException if {@code n} is not a power of two
     */
    public static int log2(int n) {
        if (n <= 0 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("size must be a power of two, got " + n);
        }
        return Integer.numberOfTrailingZeros(n);
    }

    /**
     * Returns {@code base^0, base^1, ..., base^(n-1)}, computed in parallel for large {@code n}.
     */
    public static long[] powers(long base, int n) {
        long[] out = new long[n];
        fillPowers(out, base, 1);
        return out;
    }

    /** Fills {@code out[i] = scale · base^i}; large arrays are split across {@code Parallel}. */
    static void fillPowers(long[] out, long base, long scale) {
        int n = out.length;
        Parallel.forRange(n, Math.max(1 << 14, n / (4 * Parallel.parallelism())), (from, to) -> {
            long acc = Goldilocks.mul(scale, Goldilocks.pow(base, from));
            for (int i = from; i < to; i++) {
                out[i] = acc;
                acc = Goldilocks.mul(acc, base);
            }
        });
    }

    private static void checkLog(int logN) {
        if (logN < 0 || logN > TWO_ADICITY) {
            throw new IllegalArgumentException("log size must be in [0, 32], got " + logN);
        }
    }
}
