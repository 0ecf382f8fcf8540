package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.FailureSink;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.util.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The row constraints of one table, compiled once: every-row and transition constraints for rows
 * 0..n-2, every-row and last-row constraints for row n-1 (whose next row, for a cyclic every-row
 * constraint such as the LogUp step, is row 0), first-row constraints for row 0. On a table of one
 * row, transitions apply to no row; row 0 is both first and last, and its own next row.
 *
 * <p>Used with a table's own constraints by the exact check, and with the bus constraints added
 * (challenge-dependent columns) by the full check.
 */
final class RowConstraints {
    private static final int CHUNK_ROWS = 16 * BlockEvaluator.BLOCK;
    private static final int CONSTRAINT_BITS = 24;

    private final String table;
    private final List<Constraint> constraints;
    private final Program bulk;
    private final Program lastRow;
    private final Program firstRow;

    /** @param constraints indexed by {@link Constraint#index()} = position in the list */
    RowConstraints(String table, List<Constraint> constraints) {
        this(table, constraints, constraints);
    }

    /**
     * Checks only {@code checked}, a part of {@code constraints} (failures are still counted by
     * index into {@code constraints}).
     */
    RowConstraints(String table, List<Constraint> constraints, List<Constraint> checked) {
        this.table = table;
        this.constraints = List.copyOf(constraints);
        List<Constraint> bulkCs = new ArrayList<>();
        List<Constraint> lastCs = new ArrayList<>();
        List<Constraint> firstCs = new ArrayList<>();
        for (Constraint c : checked) {
            switch (c.kind()) {
                case EVERY_ROW -> {
                    bulkCs.add(c);
                    lastCs.add(c);
                }
                case TRANSITION -> bulkCs.add(c);
                case LAST_ROW -> lastCs.add(c);
                case FIRST_ROW -> firstCs.add(c);
                default -> throw new IllegalStateException(c.kind().toString());
            }
        }
        this.bulk = ProgramCompiler.compileChecks(bulkCs);
        this.lastRow = ProgramCompiler.compileChecks(lastCs);
        this.firstRow = ProgramCompiler.compileChecks(firstCs);
    }

    /** The outcome for one table: failing rows per constraint and the first failures in detail. */
    record Outcome(long[] counts, List<RowFailure> failures) {
    }

    /**
     * Evaluates every constraint on its rows.
     *
     * @param columns the table's columns by index (length n each)
     * @param challenges challenge values by index (empty for a table's own constraints)
     */
    Outcome check(long[][] columns, int n, Ext2[] challenges, int cap, int parallelism) {
        int bulkRows = n - 1;
        int chunks = (bulkRows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        List<Sink> sinks = Parallel.forChunks(chunks, parallelism,
                () -> new Sink(new BlockEvaluator(bulk, columns, challenges), constraints.size(), cap),
                (s, chunk) -> {
                    int end = Math.min(bulkRows, (chunk + 1) * CHUNK_ROWS);
                    for (int from = chunk * CHUNK_ROWS; from < end; from += BlockEvaluator.BLOCK) {
                        s.evaluator.run(from, Math.min(BlockEvaluator.BLOCK, end - from), s);
                        s.trim();
                    }
                });
        Sink all = new Sink(null, constraints.size(), cap);
        new BlockEvaluator(firstRow, columns, challenges).run(0, 1, all);
        // the last row's next row is the first (every-row constraints that read it are cyclic)
        long[][] wrapped = new long[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            wrapped[j] = columns[j] == null ? null : new long[] {columns[j][n - 1], columns[j][0]};
        }
        new BlockEvaluator(lastRow, wrapped, challenges).run(0, 1, (c, row) -> all.fail(c, n - 1));
        for (Sink s : sinks) {
            all.merge(s);
        }
        all.trim();
        List<RowFailure> failures = new ArrayList<>();
        for (int i = 0; i < all.size; i++) {
            long key = all.keys[i];
            failures.add(new RowFailure(table, failure(constraints.get((int) (key & ((1 << CONSTRAINT_BITS) - 1))),
                    (int) (key >>> CONSTRAINT_BITS), columns)));
        }
        return new Outcome(all.counts, failures);
    }

    private static Failure failure(Constraint c, int row, long[][] columns) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (Expr.Cell cell : Exprs.cells(c.expr())) {
            int r = cell.next() ? (row + 1) % columns[cell.column().index()].length : row;
            cells.put(cell.column().name() + (cell.next() ? "'" : ""), columns[cell.column().index()][r]);
        }
        return new Failure(c.name(), c.polynomial(), c.kind(), row, cells, null, c.argument());
    }

    /**
     * Counts failures per constraint and keeps the smallest (row, constraint) keys: all of a block's
     * failures are kept, then cut to the cap, so that a block's order of reporting (constraint by
     * constraint) does not decide which rows survive.
     */
    private static final class Sink implements FailureSink {
        final BlockEvaluator evaluator;
        final long[] counts;
        final int cap;
        long[] keys = new long[16];
        int size;

        Sink(BlockEvaluator evaluator, int constraints, int cap) {
            this.evaluator = evaluator;
            this.counts = new long[constraints];
            this.cap = cap;
        }

        @Override
        public void fail(int constraint, int row) {
            counts[constraint]++;
            if (cap == 0) {
                return;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
            }
            keys[size++] = ((long) row << CONSTRAINT_BITS) | constraint;
        }

        void trim() {
            Arrays.sort(keys, 0, size);
            size = Math.min(size, cap);
        }

        void merge(Sink other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            for (int i = 0; i < other.size; i++) {
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, 2 * size + 1);
                }
                keys[size++] = other.keys[i];
            }
            Arrays.sort(keys, 0, size);
            size = Math.min(size, cap);
        }
    }
}
