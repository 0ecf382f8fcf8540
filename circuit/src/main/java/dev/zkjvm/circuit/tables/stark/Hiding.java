package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.fri.FriParameters;

/**
 * How much a zero-knowledge proof randomises, derived from the parameters alone (prover and
 * verifier agree on it). The argument is in docs/constraints.md, "Zero knowledge".
 *
 * <ul>
 *   <li>Every MAIN and AUX column of n rows is committed as {@code t(x) + (x^n - 1)·r(x)} with
 *       {@link #traceRandomizers} random coefficients in r: one per field element that the proof
 *       reveals of that polynomial or that the revealed composition values depend on (its values
 *       at z and z·ω, two coordinates each, at each query point and at its next row).</li>
 *   <li>Consecutive composition chunks are blinded by {@code H'_j = H_j + x^P·b_j - b_(j-1)} with
 *       {@link #chunkRandomizers} coefficients in each b_j (each chunk is revealed at z and at each
 *       query point), which leaves {@code Σ_j x^(jP)·H'_j} unchanged.</li>
 *   <li>The FRI polynomial gets a uniformly random polynomial of the full degree bound added, so
 *       that FRI's layers and remainder are independent of the trace.</li>
 *   <li>Leaves of the MAIN, AUX and composition trees carry {@link #SALT} random field elements.</li>
 * </ul>
 * The randomised polynomials rise a little above their table's height: each table's polynomials
 * get a slack of {@code 1/}{@value #SLACK_DIVISOR} of its domain (or a taller domain if that is not
 * enough), so FRI tests a degree bound of {@code (1 + 1/64)} times the tallest domain; a query is
 * then worth {@code log2(blowup·64/65)} bits rather than {@code log2(blowup)}, and
 * {@link #parameters} adds the queries that make up the difference.
 */
final class Hiding {
    /** Random field elements per salted leaf group: about 128 bits. */
    static final int SALT = 2;
    /** A table's polynomials may exceed its domain P by P/64. */
    static final int SLACK_DIVISOR = 64;
    static final Hiding OFF = new Hiding(false, 0, 0);

    final boolean on;
    /** Coefficients of each trace column's randomiser r. */
    final int traceRandomizers;
    /** Coefficients of each composition chunk's blinding polynomial b_j. */
    final int chunkRandomizers;

    private Hiding(boolean on, int traceRandomizers, int chunkRandomizers) {
        this.on = on;
        this.traceRandomizers = traceRandomizers;
        this.chunkRandomizers = chunkRandomizers;
    }

    /** The randomisation of a proof with these (already adjusted, see {@link #parameters}) FRI parameters. */
    static Hiding of(boolean on, FriParameters fri) {
        if (!on) {
            return OFF;
        }
        int points = fri.queries(); // a query opens one point of each table
        return new Hiding(true, 2 * points + 4, points + 2);
    }

    /**
     * The FRI parameters of a proof: unchanged without zero knowledge; with it, enough queries more
     * that {@code queries'·log2(blowup·64/65) >= queries·log2(blowup)}.
     */
    static FriParameters parameters(FriParameters fri, boolean on) {
        if (!on) {
            return fri;
        }
        double perQuery = Math.log(fri.blowup() * (double) SLACK_DIVISOR / (SLACK_DIVISOR + 1)) / Math.log(2);
        int queries = (int) Math.ceil(fri.queries() * (double) fri.logBlowup() / perQuery - 1e-9);
        return new FriParameters(fri.blowup(), fri.foldingFactor(), queries, fri.grindingBits(),
                fri.remainderMaxDegree());
    }

    /** The slack of a table whose polynomials live on a domain of {@code polyRows} points. */
    int slack(int polyRows) {
        return on ? polyRows / SLACK_DIVISOR : 0;
    }
}
