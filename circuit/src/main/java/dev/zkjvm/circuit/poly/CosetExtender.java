package dev.zkjvm.circuit.poly;

import dev.zkjvm.circuit.field.Goldilocks;

/**
 * Extends columns of one length onto one coset, writing into arrays the caller owns.
 *
 * <p>It computes what {@link LowDegreeExtension} describes (interpolate, scale coefficient i by
 * {@code shift^i}, zero-pad, evaluate) but allocates nothing per column: the output array is its
 * own scratch space. The column is copied into the top n entries of the output, brought into
 * bit-reversed coefficient order there (a decimation-in-frequency transform for evaluations, a
 * bit-reversal permutation for coefficients), and then spread downwards, each coefficient times
 * its scale factor into its block of {@code blowup} entries, before the remaining stages of the
 * forward transform run on the whole output. The scale factors are kept in bit-reversed order,
 * so that spreading reads them in sequence (a table in natural order read at bit-reversed indices
 * misses the cache on almost every read once it outgrows it).
 *
 * <p>Why the spreading can run in place: block b is written at {@code [b·B, b·B + B)} and the
 * coefficient it reads sits at {@code N - n + b}; for every {@code b' > b} still to be read,
 * {@code b·B + B - 1 < N - n + b'}, so no unread coefficient is overwritten. The pass is
 * therefore sequential, which costs a few milliseconds per 2^20 coefficients; the transforms
 * around it run on the {@link dev.zkjvm.circuit.util.Parallel} pool.
 *
 * <p>Instances are immutable and safe to share between threads (for distinct output arrays).
 */
public final class CosetExtender {
    private final int n;
    private final int logBlowup;
    private final boolean fromEvaluations;
    /** {@code scale[b] = shift^rev(b)} (divided by n when extending evaluations). */
    private final long[] scale;
    /** {@code shift^n·ω_blowup^t}: the value of {@code y^n} on the points that entry t of a block evaluates. */
    private final long[] highFactor;

    private CosetExtender(int n, int blowup, long shift, boolean fromEvaluations) {
        LowDegreeExtension.checkedSize(n, blowup);
        this.n = n;
        this.logBlowup = TwoAdic.log2(blowup);
        this.fromEvaluations = fromEvaluations;
        if (shift == 0 || !Goldilocks.isCanonical(shift)) {
            throw new IllegalArgumentException("shift must be a non-zero canonical element");
        }
        long[] s = new long[n];
        // the 1/n of the inverse transform is folded into the scale
        TwoAdic.fillPowers(s, shift, fromEvaluations ? Goldilocks.inverse(n) : Goldilocks.ONE);
        Ntt.bitReverse(s, n);
        this.scale = s;
        long[] f = new long[blowup];
        TwoAdic.fillPowers(f, TwoAdic.rootOfUnity(logBlowup), Goldilocks.pow(shift, n));
        this.highFactor = f;
    }

    /**
     * An extender for columns of {@code n} evaluations on the trace subgroup.
     *
     * @param n the column length, a power of two
     * @param blowup the extension factor, a power of two
     * @param shift the coset shift, non-zero and canonical
     */
    public static CosetExtender ofEvaluations(int n, int blowup, long shift) {
        return new CosetExtender(n, blowup, shift, true);
    }

    /** An extender for polynomials given by {@code n} coefficients (lowest degree first). */
    public static CosetExtender ofCoefficients(int n, int blowup, long shift) {
        return new CosetExtender(n, blowup, shift, false);
    }

    /** The column length n. */
    public int columnLength() {
        return n;
    }

    /** The length of an extension, {@code N = n·blowup}. */
    public int extendedLength() {
        return n << logBlowup;
    }

    /**
     * Writes the extension of {@code column} into {@code out[0..N)}, natural order; entries of
     * {@code out} past N are left as they are.
     *
     * @param column n canonical values (left unchanged)
     * @param out an array of at least N entries, distinct from {@code column}
     */
    public void extendInto(long[] column, long[] out) {
        int size = extendedLength();
        if (column.length != n || out.length < size || column == out) {
            throw new IllegalArgumentException("need a column of " + n + " values and a separate output of at least "
                    + size + " entries, got " + column.length + " and " + out.length);
        }
        int top = size - n;
        System.arraycopy(column, 0, out, top, n);
        if (fromEvaluations) {
            Ntt.inverseToBitReversed(out, top, n);
        } else {
            Ntt.bitReverse(out, top, n);
        }
        int blowup = 1 << logBlowup;
        for (int b = 0; b < n; b++) {
            long v = Goldilocks.mul(out[top + b], scale[b]);
            // a plain loop: a call of Arrays.fill per coefficient cost more than the stores
            for (int i = b << logBlowup, end = i + blowup; i < end; i++) {
                out[i] = v;
            }
        }
        Ntt.stages(out, size, blowup);
    }

    /**
     * Writes the evaluations on the coset of a polynomial of degree below {@code 2n} given as
     * {@code low + x^n·high}: the n coefficients {@code low} and up to n coefficients {@code high}
     * (lowest degree first; missing ones are zero). This is what a polynomial a little above the
     * extender's length costs no more than one below it: on the points of the coset that share
     * {@code y^n = shift^n·ω_b^t}, it is the polynomial {@code low + (shift^n·ω_b^t)·high}, so
     * each block of the spread carries, at entry t, its low coefficient plus that multiple of its
     * high one, and the transform's remaining stages are unchanged. Only for an extender of
     * coefficients.
     *
     * @param low n canonical coefficients (left unchanged)
     * @param high at most n canonical coefficients (left unchanged)
     * @param out an array of at least N entries, distinct from both
     */
    public void extendInto(long[] low, long[] high, long[] out) {
        int size = extendedLength();
        if (fromEvaluations) {
            throw new IllegalStateException("a polynomial above the length is given by coefficients");
        }
        if (low.length != n || high.length > n || out.length < size || low == out || high == out) {
            throw new IllegalArgumentException("need " + n + " low and at most " + n + " high coefficients and a"
                    + " separate output of at least " + size + " entries, got " + low.length + ", " + high.length
                    + " and " + out.length);
        }
        int top = size - n;
        System.arraycopy(low, 0, out, top, n);
        Ntt.bitReverse(out, top, n);
        spreadWithHigh(out, top, high, 1, false);
        Ntt.stages(out, size, 1 << logBlowup);
    }

    /**
     * Writes the extension of the randomised column {@code t + (x^n - 1)·r}, t given by its n
     * evaluations and r by at most n coefficients, in the time of a plain extension: its
     * coefficients are t's less r's, then r's from degree n, and the part above n is folded into
     * the spread as {@link #extendInto(long[], long[], long[])} does. Only for an extender of
     * evaluations.
     *
     * @param column n canonical values (left unchanged)
     * @param randomizer at most n canonical coefficients (left unchanged)
     * @param out an array of at least N entries, distinct from both
     */
    public void extendRandomizedInto(long[] column, long[] randomizer, long[] out) {
        int size = extendedLength();
        if (!fromEvaluations) {
            throw new IllegalStateException("a randomised column is given by its evaluations");
        }
        if (column.length != n || randomizer.length > n || out.length < size || column == out) {
            throw new IllegalArgumentException("need a column of " + n + " values, at most " + n + " randomiser"
                    + " coefficients and a separate output of at least " + size + " entries");
        }
        int top = size - n;
        System.arraycopy(column, 0, out, top, n);
        Ntt.inverseToBitReversed(out, top, n);
        // scale[] carries 1/n for the inverse transform: r's coefficients take it back
        spreadWithHigh(out, top, randomizer, n, true);
        Ntt.stages(out, size, 1 << logBlowup);
    }

    /**
     * Spreads the bit-reversed coefficients at {@code out[top..top+n)} as {@link #extendInto} does,
     * with a part above x^n: entry t of block b gets {@code v + w·shift^n·ω_b^t}, where w is
     * {@code high}'s coefficient {@code rev(b)} times {@code scale[b]·highScale} and v the low
     * coefficient times {@code scale[b]}, less w when {@code subtract} (the randomised column
     * {@code t - r + x^n·r}).
     */
    private void spreadWithHigh(long[] out, int top, long[] high, long highScale, boolean subtract) {
        long[] highRev = new long[n];
        System.arraycopy(high, 0, highRev, 0, high.length);
        Ntt.bitReverse(highRev, n);
        int blowup = 1 << logBlowup;
        for (int b = 0; b < n; b++) {
            long w = Goldilocks.mul(Goldilocks.mul(highRev[b], scale[b]), highScale);
            long v = Goldilocks.mul(out[top + b], scale[b]);
            if (subtract) {
                v = Goldilocks.sub(v, w);
            }
            int base = b << logBlowup;
            for (int t = 0; t < blowup; t++) {
                out[base + t] = Goldilocks.add(v, Goldilocks.mul(w, highFactor[t]));
            }
        }
    }

    /** Returns a new array holding the extension of {@code column} (see {@link #extendInto}). */
    public long[] extend(long[] column) {
        long[] out = new long[extendedLength()];
        extendInto(column, out);
        return out;
    }
}
