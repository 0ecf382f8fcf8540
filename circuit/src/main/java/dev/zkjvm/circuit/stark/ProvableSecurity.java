package dev.zkjvm.circuit.stark;

/**
 * The provable (proven, not conjectured) security level of one set of parameters, as the
 * round-by-round soundness of the protocol: the smallest, over the verifier's random choices, of
 * {@code -log2} of the probability that a false statement survives that choice. Two regimes of
 * the FRI analysis are evaluated and the better one is the level, since each is a proof on its
 * own (formulas in {@link StarkConfig}):
 * <ul>
 *   <li>unique decoding, proximity {@code θ = (1 - ρ⁺)/2}: each query catches a far word with
 *       probability at least θ, so a query is worth {@code -log2((1 + ρ⁺)/2)} bits (0.83 at
 *       blowup 8, 0.68 at blowup 4) and the batching and folding steps lose only {@code |D|/|F|};</li>
 *   <li>list decoding up to the Johnson bound, proximity {@code θ = 1 - √ρ⁺·(1 + 1/(2m))} for an
 *       integer {@code m ≥ 3} chosen to maximise the level: a query is worth almost
 *       {@code log2(blowup)/2} bits, but the batching and folding steps lose
 *       {@code (m + ½)^7·|D|² / (3·ρ⁺^(3/2)·|F|)} (the proximity-gaps bound of Ben-Sasson, Carmon,
 *       Ishai, Kopparty, Saraf, FOCS 2020), which over GF(p²) (|F| ≈ 2^128) and domains of 2^18
 *       to 2^25 points caps this regime at about 55 to 75 bits.</li>
 * </ul>
 */
final class ProvableSecurity {
    /** {@code log2 |GF(p²)|}, p the Goldilocks prime: just below 128. */
    static final double FIELD_BITS = 2 * log2(18446744069414584321.0);
    /** The Johnson-regime parameter m is searched in [3, this]. */
    private static final int MAX_M = 1000;

    /** The protocol's sizes that the level depends on. */
    record Instance(int logRows, int blowup, int foldingFactor, int queries, int grindingBits, int chunks,
            int constraints, int columns) {
        static Instance of(StarkConfig config, int logRows, int chunks, int constraints, int columns) {
            return new Instance(logRows, config.blowup(), config.fri().foldingFactor(), config.fri().queries(),
                    config.fri().grindingBits(), chunks, constraints, columns);
        }

        double n() {
            return Math.scalb(1.0, logRows);
        }

        /** The evaluation domain's size |D|. */
        double domain() {
            return n() * blowup;
        }

        /** The rate with the two out-of-domain openings: {@code (n + 2)/|D|}. */
        double ratePlus() {
            return (n() + 2) / domain();
        }
    }

    private ProvableSecurity() {
    }

    /** The level in whole bits: the better regime, rounded down, at least 0. */
    static int bits(Instance x) {
        return (int) Math.max(0, Math.floor(Math.max(uniqueDecoding(x), listDecoding(x))));
    }

    /** Which regime gives {@link #bits}: "unique decoding" or "Johnson bound". */
    static String regime(Instance x) {
        return uniqueDecoding(x) >= listDecoding(x) ? "unique decoding" : "Johnson bound";
    }

    /**
     * Round-by-round level in the unique-decoding regime: the smallest of the composition
     * challenge ({@code C/|F|}, C constraints combined with the powers of one challenge), the
     * out-of-domain point ({@code (chunks + 2)·(n + 1)/|F|}), the DEEP batching with independent
     * weights ({@code |D|/|F|}), each fold ({@code (k - 1)·|D|/|F|}, k values combined with the
     * powers of one challenge) and the queries with grinding
     * ({@code ((1 + ρ⁺)/2)^queries · 2^-grinding}).
     */
    static double uniqueDecoding(Instance x) {
        double composition = FIELD_BITS - log2(Math.max(1, x.constraints()));
        double deepPoint = FIELD_BITS - log2((x.chunks() + 2) * (x.n() + 1));
        double batching = FIELD_BITS - log2(x.domain());
        double folding = FIELD_BITS - log2((x.foldingFactor() - 1) * x.domain());
        double queries = x.grindingBits() - x.queries() * log2((1 + x.ratePlus()) / 2);
        return min(composition, deepPoint, batching, folding, queries);
    }

    /** The list-decoding (Johnson bound) level for the best m in [3, 1000]. */
    static double listDecoding(Instance x) {
        double best = Double.NEGATIVE_INFINITY;
        for (int m = 3; m <= MAX_M; m++) {
            best = Math.max(best, listDecoding(x, m));
        }
        return best;
    }

    /**
     * The list-decoding level for one m: the list size {@code L = m/ρ⁺} (Johnson bound) multiplies
     * the composition term ({@code L·C/|F|}) and, squared, the out-of-domain term
     * ({@code L²·(chunks + 2)·(n + 1)/|F|}); batching and each fold lose the proximity-gaps error
     * {@code ε = (m + ½)^7·|D|²/(3·ρ⁺^(3/2)·|F|)} ({@code (k - 1)·ε} for a fold); a query passes a
     * far word with probability {@code √ρ⁺·(1 + 1/(2m))}.
     */
    static double listDecoding(Instance x, int m) {
        double rate = x.ratePlus();
        double list = m / rate;
        double gap = log2(Math.pow(m + 0.5, 7) * x.domain() * x.domain() / (3 * Math.pow(rate, 1.5)));
        double composition = FIELD_BITS - log2(list * Math.max(1, x.constraints()));
        double deepPoint = FIELD_BITS - log2(list * list * (x.chunks() + 2) * (x.n() + 1));
        double batching = FIELD_BITS - gap;
        double folding = FIELD_BITS - gap - log2(x.foldingFactor() - 1);
        double queries = x.grindingBits() - x.queries() * log2(Math.sqrt(rate) * (1 + 1.0 / (2 * m)));
        return min(composition, deepPoint, batching, folding, queries);
    }

    private static double min(double... terms) {
        double m = Double.POSITIVE_INFINITY;
        for (double t : terms) {
            m = Math.min(m, t);
        }
        return m;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
