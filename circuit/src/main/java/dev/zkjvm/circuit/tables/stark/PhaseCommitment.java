package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.tables.commit.LeafMatrix;
import dev.zkjvm.circuit.tables.commit.MixedHeightTree;
import dev.zkjvm.circuit.tables.commit.MixedBatchOpening;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One phase's commitment: the low-degree extensions of every table that has columns in the phase
 * (in table order; {@code null} for the others), then the phase's extra matrices (the FRI mask of
 * the composition phase), each folded as {@link LeafFolding} decides, then, when salted, one
 * {@link SaltMatrix} per height present after folding (tallest first), all in one
 * {@link MixedHeightTree}.
 */
final class PhaseCommitment {
    /** {@code ldes[table]}, null when the table has no column in the phase. */
    final TableLde[] ldes;
    final MixedHeightTree tree;

    private PhaseCommitment(TableLde[] ldes, MixedHeightTree tree) {
        this.ldes = ldes;
        this.tree = tree;
    }

    /** Commits without extra matrices or salts; null when no table has a column (no matrix at all). */
    static PhaseCommitment of(TableLde[] ldes, HashAlgorithm hash) {
        return of(ldes, List.of(), null, null, hash);
    }

    /**
     * Commits the tables' extensions, the extra matrices and, if {@code randomness} is not null,
     * salts drawn for {@code salt}; null when there is no matrix at all.
     */
    static PhaseCommitment of(TableLde[] ldes, List<TableLde> extra, ProverRandomness randomness,
            ProverRandomness.Purpose salt, HashAlgorithm hash) {
        List<TableLde> data = new ArrayList<>();
        for (TableLde l : ldes) {
            if (l != null) {
                data.add(l);
            }
        }
        data.addAll(extra);
        if (data.isEmpty()) {
            return null;
        }
        Layout layout = layout(data.stream().mapToInt(TableLde::rows).toArray(),
                data.stream().mapToInt(TableLde::width).toArray(), randomness != null);
        List<LeafMatrix> present = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            present.add(LeafFolding.fold(data.get(i), layout.factors[i]));
        }
        for (int i = data.size(); i < layout.rows.length; i++) {
            int rows = layout.rows[i];
            present.add(new SaltMatrix(randomness.elements(salt, rows, rows * Hiding.SALT), rows));
        }
        return new PhaseCommitment(ldes, MixedHeightTree.commit(hash, present));
    }

    /**
     * How a phase's tree holds its data matrices (their extensions' rows and widths, in commitment
     * order) and, when salted, its salts.
     *
     * @param factors each data matrix's fold factor
     * @param rows every committed matrix's rows: the data matrices folded, then the salt matrices
     * @param widths every committed matrix's width, in the same order
     */
    record Layout(int[] factors, int[] rows, int[] widths) {
    }

    /** The layout of a tree of data matrices of these rows and widths, salted or not. */
    static Layout layout(int[] rows, int[] widths, boolean salted) {
        int[] g = LeafFolding.factors(rows, widths, salted ? Hiding.SALT : 0);
        int[] folded = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            folded[i] = rows[i] / g[i];
        }
        int[] salts = salted ? saltHeights(folded) : new int[0];
        int[] allRows = java.util.Arrays.copyOf(folded, rows.length + salts.length);
        int[] allWidths = new int[allRows.length];
        for (int i = 0; i < rows.length; i++) {
            allWidths[i] = widths[i] * g[i];
        }
        for (int i = 0; i < salts.length; i++) {
            allRows[rows.length + i] = salts[i];
            allWidths[rows.length + i] = Hiding.SALT;
        }
        return new Layout(g, allRows, allWidths);
    }

    /** The heights that get a salt matrix, tallest first: every distinct height of the matrices. */
    static int[] saltHeights(int[] rows) {
        TreeSet<Integer> heights = new TreeSet<>();
        for (int r : rows) {
            heights.add(r);
        }
        return heights.descendingSet().stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The tables' columns of commitment {@code g} from their full column arrays, extended (and
     * randomised and salted when {@code randomness} is not null and the commitment is hidden).
     */
    static PhaseCommitment ofColumns(SystemShape shape, long[][][] columns, Commitment g, ProverRandomness randomness) {
        TableLde[] ldes = new TableLde[shape.tables.size()];
        boolean hidden = false;
        for (int t = 0; t < ldes.length; t++) {
            TableShape ts = shape.tables.get(t);
            int[] idx = ts.columns(g);
            if (idx.length == 0) {
                continue;
            }
            long[][] cols = new long[idx.length][];
            for (int i = 0; i < idx.length; i++) {
                cols[i] = columns[t][idx[i]];
            }
            long[][] randomizers = null;
            if (ts.randomised(g)) {
                hidden = true;
                randomizers = new long[idx.length][];
                for (int i = 0; i < idx.length; i++) {
                    randomizers[i] = randomness.elements(ProverRandomness.Purpose.TRACE_RANDOMIZER,
                            ((long) t << 32) | idx[i], ts.hiding.traceRandomizers);
                }
            }
            ldes[t] = TableLde.ofEvaluations(cols, ts.rows, ts.polyRows, shape.config.blowup(), randomizers,
                    ts.nextRowOffset);
        }
        ProverRandomness.Purpose salt = g == Commitment.MAIN ? ProverRandomness.Purpose.SALT_MAIN
                : ProverRandomness.Purpose.SALT_AUX;
        return of(ldes, List.of(), hidden ? randomness : null, salt, shape.config.hash());
    }

    byte[] root() {
        return tree.root();
    }

    /**
     * The opening of FRI's query points: a point's row in the tree is its low bits, and each table's
     * leaf is the point modulo its coset's size (see {@link MixedHeightTree}); the rows are opened
     * together, each once.
     */
    MixedBatchOpening open(int[] points) {
        return tree.openBatch(treeRows(points, tree.height()));
    }

    /** The distinct tree rows, increasing, of query points in a tree of {@code height} rows. */
    static int[] treeRows(int[] points, int height) {
        return java.util.Arrays.stream(points).map(p -> p & (height - 1)).sorted().distinct().toArray();
    }
}
