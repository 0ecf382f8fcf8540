package dev.zkjvm.circuit.fri;

/**
 * The parameters of the FRI low-degree test, validated on construction.
 *
 * <h2>Conjectured security</h2>
 * {@link #securityBits(int)} returns
 * <pre>
 *   λ = min( queries · log2(blowup) + grindingBits ,  127 - log2(N) )
 * </pre>
 * for an evaluation domain of size N. The first term is the query bound of the ethSTARK
 * conjecture (Ben-Sasson, Carmon, Kopparty, Levit, "ethSTARK Documentation", IACR ePrint
 * 2021/582, Conjecture on FRI soundness in the list-decoding regime): a prover that does not hold a
 * codeword of rate {@code ρ = 1/blowup} passes each query with probability about {@code ρ}, and
 * the proof-of-work makes every attempt to re-draw the queries cost {@code 2^grindingBits}
 * hashes. The second term caps the estimate by the folding-challenge error: each folding
 * challenge is a uniform element of GF(p²) (|GF(p²)| ≈ 2^128, so at least 127 bits), and a bad
 * challenge occurs with probability about {@code N/|GF(p²)|} (the proximity-gaps bound of
 * Ben-Sasson, Carmon, Ishai, Kopparty, Saraf, "Proximity Gaps for Reed-Solomon Codes", FOCS 2020,
 * in its conjectured form). This is a <em>conjectured</em> figure, not a proven one; the proven
 * level for the same parameters is markedly lower (56 to 58 bits for the STARK default):
 * {@link dev.zkjvm.circuit.stark.StarkConfig#provableSecurityBits(int, int, int, int)}. The hash function must also
 * give at least λ bits of collision resistance (SHA-256, Keccak-256 and BLAKE3 give 128).
 *
 * @param blowup the inverse rate {@code N / degreeBound}: a power of two, 2 to 256
 * @param foldingFactor how many points each FRI round folds into one: 2, 4 or 8
 * @param queries the number of query positions: 1 to 512
 * @param grindingBits the proof-of-work difficulty in leading zero bits: 0 to 32
 * @param remainderMaxDegree folding stops once the degree bound {@code d} (number of
 *     coefficients) satisfies {@code d <= remainderMaxDegree + 1} after at least one fold, or when
 *     d is smaller than the folding factor; the remainder polynomial is then sent in the clear: 0
 *     to 1023
 */
public record FriParameters(int blowup, int foldingFactor, int queries, int grindingBits, int remainderMaxDegree)
        implements java.io.Serializable {
    /** log2 of the size of GF(p²), rounded down: p² = (2^64 - 2^32 + 1)² lies in (2^127, 2^128). */
    public static final int EXTENSION_FIELD_BITS = 127;

    /**
     * The default: blowup 8, folding by 4, 28 queries, 16 grinding bits, remainder of degree at
     * most 7; conjectured security {@code 28·3 + 16 = 100} bits for domains up to 2^27.
     */
    public static final FriParameters DEFAULT = new FriParameters(8, 4, 28, 16, 7);

    /** Validates every field. */
    public FriParameters {
        if (blowup < 2 || blowup > 256 || Integer.bitCount(blowup) != 1) {
            throw new IllegalArgumentException("blowup must be a power of two in [2, 256], got " + blowup);
        }
        if (foldingFactor != 2 && foldingFactor != 4 && foldingFactor != 8) {
            throw new IllegalArgumentException("folding factor must be 2, 4 or 8, got " + foldingFactor);
        }
        if (queries < 1 || queries > 512) {
            throw new IllegalArgumentException("queries must be in [1, 512], got " + queries);
        }
        if (grindingBits < 0 || grindingBits > 32) {
            throw new IllegalArgumentException("grinding bits must be in [0, 32], got " + grindingBits);
        }
        if (remainderMaxDegree < 0 || remainderMaxDegree > 1023) {
            throw new IllegalArgumentException("remainder max degree must be in [0, 1023], got " + remainderMaxDegree);
        }
    }

    /** log2 of the blowup. */
    public int logBlowup() {
        return Integer.numberOfTrailingZeros(blowup);
    }

    /** log2 of the folding factor. */
    public int logFoldingFactor() {
        return Integer.numberOfTrailingZeros(foldingFactor);
    }

    /** The query term alone: {@code queries · log2(blowup) + grindingBits}. */
    public int querySecurityBits() {
        return queries * logBlowup() + grindingBits;
    }

    /**
     * The conjectured security level in bits for an evaluation domain of size {@code 2^logDomainSize}
     * (formula in the class comment).
     */
    public int securityBits(int logDomainSize) {
        return Math.max(0, Math.min(querySecurityBits(), EXTENSION_FIELD_BITS - logDomainSize));
    }
}
