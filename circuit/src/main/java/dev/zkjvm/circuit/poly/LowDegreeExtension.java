package dev.zkjvm.circuit.poly;

import dev.zkjvm.circuit.util.Parallel;

/**
 * Low-degree extension of trace columns onto a larger coset.
 *
 * <p>A column of {@code n = 2^k} values is read as evaluations {@code p(ω_n^i)} of a polynomial
 * of degree below {@code n} on the trace subgroup. Its extension by {@code blowup = 2^b} is the
 * array of {@code N = n·blowup} values {@code p(shift·ω_N^i)}, i = 0..N-1, on the coset
 * {@code shift·⟨ω_N⟩}. The default shift is {@link TwoAdic#GENERATOR} = 7: it lies outside every
 * two-adic subgroup, so the coset never meets the trace domain.
 *
 * <p>Steps: interpolate (inverse NTT of size n), multiply coefficient {@code i} by
 * {@code shift^i} (with the inverse transform's {@code 1/n} folded in), zero-pad to N, and
 * evaluate (forward NTT of size N). The interpolation is a decimation-in-frequency transform,
 * which leaves the coefficients in bit-reversed order, the order in which the
 * decimation-in-time forward transform wants its input; so neither step needs a bit-reversal
 * pass. In the padded size-N bit-reversed layout the n coefficients sit at multiples of
 * {@code blowup} with zeros between them; the first b stages of the forward transform would
 * only copy each coefficient across its block of {@code blowup} entries, so a fill replaces them.
 * {@link CosetExtender} does the work; it can also write into arrays the caller owns.
 */
public final class LowDegreeExtension {
    private LowDegreeExtension() {
    }

    /** Extends one column by {@code blowup} onto the coset with shift 7. */
    public static long[] extend(long[] evaluations, int blowup) {
        return extend(evaluations, blowup, TwoAdic.GENERATOR);
    }

    /**
     * Extends one column by {@code blowup} onto the coset {@code shift·⟨ω_N⟩}.
     *
     * @param evaluations {@code n} canonical values on the trace subgroup, n a power of two
     * @param blowup a power of two, at least 1
     * @param shift a non-zero canonical coset shift (1 gives the subgroup of order N itself)
     * @return a new array of {@code n·blowup} evaluations in natural order
     */
    public static long[] extend(long[] evaluations, int blowup, long shift) {
        return extend(new long[][] {evaluations}, blowup, shift)[0];
    }

    /** Extends every column (all of the same length) by {@code blowup} onto the coset with shift 7. */
    public static long[][] extend(long[][] columns, int blowup) {
        return extend(columns, blowup, TwoAdic.GENERATOR);
    }

    /**
     * Extends every column by {@code blowup} onto the coset {@code shift·⟨ω_N⟩}, as
     * {@link #extend(long[], int, long)} does for one. With at least as many columns as workers,
     * each worker extends whole columns; otherwise each column is extended in parallel.
     *
     * @throws IllegalArgumentException if the columns differ in length or a size is not a power of two
     */
    public static long[][] extend(long[][] columns, int blowup, long shift) {
        if (columns.length == 0) {
            return new long[0][];
        }
        int n = check(columns);
        return run(columns, CosetExtender.ofEvaluations(n, blowup, shift));
    }

    /**
     * Evaluates polynomials given by coefficients on the coset {@code shift·⟨ω_N⟩} of size
     * {@code N = n·blowup}, where {@code n} is the (common, power-of-two) number of coefficients.
     */
    public static long[][] extendCoefficients(long[][] coefficients, int blowup, long shift) {
        if (coefficients.length == 0) {
            return new long[0][];
        }
        int n = check(coefficients);
        return run(coefficients, CosetExtender.ofCoefficients(n, blowup, shift));
    }

    /** Evaluates one polynomial given by {@code n} coefficients on a coset of size n·blowup. */
    public static long[] extendCoefficients(long[] coefficients, int blowup, long shift) {
        return extendCoefficients(new long[][] {coefficients}, blowup, shift)[0];
    }

    /**
     * Returns the points of the extended domain, {@code shift·ω_N^i} for i = 0..N-1, where
     * {@code N = n·blowup}.
     */
    public static long[] domain(int n, int blowup, long shift) {
        int size = checkedSize(n, blowup);
        long[] out = new long[size];
        TwoAdic.fillPowers(out, TwoAdic.rootOfUnity(TwoAdic.log2(size)), shift);
        return out;
    }

    private static long[][] run(long[][] columns, CosetExtender extender) {
        long[][] out = new long[columns.length][];
        if (columns.length >= Parallel.parallelism()) {
            Parallel.forChunks(columns.length, Parallel.parallelism(), () -> null,
                    (ignored, c) -> out[c] = extender.extend(columns[c]));
        } else {
            for (int c = 0; c < columns.length; c++) {
                out[c] = extender.extend(columns[c]);
            }
        }
        return out;
    }

    /**
     * Returns the common column length; the sizes and the shift are validated by
     * {@link CosetExtender}.
     */
    private static int check(long[][] columns) {
        int n = columns[0].length;
        for (long[] c : columns) {
            if (c.length != n) {
                throw new IllegalArgumentException("columns differ in length: " + n + " and " + c.length);
            }
        }
        return n;
    }

    /** {@code n·blowup}, after checking that both are powers of two and the product at most 2^30. */
    static int checkedSize(int n, int blowup) {
        int logN = TwoAdic.log2(n);
        int logB = TwoAdic.log2(blowup);
        if (logN + logB > 30) {
            throw new IllegalArgumentException("extended size 2^" + (logN + logB) + " exceeds 2^30");
        }
        return n << logB;
    }
}
