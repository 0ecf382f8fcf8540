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
 * <h2>Provable security</h2>
 * {@link #provableSecurityBits(int, int, int, int)} is what is proven for the same parameters,
 * counted round by round (the STARK analysis of the ethSTARK documentation, ePrint 2021/582, in
 * its round-by-round form): the smallest {@code -log2} of the chance that one of the
 * verifier's random choices lets a false statement through. With n the trace length, |D| = n·blowup
 * the evaluation domain, {@code ρ⁺ = (n + 2)/|D|}, |F| = p² ≈ 2^128, C constraints, k the folding
 * factor, q queries and g grinding bits, it is the better of two proofs:
 * <ul>
 *   <li>unique decoding: the smallest of {@code log2|F| - log2 C} (composition challenge),
 *       {@code log2|F| - log2((chunks + 2)(n + 1))} (out-of-domain point), {@code log2|F| - log2|D|}
 *       (DEEP weights, independent challenges), {@code log2|F| - log2((k - 1)|D|)} (each fold) and
 *       {@code g - q·log2((1 + ρ⁺)/2)} (queries);</li>
 *   <li>the Johnson bound (list decoding), maximised over an integer {@code m ≥ 3}: with list size
 *       {@code L = m/ρ⁺} and the proximity-gaps error {@code ε = (m + ½)^7·|D|²/(3·ρ⁺^(3/2)·|F|)}
 *       (Ben-Sasson, Carmon, Ishai, Kopparty, Saraf, "Proximity Gaps for Reed-Solomon Codes"), the
 *       smallest of {@code log2|F| - log2(L·C)}, {@code log2|F| - log2(L²(chunks + 2)(n + 1))},
 *       {@code -log2 ε}, {@code -log2((k - 1)ε)} and {@code g - q·log2(√ρ⁺·(1 + 1/(2m)))}.</li>
 * </ul>
 * A query is worth about {@code log2(blowup)} conjectured bits but only 0.68 (blowup 4) or 0.83
 * (blowup 8) proven bits in the unique-decoding regime; the Johnson regime values a query at
 * almost {@code log2(blowup)/2} bits, but its ε, with |D|² against a field of only 2^128, caps it
 * at about 55 to 75 bits for our trace lengths. So {@link #DEFAULT}'s 100 conjectured bits are
 * 56 to 58 provable bits (Johnson bound, 2^22 to 2^16 rows), and reaching 100 provable bits over
 * GF(p²) means the unique-decoding regime and many queries: {@link #PROVABLE_100}. Beyond about
 * 100 provable bits the field is the limit (the batching and folding terms are
 * {@code 128 - log2|D|} at best, 103 bits at 2^22 rows and blowup 8); more would need a larger
 * extension field. Neither level counts the challenges of the lookup and permutation arguments.
 *
 * @param fri the FRI parameters; {@code fri.blowup()} is the trace extension factor
 * @param hash the hash of the commitments and of the transcript
 */
public record StarkConfig(FriParameters fri, HashAlgorithm hash) implements java.io.Serializable {
    /**
     * The default: blowup 4, folding by 4, 40 queries, 20 grinding bits, remainder of degree at most
     * 31, SHA-256; {@code 40·2 + 20 = 100} bits of conjectured security. The trace's extension is most
     * of the prover's work, so a blowup of 4 rather than FRI's default 8 halves it; 12 more queries
     * and 4 more grinding bits (about a million hashes) keep the level. The remainder of degree 31
     * (Winterfell's default) saves a FRI layer against 7: 32 coefficients in the clear cost less
     * than a layer's openings. It allows constraints whose
     * quotients need up to 4 chunks (degree 4 on the first and last rows, 5 elsewhere).
     */
    public static final StarkConfig DEFAULT = new StarkConfig(new FriParameters(4, 4, 40, 20, 31), HashAlgorithm.DEFAULT);

    /**
     * FRI's default parameters (blowup 8, folding by 4, 28 queries, 16 grinding bits), 100 bits too:
     * fewer queries, so smaller proofs for wide traces, at about twice the prover's work per column.
     */
    public static final StarkConfig COMPACT_PROOFS = new StarkConfig(FriParameters.DEFAULT, HashAlgorithm.DEFAULT);

    /**
     * At least 100 bits of provable security for every trace length up to 2^22 rows (100.5 bits in
     * the unique-decoding regime, see the class comment): blowup 8, folding by 4, 97 queries, 20
     * grinding bits, remainder of degree at most 7, SHA-256. About 2.4 times the queries of
     * {@link #DEFAULT} and twice its extension, so larger proofs and a slower prover
     * (docs/benchmarks.md has both measured).
     */
    public static final StarkConfig PROVABLE_100 = new StarkConfig(new FriParameters(8, 4, 97, 20, 7),
            HashAlgorithm.DEFAULT);

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

    /**
     * The provable security level in bits (see the class comment).
     *
     * @param logRows log2 of the trace length n
     * @param chunks the number of composition chunks
     * @param constraints the number of constraints combined
     * @param columns the number of columns the DEEP composition combines (the system's columns and
     *     the composition's {@code 2·chunks})
     */
    public int provableSecurityBits(int logRows, int chunks, int constraints, int columns) {
        return ProvableSecurity.bits(ProvableSecurity.Instance.of(this, logRows, chunks, constraints, columns));
    }

    /**
     * The provable security level of a proof of {@code system} on {@code 2^logRows} rows.
     *
     * @throws IllegalArgumentException if the constraints' degree needs a larger blowup
     */
    public int provableSecurityBits(dev.zkjvm.circuit.air.ConstraintSystem system, int logRows) {
        int chunks = compositionChunks(system, logRows);
        return provableSecurityBits(logRows, chunks, system.constraints().size(),
                system.columns().size() + 2 * chunks);
    }

    /**
     * Both levels of a proof of {@code system} on {@code 2^logRows} rows in one line, as every
     * report prints them: "100 bits conjectured, 56 bits provable (Johnson bound)".
     */
    public String securitySummary(dev.zkjvm.circuit.air.ConstraintSystem system, int logRows) {
        int chunks = compositionChunks(system, logRows);
        ProvableSecurity.Instance x = ProvableSecurity.Instance.of(this, logRows, chunks, system.constraints().size(),
                system.columns().size() + 2 * chunks);
        return securityBits(system, logRows) + " bits conjectured, " + ProvableSecurity.bits(x) + " bits provable ("
                + ProvableSecurity.regime(x) + ")";
    }

    /**
     * How many trace-length chunks the composition polynomial of {@code system} needs on
     * {@code 2^logRows} rows (which sets the proof's shape).
     *
     * @throws IllegalArgumentException if the constraints' degree needs a larger blowup
     */
    public int compositionChunks(dev.zkjvm.circuit.air.ConstraintSystem system, int logRows) {
        return CompositionShape.chunks(system, logRows, blowup());
    }

    private static int ceilLog2(int v) {
        return v <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(v - 1);
    }
}
