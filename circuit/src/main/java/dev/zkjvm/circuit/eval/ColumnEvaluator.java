package dev.zkjvm.circuit.eval;

import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.util.Parallel;
import java.util.List;

/**
 * Evaluates current-row expressions on every row of a table, in parallel, producing whole
 * columns: one {@code long[]} for a base expression, two (c0, c1) for an extension expression.
 */
public final class ColumnEvaluator {
    private static final int CHUNK = 16 * BlockEvaluator.BLOCK;

    private ColumnEvaluator() {
    }

    /**
     * @param exprs expressions reading the current row only
     * @param columns the table
     * @param rows the number of rows
     * @param challengeValues values of the challenges (may contain nulls for unused ones)
     * @return {@code result[i][0]} (and {@code result[i][1]} for extension expressions) per expression
     */
    public static long[][][] evaluate(List<Expr> exprs, long[][] columns, int rows, Ext2[] challengeValues) {
        for (Expr e : exprs) {
            if (e.readsNextRow()) {
                throw new IllegalArgumentException("column evaluation reads the current row only: " + e);
            }
        }
        Program program = ProgramCompiler.compileValues(exprs);
        long[][][] out = new long[exprs.size()][][];
        for (int i = 0; i < exprs.size(); i++) {
            out[i] = new long[exprs.get(i).isExtension() ? 2 : 1][rows];
        }
        int chunks = (rows + CHUNK - 1) / CHUNK;
        Parallel.forChunks(chunks, Parallel.parallelism(),
                () -> new BlockEvaluator(program, columns, challengeValues), (ev, chunk) -> {
                    int end = Math.min(rows, (chunk + 1) * CHUNK);
                    for (int from = chunk * CHUNK; from < end; from += BlockEvaluator.BLOCK) {
                        int len = Math.min(BlockEvaluator.BLOCK, end - from);
                        ev.run(from, len, (c, r) -> {
                        });
                        for (int i = 0; i < out.length; i++) {
                            for (int coord = 0; coord < out[i].length; coord++) {
                                ev.output(i, coord, len, out[i][coord], from);
                            }
                        }
                    }
                });
        return out;
    }
}
