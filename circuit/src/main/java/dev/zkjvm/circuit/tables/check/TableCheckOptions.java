package dev.zkjvm.circuit.tables.check;

/**
 * Options of one {@link TableSystemChecker#check} run.
 *
 * @param maxFailures how many row failures, and how many unmatched tuples, to keep in detail (the
 *     rest are counted)
 * @param maxOccurrences how many sending or receiving rows to list per unmatched tuple
 * @param parallelism number of worker threads (at least 1)
 * @param rowNames how failing and sending rows are described, besides their table and row
 */
public record TableCheckOptions(int maxFailures, int maxOccurrences, int parallelism, RowNames rowNames) {
    /** Options whose reports name tables and rows only. */
    public TableCheckOptions(int maxFailures, int maxOccurrences, int parallelism) {
        this(maxFailures, maxOccurrences, parallelism, RowNames.NONE);
    }

    /** Validates. */
    public TableCheckOptions {
        java.util.Objects.requireNonNull(rowNames, "rowNames");
        if (maxFailures < 0 || maxOccurrences < 0) {
            throw new IllegalArgumentException("limits must be >= 0");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1");
        }
    }

    /** 20 failures and tuples, 8 rows per tuple, one worker per processor. */
    public static TableCheckOptions defaults() {
        return new TableCheckOptions(20, 8, Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another worker count. */
    public TableCheckOptions withParallelism(int workers) {
        return new TableCheckOptions(maxFailures, maxOccurrences, workers, rowNames);
    }

    /** A copy whose reports describe rows with {@code names}. */
    public TableCheckOptions withRowNames(RowNames names) {
        return new TableCheckOptions(maxFailures, maxOccurrences, parallelism, names);
    }
}
