package dev.zkjvm.circuit.tables.translate;

/**
 * How {@link TranslatedSystem} checks the source's 16-bit range checks. Both layouts accept
 * the same traces whose selectors are 0 or 1 (what a selector means); they differ in what the
 * prover pays for.
 */
public enum RangeLayout {
    /**
     * A preprocessed table of 2^16 rows, {@code range16}, receives every input: one send per check.
     * Its 2^16 rows are a fixed cost, small beside tall tables and dominant beside short ones.
     */
    WHOLE,

    /**
     * A preprocessed table of 256 rows, {@code range16.bytes}, receives every input as two bytes:
     * the table that checks a value {@code v} gets one MAIN column {@code <check>.hi}, and sends
     * {@code hi} ({@code <check>.hi}) and {@code v - 256·hi} ({@code <check>.lo}) with the check's
     * selector as multiplicity. Both in [0, 256) holds exactly when {@code v} is in [0, 2^16),
     * since {@code 255 + 256·255 < p} rules out wrapping. A check with a selector also gets the row
     * constraint {@code <check>.selector.bool}, {@code s·(s - 1)}: two different values out of range
     * may share a low "byte", and selectors 1 and p - 1 would cancel them (a selector means 0 or 1
     * anyway). One column and one send more per check, and no 2^16-row table: the cheaper layout
     * for short traces.
     */
    BYTES
}
