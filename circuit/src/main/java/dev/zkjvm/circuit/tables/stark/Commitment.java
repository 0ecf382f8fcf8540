package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Phase;

/**
 * The commitments of a proof, in order, each one mixed-height tree over the tables that have
 * columns in it: the preprocessed tables' FIXED columns (in the verifying key), the other tables'
 * FIXED columns (derived by the verifier from the system and the heights), the MAIN columns, the
 * LogUp (AUX) columns. The composition chunks follow as the last tree.
 */
enum Commitment {
    PREPROCESSED(Phase.FIXED),
    FIXED(Phase.FIXED),
    MAIN(Phase.MAIN),
    AUX(Phase.AUX);

    private final Phase phase;

    Commitment(Phase phase) {
        this.phase = phase;
    }

    /** The phase of the columns. */
    Phase phase() {
        return phase;
    }

    /** Whether the table's columns of this commitment's phase belong to this commitment. */
    boolean holds(dev.zkjvm.circuit.tables.Table table) {
        return switch (this) {
            case PREPROCESSED -> table.isPreprocessed();
            case FIXED -> !table.isPreprocessed();
            case MAIN, AUX -> true;
        };
    }
}
