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

    /** Returns a new array holding the extension of {@code column} (see {@link #extendInto}). */
    public long[] extend(long[] column) {
        long[] out = new long[extendedLength()];
        extendInto(column, out);
        return out;
    }
}
