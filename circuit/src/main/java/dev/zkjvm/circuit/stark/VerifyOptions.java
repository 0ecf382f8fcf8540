package dev.zkjvm.circuit.stark;

/**
 * The verifier's policy on what a proof may claim, set by the caller. A proof names its own trace
 * length, and verifying a proof of {@code 2^r} rows costs one verifying key for {@code 2^r} rows
 * (an extension of the FIXED columns over {@code 2^r·blowup} points: about a minute and 3 GB at
 * 2^22 rows). The verifier checks everything it can without that key first (shape, transcript,
 * composition identity, proof of work, FRI, every non-FIXED opening), so a malformed proof never
 * costs a key; a proof that passes all of that still costs one key for its claimed length, and
 * the bound below is what caps it.
 *
 * <p>The default accepts every length the system allows ({@link
 * dev.zkjvm.circuit.air.ConstraintSystem#minRows()}, which the program's FIXED columns and the
 * range tables set) up to the largest the prover makes ({@link VerifyingKey#MAX_LOG_ROWS}). A
 * caller that knows how long its runs are (a service that proves runs of at most a million steps)
 * should narrow it with {@link #upToLogRows(int)}.
 *
 * @param maxLogRows log2 of the largest trace length accepted: 1 to {@link VerifyingKey#MAX_LOG_ROWS}
 */
public record VerifyOptions(int maxLogRows) {
    /** Every trace length the prover can make: up to {@code 2^}{@value VerifyingKey#MAX_LOG_ROWS} rows. */
    public static final VerifyOptions DEFAULT = new VerifyOptions(VerifyingKey.MAX_LOG_ROWS);

    /** Validates the bound. */
    public VerifyOptions {
        if (maxLogRows < 1 || maxLogRows > VerifyingKey.MAX_LOG_ROWS) {
            throw new IllegalArgumentException("maxLogRows must be in [1, " + VerifyingKey.MAX_LOG_ROWS + "], got "
                    + maxLogRows);
        }
    }

    /** Accepts traces of at most {@code 2^maxLogRows} rows. */
    public static VerifyOptions upToLogRows(int maxLogRows) {
        return new VerifyOptions(maxLogRows);
    }
}
