package dev.zkjvm.circuit.check;

import java.util.function.IntFunction;

/**
 * Options of one {@link Checker#check} run.
 *
 * @param maxFailures how many failures to keep in detail (the rest are only counted)
 * @param context describes a failing row for the report, from the row and the cells read there
 *     (see {@link RowDescriber}); called only for detailed failures and argument issues; may be
 *     {@code null}
 * @param parallelism number of worker threads (at least 1)
 * @param statement the statement's side of the system's public buses, or {@code null} when none was
 *     given (checked as {@link StatementTuples#NONE}; a caller that knows the run may supply its own)
 */
public record CheckOptions(int maxFailures, RowDescriber context, int parallelism, StatementTuples statement) {
    /** The default number of detailed failures. */
    public static final int DEFAULT_MAX_FAILURES = 20;

    /** Validates. */
    public CheckOptions {
        if (maxFailures < 0) {
            throw new IllegalArgumentException("maxFailures must be >= 0");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1");
        }
    }

    /** Options with no statement. */
    public CheckOptions(int maxFailures, RowDescriber context, int parallelism) {
        this(maxFailures, context, parallelism, null);
    }

    /** 20 detailed failures, no row context, one worker per available processor. */
    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_MAX_FAILURES, null, Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another failure limit. */
    public CheckOptions withMaxFailures(int n) {
        return new CheckOptions(n, context, parallelism, statement);
    }

    /**
     * A copy with a row-context function that sees the row only, e.g.
     * {@code r -> "t=" + r + " step=" + step[r]}.
     */
    public CheckOptions withContext(IntFunction<String> rowContext) {
        return withDescriber(rowContext == null ? null : (row, cells) -> rowContext.apply(row));
    }

    /** A copy with a describer that also sees which cells the failing constraint or argument reads. */
    public CheckOptions withDescriber(RowDescriber describer) {
        return new CheckOptions(maxFailures, describer, parallelism, statement);
    }

    /** A copy with another worker count. */
    public CheckOptions withParallelism(int workers) {
        return new CheckOptions(maxFailures, context, workers, statement);
    }

    /** A copy that checks the public buses against {@code tuples}. */
    public CheckOptions withStatement(StatementTuples tuples) {
        return new CheckOptions(maxFailures, context, parallelism, java.util.Objects.requireNonNull(tuples, "tuples"));
    }

    /** The statement given, or {@link StatementTuples#NONE}. */
    public StatementTuples statementOrNone() {
        return statement == null ? StatementTuples.NONE : statement;
    }
}
