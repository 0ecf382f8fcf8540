package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.Interaction;
import dev.zkjvm.circuit.tables.PublicTuples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows one interaction (or one public tuple) puts on a bus, as columns: multiplicity and tuple
 * values per row, and a 64-bit hash of each row's tuple. Expressions that are a plain cell read the
 * table's column in place; others are evaluated block by block into arrays of their own.
 */
final class BusSource {
    private static final Ext2[] NO_CHALLENGES = new Ext2[0];

    final String interaction;
    /** The table's name, or {@code null} for a public tuple. */
    final String table;
    final Direction direction;
    final int rows;
    /** For a public tuple, its position among its bus's public tuples; otherwise 0. */
    final int publicIndex;
    final long[] multiplicity;
    final long[][] tuple;
    final long[] hashes;
    /** The names of the cells the interaction reads (for reports; empty for a public tuple). */
    private final String[] cellNames;
    /** The columns of those cells. */
    private final long[][] cellColumns;
    /** The expressions still to evaluate ({@code null} when every value is in place). */
    private final Program program;
    /** {@code targets[k]}: the array that receives output k of {@link #program}. */
    private final long[][] targets;
    private final long[][] columns;

    private BusSource(String interaction, String table, Direction direction, int rows, int publicIndex,
            long[] multiplicity, long[][] tuple, String[] cellNames, long[][] cellColumns, Program program,
            long[][] targets, long[][] columns) {
        this.interaction = interaction;
        this.table = table;
        this.direction = direction;
        this.rows = rows;
        this.publicIndex = publicIndex;
        this.multiplicity = multiplicity;
        this.tuple = tuple;
        this.hashes = new long[rows];
        this.cellNames = cellNames;
        this.cellColumns = cellColumns;
        this.program = program;
        this.targets = targets;
        this.columns = columns;
    }

    /** The source of an interaction over its table's columns (values not yet evaluated). */
    static BusSource of(Interaction in, String tableName, long[][] columns, int rows) {
        List<Expr> all = new ArrayList<>();
        all.add(in.multiplicity());
        all.addAll(in.tuple());
        long[][] arrays = new long[all.size()][];
        List<Expr> computed = new ArrayList<>();
        List<long[]> targets = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            Expr e = all.get(k);
            if (e instanceof Expr.Cell c && !c.next()) {
                arrays[k] = columns[c.column().index()];
            } else if (e instanceof Expr.Const c) {
                arrays[k] = new long[rows];
                Arrays.fill(arrays[k], c.value());
            } else {
                arrays[k] = new long[rows];
                computed.add(e);
                targets.add(arrays[k]);
            }
        }
        Program p = computed.isEmpty() ? null : ProgramCompiler.compileValues(computed);
        // an interaction reads the current row only (TableSystemBuilder refuses the next)
        Set<Expr.Cell> cells = new LinkedHashSet<>();
        for (Expr e : all) {
            cells.addAll(Exprs.cells(e));
        }
        String[] cellNames = new String[cells.size()];
        long[][] cellColumns = new long[cells.size()][];
        int i = 0;
        for (Expr.Cell c : cells) {
            cellNames[i] = c.column().name();
            cellColumns[i++] = columns[c.column().index()];
        }
        return new BusSource(in.name(), tableName, in.direction(), rows, 0, arrays[0],
                Arrays.copyOfRange(arrays, 1, arrays.length), cellNames, cellColumns, p,
                targets.toArray(new long[0][]), columns);
    }

    /** The source of one public tuple: one row. */
    static BusSource of(PublicTuples.Entry e, int publicIndex) {
        long[] t = e.tuple();
        long[][] tuple = new long[t.length][];
        for (int k = 0; k < t.length; k++) {
            tuple[k] = new long[] {t[k]};
        }
        return new BusSource("public", null, e.direction(), 1, publicIndex, new long[] {e.multiplicity()}, tuple,
                new String[0], new long[0][], null, new long[0][], null);
    }

    /** A fresh evaluator for {@link #evaluate}, one per worker, or {@code null} if nothing is computed. */
    BlockEvaluator evaluator() {
        return program == null ? null : new BlockEvaluator(program, columns, NO_CHALLENGES);
    }

    /** Evaluates the computed expressions and hashes the tuples of rows {@code [from, to)}. */
    void evaluate(BlockEvaluator evaluator, int from, int to) {
        if (program != null) {
            for (int b = from; b < to; b += BlockEvaluator.BLOCK) {
                int len = Math.min(BlockEvaluator.BLOCK, to - b);
                evaluator.run(b, len, (c, r) -> {
                });
                for (int k = 0; k < targets.length; k++) {
                    evaluator.output(k, 0, len, targets[k], b);
                }
            }
        }
        int w = tuple.length;
        if (w == 1) {
            long[] t0 = tuple[0];
            for (int r = from; r < to; r++) {
                hashes[r] = finish(mix(SEED, t0[r]));
            }
        } else if (w == 2) {
            long[] t0 = tuple[0];
            long[] t1 = tuple[1];
            for (int r = from; r < to; r++) {
                hashes[r] = finish(mix(mix(SEED, t0[r]), t1[r]));
            }
        } else {
            for (int r = from; r < to; r++) {
                long h = SEED;
                for (long[] t : tuple) {
                    h = mix(h, t[r]);
                }
                hashes[r] = finish(h);
            }
        }
    }

    private static final long SEED = 0x243F_6A88_85A3_08D3L;

    private static long mix(long h, long v) {
        return Long.rotateLeft((h ^ v) * 0x9E37_79B9_7F4A_7C15L, 27);
    }

    /** The final mix; never 0, which marks an empty slot of {@link TupleCounts}. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        return h == 0 ? SEED : h;
    }

    /** The occurrence of row {@code r}, with the cells it reads (built for reports only). */
    Occurrence occurrence(int r, RowNames names) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < cellNames.length; i++) {
            cells.put(cellNames[i], cellColumns[i][r]);
        }
        String context = table == null ? null : names.describe(table, r);
        return new Occurrence(interaction, table, table == null ? publicIndex : r, direction, multiplicity[r], cells,
                context);
    }
}
