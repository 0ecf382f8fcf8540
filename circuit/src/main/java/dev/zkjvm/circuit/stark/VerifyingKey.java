package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Phase;
import java.util.List;

/**
 * What a verifier derives from the public data alone before it reads a proof: the root of the
 * FIXED columns (range tables, and the program for an execution circuit) extended and committed
 * exactly as the prover does, for one trace length and configuration. Deriving it costs one
 * low-degree extension of the FIXED columns; keep it to verify many proofs of the same shape.
 */
public final class VerifyingKey {
    /**
     * log2 of the largest trace the verifier derives a key for, and so of the largest trace that can
     * be proven. A proof names its own length, so without a bound a forged proof could make the
     * verifier extend the FIXED columns over an arbitrarily large domain; 2^22 rows is above what
     * the prover fits in memory on the machines we measure on (docs/benchmarks.md).
     */
    public static final int MAX_LOG_ROWS = 22;

    private final ConstraintSystem system;
    private final int logRows;
    private final StarkConfig config;
    private final byte[] fixedRoot;

    private VerifyingKey(ConstraintSystem system, int logRows, StarkConfig config, byte[] fixedRoot) {
        this.system = system;
        this.logRows = logRows;
        this.config = config;
        this.fixedRoot = fixedRoot;
    }

    /**
     * Derives the key of {@code system} on {@code 2^logRows} rows.
     *
     * @throws IllegalArgumentException if the length is below the system's minimum or above
     *     {@link #MAX_LOG_ROWS}
     */
    public static VerifyingKey derive(ConstraintSystem system, int logRows, StarkConfig config) {
        if (logRows > MAX_LOG_ROWS || (1L << logRows) < system.minRows()) {
            throw new IllegalArgumentException("trace of 2^" + logRows + " rows is outside [" + system.minRows()
                    + ", 2^" + MAX_LOG_ROWS + "] for " + system.name());
        }
        return new VerifyingKey(system, logRows, config, fixedRoot(system, logRows, config));
    }

    /** The FIXED commitment's root, or {@code null} when the system has no FIXED column. */
    static byte[] fixedRoot(ConstraintSystem system, int logRows, StarkConfig config) {
        LdeCommitment c = fixedCommitment(system, logRows, config);
        return c == null ? null : c.root();
    }

    static LdeCommitment fixedCommitment(ConstraintSystem system, int logRows, StarkConfig config) {
        List<Column> fixed = system.columns(Phase.FIXED);
        if (fixed.isEmpty()) {
            return null;
        }
        int n = 1 << logRows;
        long[][] values = new long[fixed.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = system.fixedValues(fixed.get(i)).generate(n);
        }
        return LdeCommitment.ofEvaluations(values, config.blowup(), config.fri().foldingFactor(), config.hash());
    }

    /** The constraint system. */
    public ConstraintSystem system() {
        return system;
    }

    /** log2 of the trace length. */
    public int logRows() {
        return logRows;
    }

    /** The configuration. */
    public StarkConfig config() {
        return config;
    }

    byte[] fixedRoot() {
        return fixedRoot == null ? null : fixedRoot.clone();
    }
}
