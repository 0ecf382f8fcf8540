package dev.zkjvm.circuit.tables.check;

import java.util.List;
import java.util.Map;

/**
 * The result of checking a table system: the row constraints that fail (counted per table and
 * constraint, the first ones in detail) and the tuples whose bus multiplicities do not cancel.
 *
 * @param system the system's name
 * @param heights every table's height, by table name
 * @param rowFailures the first failing (table, constraint, row) triples, by table then row
 * @param failureCounts failing rows per {@code table.constraint}, for failing constraints only
 * @param unmatched the first unmatched tuples in detail
 * @param unmatchedCount how many distinct tuples are unmatched in all
 * @param interactions how many non-zero interactions were counted on the buses
 */
public record TableSystemReport(String system, Map<String, Integer> heights, List<RowFailure> rowFailures,
        Map<String, Long> failureCounts, List<UnmatchedTuple> unmatched, long unmatchedCount, long interactions) {
    /** Copies. */
    public TableSystemReport {
        heights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(heights));
        rowFailures = List.copyOf(rowFailures);
        failureCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failureCounts));
        unmatched = List.copyOf(unmatched);
    }

    /** Whether every row constraint holds and every bus balances. */
    public boolean isSatisfied() {
        return failureCounts.isEmpty() && unmatchedCount == 0;
    }

    /** The total number of failing (constraint, row) pairs. */
    public long failureCount() {
        return failureCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("table system ").append(system).append(' ').append(heights);
        if (isSatisfied()) {
            return sb.append(": satisfied (").append(interactions).append(" bus interactions)").toString();
        }
        sb.append(": ").append(failureCount()).append(" failing rows, ").append(unmatchedCount)
                .append(" unmatched tuples\n");
        for (RowFailure f : rowFailures) {
            sb.append("  ").append(f).append('\n');
        }
        long rest = failureCount() - rowFailures.size();
        if (rest > 0) {
            sb.append("  ... and ").append(rest).append(" more failing rows ").append(failureCounts).append('\n');
        }
        for (UnmatchedTuple u : unmatched) {
            sb.append("  ").append(u).append('\n');
        }
        if (unmatchedCount > unmatched.size()) {
            sb.append("  ... and ").append(unmatchedCount - unmatched.size()).append(" more unmatched tuples\n");
        }
        return sb.toString();
    }
}
