package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.tables.commit.LeafMatrix;
import java.util.Arrays;

/**
 * Narrow matrices committed several points to a leaf. A matrix of L rows folded by g is committed
 * as one of L/g rows whose leaf c holds the points {@code c + j·L/g}, j &lt; g, one after the
 * other. A query at point i then opens leaf {@code i mod L/g}, which holds i (at
 * {@code j = (i mod L) / (L/g)}) as the tree's convention requires.
 *
 * <p>Why: a leaf of one point of a one-column matrix costs a leaf digest, a node digest and, in a
 * proof, a sibling digest (4 field elements' worth) per query, to reveal one value. Folding the
 * tallest matrices of a tree by two removes the tree's lowest level: half the digests to compute,
 * one sibling fewer per query (and, when salted, that level's salt), for the w more values each
 * opened leaf reveals. It is done while those w values are at most what it saves, so a proof
 * never grows; the 2^16-row range table's one-column MAIN tree thus has 2^15 leaves instead of
 * 2^18. Wide tables are never folded.
 */
final class LeafFolding {
    /** A sibling digest, in field elements. */
    private static final int DIGEST_ELEMENTS = 4;

    private LeafFolding() {
    }

    /**
     * The fold factor of each matrix of a tree ({@code rows} and {@code widths} per matrix, the
     * salts excluded; {@code salt} elements per leaf when salted, else 0): while the tallest
     * matrices' total width is at most a sibling digest plus a salt, they are folded by two more.
     */
    static int[] factors(int[] rows, int[] widths, int salt) {
        int[] g = new int[rows.length];
        Arrays.fill(g, 1);
        while (true) {
            int top = 0;
            for (int i = 0; i < rows.length; i++) {
                top = Math.max(top, rows[i] / g[i]);
            }
            if (top <= 1) {
                return g;
            }
            long width = 0;
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] / g[i] == top) {
                    width += (long) widths[i] * g[i];
                }
            }
            if (width > DIGEST_ELEMENTS + salt) {
                return g;
            }
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] / g[i] == top) {
                    g[i] *= 2;
                }
            }
        }
    }

    /** {@code m} folded by {@code g} (itself when g is 1). */
    static LeafMatrix fold(LeafMatrix m, int g) {
        return g == 1 ? m : new Folded(m, g);
    }

    /**
     * The values of point {@code point} (an index of the FRI domain) in a leaf of a matrix of
     * {@code rows} rows and {@code width} columns folded by {@code g}.
     */
    static long[] point(long[] leaf, int width, int g, int rows, int point) {
        if (g == 1) {
            return leaf;
        }
        int j = (point & (rows - 1)) / (rows / g);
        return Arrays.copyOfRange(leaf, j * width, (j + 1) * width);
    }

    private record Folded(LeafMatrix inner, int g) implements LeafMatrix {
        @Override
        public int rows() {
            return inner.rows() / g;
        }

        @Override
        public void appendLeaf(int row, dev.zkjvm.circuit.hash.RowLeafHasher hasher) {
            int step = rows();
            for (int j = 0; j < g; j++) {
                inner.appendLeaf(row + j * step, hasher);
            }
        }

        @Override
        public long[] leaf(int row) {
            int step = rows();
            long[] first = inner.leaf(row);
            long[] out = Arrays.copyOf(first, first.length * g);
            for (int j = 1; j < g; j++) {
                System.arraycopy(inner.leaf(row + j * step), 0, out, j * first.length, first.length);
            }
            return out;
        }
    }
}
