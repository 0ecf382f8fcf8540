package dev.zkjvm.circuit.check;

/**
 * A diagnosis of a failed lookup or permutation, pointing at the first offending row.
 *
 * @param argument the lookup's or permutation's name
 * @param kind "lookup" or "permutation"
 * @param row the first offending row, or -1 if none could be pinned down
 * @param message what is wrong there
 */
public record ArgumentIssue(String argument, String kind, int row, String message) {
    @Override
    public String toString() {
        return kind + " " + argument + (row >= 0 ? " at row " + row : "") + ": " + message;
    }
}
