package dev.zkjvm.circuit.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of checking a witness: every failing (constraint, row) pair is counted per
 * constraint; the first {@code maxFailures} (by row, then constraint order) are kept in detail with
 * the cells they read; failed lookups and permutations carry a diagnosis pointing at the first
 * offending row.
 */
public final class CheckReport {
    private final String system;
    private final int rows;
    private final int constraintCount;
    private final List<Failure> failures;
    private final Map<String, Long> counts;
    private final long total;
    private final List<ArgumentIssue> issues;

    CheckReport(String system, int rows, int constraintCount, List<Failure> failures, Map<String, Long> counts,
            List<ArgumentIssue> issues) {
        this.system = system;
        this.rows = rows;
        this.constraintCount = constraintCount;
        this.failures = List.copyOf(failures);
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        this.total = counts.values().stream().mapToLong(Long::longValue).sum();
        this.issues = List.copyOf(issues);
    }

    /** Whether every constraint vanished on every row it applies to. */
    public boolean isSatisfied() {
        return total == 0;
    }

    /** The detailed failures, ordered by row then constraint declaration order. */
    public List<Failure> failures() {
        return failures;
    }

    /** The names of all constraints that failed on at least one row, in declaration order. */
    public Set<String> failingConstraintNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(counts.keySet()));
    }

    /** Failing-row counts per failing constraint name, in declaration order. */
    public Map<String, Long> countsByConstraint() {
        return counts;
    }

    /** The total number of failing (constraint, row) pairs. */
    public long failureCount() {
        return total;
    }

    /** How many failing pairs were counted but not kept in detail. */
    public long omittedCount() {
        return total - failures.size();
    }

    /** Diagnoses of failed lookups and permutations. */
    public List<ArgumentIssue> argumentIssues() {
        return issues;
    }

    /** The number of rows checked. */
    public int rows() {
        return rows;
    }

    /**
     * Throws an {@link AssertionError} whose message is this report unless it is satisfied.
     */
    public void assertSatisfied() {
        if (!isSatisfied()) {
            throw new AssertionError(toString());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("check of ").append(system).append(": ").append(rows).append(" rows, ").append(constraintCount)
                .append(" constraints: ");
        if (isSatisfied()) {
            return sb.append("all satisfied").toString();
        }
        sb.append(total).append(" failure").append(total == 1 ? "" : "s").append(" in ").append(counts.size())
                .append(" constraint").append(counts.size() == 1 ? "" : "s").append('\n');
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append(" row")
                    .append(e.getValue() == 1 ? "" : "s").append('\n');
        }
        for (ArgumentIssue i : issues) {
            sb.append("  ").append(i).append('\n');
        }
        for (Failure f : failures) {
            sb.append("  - ").append(f).append('\n');
        }
        if (omittedCount() > 0) {
            sb.append("  ... and ").append(omittedCount()).append(" more failure")
                    .append(omittedCount() == 1 ? "" : "s").append(" not shown\n");
        }
        return sb.toString();
    }
}
