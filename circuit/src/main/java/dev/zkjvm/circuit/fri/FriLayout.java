package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.poly.TwoAdic;

/**
 * The shape of one FRI instance, derived from the parameters and the domain size alone, so that
 * prover and verifier agree on it without reading it from the proof.
 *
 * <p>Layer i is the coset {@code shift_i·⟨ω_i⟩} of size {@code N_i = N / k^i}, with
 * {@code shift_i = 7^(k^i)} and {@code ω_i} the generator of the subgroup of order N_i. Its values
 * are committed in rows: row j holds the k values at indices {@code j + t·N_i/k}, t = 0..k-1,
 * which are the points {@code x_j·ζ^t} (ζ a primitive k-th root of unity) that fold into the single
 * point {@code x_j^k} of layer i+1. Layers 0..{@link #layers()}-1 are committed and folded; the
 * values after the last fold live on a domain of size {@link #finalDomainSize()} and must agree
 * with the remainder polynomial of {@link #remainderLength()} coefficients.
 */
final class FriLayout {
    /** The coset shift of the first layer (as {@code LowDegreeExtension} uses by default). */
    static final long SHIFT = TwoAdic.GENERATOR;
    /** Largest supported log2 of the domain size (Java arrays). */
    static final int MAX_LOG_DOMAIN = 30;

    private final FriParameters params;
    private final int logDomainSize;
    private final int layers;
    private final long degreeBound;

    /** The instance whose degree bound is the domain's size over the blowup. */
    FriLayout(FriParameters params, int logDomainSize) {
        this(params, logDomainSize, -1);
    }

    /**
     * The instance for polynomials of degree below {@code degreeBound}, which may exceed the
     * domain's size over the blowup (a zero-knowledge STARK's randomised polynomials do, by a
     * little): the layers are those of the power-of-two bound, and the remainder carries
     * {@code ceil(degreeBound / k^layers)} coefficients, so the check is exactly that bound.
     *
     * @param degreeBound from 1 up to the final domain's size times {@code k^layers}, or -1 for
     *     the power-of-two bound
     */
    FriLayout(FriParameters params, int logDomainSize, long degreeBound) {
        this.params = params;
        this.logDomainSize = logDomainSize;
        if (logDomainSize < 0 || logDomainSize > MAX_LOG_DOMAIN) {
            throw new IllegalArgumentException("log domain size must be in [0, " + MAX_LOG_DOMAIN + "], got " + logDomainSize);
        }
        int logDegree = logDomainSize - params.logBlowup();
        if (logDegree < 0) {
            throw new IllegalArgumentException("domain of size 2^" + logDomainSize + " is smaller than the blowup " + params.blowup());
        }
        int logK = params.logFoldingFactor();
        int count = 0;
        // Fold while the degree bound exceeds what the remainder may carry and a whole fold fits, and
        // at least once: a bound the remainder could carry unfolded (a small table system's, under a
        // large remainder degree) is still tested by one fold rather than refused.
        while (((1L << logDegree) > params.remainderMaxDegree() + 1L || count == 0) && logDegree >= logK) {
            logDegree -= logK;
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException("degree bound 2^" + (logDomainSize - params.logBlowup())
                    + " is below the folding factor " + params.foldingFactor() + "; use a larger domain");
        }
        this.layers = count;
        long folded = 1L << (count * logK);
        long bound = degreeBound == -1 ? 1L << (logDomainSize - params.logBlowup()) : degreeBound;
        if (bound < 1 || (bound + folded - 1) / folded > 1L << logSize(count)) {
            throw new IllegalArgumentException("degree bound " + bound + " does not fit a domain of 2^" + logDomainSize
                    + " points folded " + count + " times by " + params.foldingFactor());
        }
        this.degreeBound = bound;
    }

    /** The polynomials' degree bound (exclusive). */
    long degreeBound() {
        return degreeBound;
    }

    FriParameters params() {
        return params;
    }

    int logDomainSize() {
        return logDomainSize;
    }

    /** The number of committed (and folded) layers, at least 1. */
    int layers() {
        return layers;
    }

    int foldingFactor() {
        return params.foldingFactor();
    }

    /** log2 of the size of layer i (i = layers() is the final domain). */
    int logSize(int layer) {
        return logDomainSize - layer * params.logFoldingFactor();
    }

    /** The number of committed rows of layer i: {@code N_i / k}. */
    int rows(int layer) {
        return 1 << (logSize(layer) - params.logFoldingFactor());
    }

    /** The size of the domain that the last fold lands on. */
    int finalDomainSize() {
        return 1 << logSize(layers);
    }

    /** The number of remainder coefficients: {@code ceil(degreeBound / k^layers)}. */
    int remainderLength() {
        long folded = 1L << (layers * params.logFoldingFactor());
        return (int) ((degreeBound + folded - 1) / folded);
    }

    /** {@code shift_i = 7^(k^i)}. */
    long shift(int layer) {
        long s = SHIFT;
        for (int i = 0; i < layer * params.logFoldingFactor(); i++) {
            s = Goldilocks.square(s);
        }
        return s;
    }

    /** The point with index {@code index} of layer i: {@code shift_i · ω_i^index}. */
    long point(int layer, int index) {
        return Goldilocks.mul(shift(layer), Goldilocks.pow(TwoAdic.rootOfUnity(logSize(layer)), index));
    }
}
