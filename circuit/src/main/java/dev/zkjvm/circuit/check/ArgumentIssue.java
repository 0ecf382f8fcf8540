package dev.zkjvm.circuit.check;

/**
 * A diagnosis of a failed lookup, range check or permutation, pointing at the first offending row.
 *
 * @param argument the lookup's or permutation's name; for a range check, the name its caller gave
 *     the input (or the batch's name, {@code range<bits>}, for a wrong multiplicity or AUX column)
 * @param kind "lookup", "permutation" or "range check"
 * @param row the first offending row, or -1 if none could be pinned down
 * @param message what is wrong there
 * @param context the caller's description of the row as the offending side reads it (see
 *     {@link RowDescriber}), or {@code null}
 */
public record ArgumentIssue(String argument, String kind, int row, String message, String context) {
    /** An issue without context. */
    public ArgumentIssue(String argument, String kind, int row, String message) {
        this(argument, kind, row, message, null);
    }

    @Override
    public String toString() {
        return kind + " " + argument + (row >= 0 ? " at row " + row : "") + (context != null ? " (" + context + ")" : "")
                + ": " + message;
    }
}
