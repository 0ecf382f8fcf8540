package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.tables.commit.MixedHeightTree;
import dev.zkjvm.circuit.tables.commit.MixedOpening;
import java.util.ArrayList;
import java.util.List;

/**
 * One phase's commitment: the low-degree extensions of every table that has columns in the phase
 * (in table order; {@code null} for the others), all in one {@link MixedHeightTree}.
 */
final class PhaseCommitment {
    /** {@code ldes[table]}, null when the table has no column in the phase. */
    final TableLde[] ldes;
    final MixedHeightTree tree;

    private PhaseCommitment(TableLde[] ldes, MixedHeightTree tree) {
        this.ldes = ldes;
        this.tree = tree;
    }

    /** Commits; null when no table has a column (no matrix at all). */
    static PhaseCommitment of(TableLde[] ldes, HashAlgorithm hash) {
        List<TableLde> present = new ArrayList<>();
        for (TableLde l : ldes) {
            if (l != null) {
                present.add(l);
            }
        }
        return present.isEmpty() ? null : new PhaseCommitment(ldes, MixedHeightTree.commit(hash, present));
    }

    /** The tables' columns of commitment {@code g} from their full column arrays, extended. */
    static PhaseCommitment ofColumns(SystemShape shape, long[][][] columns, Commitment g) {
        TableLde[] ldes = new TableLde[shape.tables.size()];
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
            ldes[t] = TableLde.ofEvaluations(cols, ts.rows, shape.config.blowup(), shape.config.fri().foldingFactor());
        }
        return of(ldes, shape.config.hash());
    }

    byte[] root() {
        return tree.root();
    }

    /** The opening of FRI's query row: the tree's own row is its low bits (see {@link MixedHeightTree}). */
    MixedOpening open(int row) {
        return tree.open(row & (tree.height() - 1));
    }
}
