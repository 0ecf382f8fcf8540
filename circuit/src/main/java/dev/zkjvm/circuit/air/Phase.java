package dev.zkjvm.circuit.air;

/** When the values of a column become known, which fixes the order of commitment. */
public enum Phase {
    /** Preprocessed: determined by the constraint system and the row count alone (tables, selectors). */
    FIXED,
    /** Witness columns, committed before any challenge is drawn. */
    MAIN,
    /** Challenge-dependent columns (running sums, grand products), built after the challenges are drawn. */
    AUX
}
