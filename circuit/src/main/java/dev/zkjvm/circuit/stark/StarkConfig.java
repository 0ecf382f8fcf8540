package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;

/**
 * What a prover and a verifier must agree on besides the constraint system: the FRI parameters
 * (whose blowup is also the trace's low-degree-extension factor) and the hash of every Merkle tree
 * and of the transcript.
 *
 * <h2>Conjectured security</h2>
 * {@link #securityBits(int, int, int)} is the smallest of
 * <ul>
 *   <li>the FRI term of {@link FriParameters#securityBits(int)}: {@code queries·log2(blowup) +
 *       grindingBits}, capped by {@code 127 - log2(N)} for the folding challenges;</li>
 *   <li>the DEEP term {@code 127 - log2(D·n)}: the out-of-domain point z is uniform in GF(p²)
 *       (|GF(p²)| &gt; 2^127) and a false claim survives it only if z is a root of a polynomial of
 *       degree at most D·n, D the number of composition chunks plus one;</li>
 *   <li>the composition term {@code 127 - log2(m)}: the m constraint quotients are combined with the
 *       powers of one challenge, which hides a non-polynomial quotient only at one of m - 1 roots.</li>
 * </ul>
 * These are the usual conjectured (not proven) STARK estimates; see the references of
 * {@link FriParameters}. The hash must give at least as many bits of collision resistance
 * (SHA-256, Keccak-256 and BLAKE3 give 128).
 *
 * @param fri the FRI parameters; {@code fri.blowup()} is the trace extension factor
 * @param hash the hash of the commitments and of the transcript
 */
public record StarkConfig(FriParameters fri, HashAlgorithm hash) {
    /**
     * The default: blowup 4, folding by 4, 40 queries, 20 grinding bits, remainder of degree at most
     * 7, SHA-256; {@code 40·2 + 20 = 100} bits of conjectured security. The trace's extension is most
     * of the prover's work, so a blowup of 4 rather than FRI's default 8 halves it; 12 more queries
     * and 4 more grinding bits (about a million hashes) keep the level. It allows constraints whose
     * quotients need up to 4 chunks (degree 4 on the first and last rows, 5 elsewhere).
     */
    public static final StarkConfig DEFAULT = new StarkConfig(new FriParameters(4, 4, 40, 20, 7), HashAlgorithm.DEFAULT);

    /**
     * FRI's default parameters (blowup 8, folding by 4, 28 queries, 16 grinding bits), 100 bits too:
     * fewer queries, so smaller proofs for wide traces, at about twice the prover's work per column.
     */
    public static final StarkConfig COMPACT_PROOFS = new StarkConfig(FriParameters.DEFAULT, HashAlgorithm.DEFAULT);

    /** Checks for nulls. */
    public StarkConfig {
        java.util.Objects.requireNonNull(fri, "fri");
        java.util.Objects.requireNonNull(hash, "hash");
    }

    /** The same parameters with another hash. */
    public StarkConfig withHash(HashAlgorithm algorithm) {
        return new StarkConfig(fri, algorithm);
    }

    /** The trace extension factor (FRI's blowup). */
    public int blowup() {
        return fri.blowup();
    }

    /**
     * The conjectured security level in bits (see the class comment).
     *
     * @param logRows log2 of the trace length n
     * @param chunks the number of composition chunks
     * @param constraints the number of constraints combined
     */
    public int securityBits(int logRows, int chunks, int constraints) {
        int logN = logRows + fri.logBlowup();
        int friBits = fri.securityBits(logN);
        int deepBits = FriParameters.EXTENSION_FIELD_BITS - (logRows + ceilLog2(chunks + 1));
        int compositionBits = FriParameters.EXTENSION_FIELD_BITS - ceilLog2(Math.max(1, constraints));
        return Math.max(0, Math.min(friBits, Math.min(deepBits, compositionBits)));
    }

    /**
     * The conjectured security level of a proof of {@code system} on {@code 2^logRows} rows.
     *
     * @throws IllegalArgumentException if the constraints' degree needs a larger blowup
     */
    public int securityBits(dev.zkjvm.circuit.air.ConstraintSystem system, int logRows) {
        return securityBits(logRows, CompositionShape.chunks(system, logRows, blowup()), system.constraints().size());
    }

    private static int ceilLog2(int v) {
        return v <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(v - 1);
    }
}
