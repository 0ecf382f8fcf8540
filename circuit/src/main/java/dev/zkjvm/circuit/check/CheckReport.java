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
 *
 * <p>A caller that builds the witness from records (a trace) may add the records it found outside
 * what its inputs can hold ({@link #withRecordIssues}): they are counted per check family apart from
 * the constraints, and a report with any of them is not satisfied, whatever the constraints say.
 */
public final class CheckReport {
    private final String system;
    private final int rows;
    private final int constraintCount;
    private final List<Failure> failures;
    private final Map<String, Long> counts;
    private final long total;
    private final List<ArgumentIssue> issues;
    private final List<RecordIssue> recordIssues;
    private final Map<String, Long> recordCounts;
    private final long recordTotal;

    CheckReport(String system, int rows, int constraintCount, List<Failure> failures, Map<String, Long> counts,
            List<ArgumentIssue> issues) {
        this(system, rows, constraintCount, failures, counts, issues, List.of(), Map.of());
    }

    private CheckReport(String system, int rows, int constraintCount, List<Failure> failures,
            Map<String, Long> counts, List<ArgumentIssue> issues, List<RecordIssue> recordIssues,
            Map<String, Long> recordCounts) {
        this.system = system;
        this.rows = rows;
        this.constraintCount = constraintCount;
        this.failures = List.copyOf(failures);
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        this.total = counts.values().stream().mapToLong(Long::longValue).sum();
        this.issues = List.copyOf(issues);
        this.recordIssues = List.copyOf(recordIssues);
        this.recordCounts = Collections.unmodifiableMap(new LinkedHashMap<>(recordCounts));
        this.recordTotal = recordCounts.values().stream().mapToLong(Long::longValue).sum();
        if (recordTotal < this.recordIssues.size()) {
            throw new IllegalArgumentException("record counts " + recordCounts + " below the " + recordIssues.size()
                    + " detailed record issues");
        }
    }

    /**
     * A report of records refused before any constraint was evaluated (for a prover that refuses a
     * trace without building its witness): no constraint failure, only {@code recordIssues}.
     *
     * @param recordCounts invalid records per check family, at least as many as detailed
     */
    public static CheckReport ofRecordIssues(String system, int rows, int constraintCount,
            List<RecordIssue> recordIssues, Map<String, Long> recordCounts) {
        return new CheckReport(system, rows, constraintCount, List.of(), Map.of(), List.of(), recordIssues,
                recordCounts);
    }

    /**
     * This report with the records the witness's builder found outside what its inputs can hold.
     *
     * @param kept   the records kept in detail
     * @param counts invalid records per check family (including those not kept)
     */
    public CheckReport withRecordIssues(List<RecordIssue> kept, Map<String, Long> counts) {
        Map<String, Long> merged = new LinkedHashMap<>(recordCounts);
        counts.forEach((k, v) -> merged.merge(k, v, Long::sum));
        List<RecordIssue> all = new java.util.ArrayList<>(recordIssues);
        all.addAll(kept);
        return new CheckReport(system, rows, constraintCount, failures, this.counts, issues, all, merged);
    }

    /**
     * Whether every constraint vanished on every row it applies to and no input record was found
     * outside what the inputs can hold.
     */
    public boolean isSatisfied() {
        return total == 0 && recordTotal == 0;
    }

    /** Whether every constraint vanished on every row it applies to (record issues aside). */
    public boolean constraintsSatisfied() {
        return total == 0;
    }

    /** The invalid input records kept in detail, in the order the record check found them. */
    public List<RecordIssue> recordIssues() {
        return recordIssues;
    }

    /** Invalid records per record-check family (e.g. {@code trace.record.value_fits_word}). */
    public Map<String, Long> recordCountsByCheck() {
        return recordCounts;
    }

    /** The names of the record-check families that found an invalid record. */
    public Set<String> failingRecordChecks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(recordCounts.keySet()));
    }

    /** The number of (record, check) pairs found invalid. */
    public long recordIssueCount() {
        return recordTotal;
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

    /** The total number of failing (constraint, row) pairs (invalid records are counted apart). */
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
        if (recordTotal > 0) {
            sb.append(recordTotal).append(" invalid record").append(recordTotal == 1 ? "" : "s").append(" in ")
                    .append(recordCounts.size()).append(" record check").append(recordCounts.size() == 1 ? "" : "s")
                    .append(", ");
        }
        sb.append(total).append(" failure").append(total == 1 ? "" : "s").append(" in ").append(counts.size())
                .append(" constraint").append(counts.size() == 1 ? "" : "s").append('\n');
        for (Map.Entry<String, Long> e : recordCounts.entrySet()) {
            sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append(" record")
                    .append(e.getValue() == 1 ? "" : "s").append('\n');
        }
        for (RecordIssue i : recordIssues) {
            sb.append("  - ").append(i).append('\n');
        }
        if (recordTotal > recordIssues.size()) {
            sb.append("  ... and ").append(recordTotal - recordIssues.size()).append(" more invalid record")
                    .append(recordTotal - recordIssues.size() == 1 ? "" : "s").append(" not shown\n");
        }
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
