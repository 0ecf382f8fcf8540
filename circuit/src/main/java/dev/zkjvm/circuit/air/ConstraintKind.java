package dev.zkjvm.circuit.air;

/** On which rows a constraint must evaluate to zero. */
public enum ConstraintKind {
    /**
     * Every row 0..n-1. A {@code ConstraintSystemBuilder} lets it read only the current row; a table
     * system's LogUp step also reads the next row, cyclically (the last row's next row is the first).
     */
    EVERY_ROW("every row"),
    /** Rows 0..n-2; may read the current and the next row. */
    TRANSITION("transition"),
    /** Row 0 only. */
    FIRST_ROW("first row"),
    /** Row n-1 only. */
    LAST_ROW("last row");

    private final String label;

    ConstraintKind(String label) {
        this.label = label;
    }

    /** A short human label ("every row", "transition", ...). */
    public String label() {
        return label;
    }
}
