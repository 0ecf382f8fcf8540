package dev.zkjvm.circuit.tables.commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Batched openings of a mixed-height tree: shared path nodes sent once, every tamper rejected. */
class MixedBatchOpeningTest {
    private static final HashAlgorithm H = HashAlgorithm.DEFAULT;
    private static final int[] ROWS = {64, 8, 64, 1, 16};
    private static final int[] WIDTHS = {3, 5, 1, 2, 4};

    private final Random rnd = new Random(5);
    private final MixedHeightTree tree = MixedHeightTree.commit(H, matrices());

    private List<RandomMatrix> matrices() {
        List<RandomMatrix> out = new ArrayList<>();
        for (int m = 0; m < ROWS.length; m++) {
            long[][] v = new long[ROWS[m]][WIDTHS[m]];
            for (long[] row : v) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = rnd.nextInt(1 << 30);
                }
            }
            out.add(new RandomMatrix(v));
        }
        return out;
    }

    private int[] randomRows(int count) {
        TreeSet<Integer> rows = new TreeSet<>();
        while (rows.size() < count) {
            rows.add(rnd.nextInt(64));
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void anySetOfRowsVerifiesWithFewerSiblingsThanSeparatePaths() {
        for (int count : new int[] {1, 2, 5, 17, 64}) {
            int[] rows = randomRows(count);
            MixedBatchOpening o = tree.openBatch(rows);
            assertTrue(MixedHeightTree.verifyBatch(H, tree.root(), ROWS, WIDTHS, rows, o), "rows " + count);
            assertTrue(o.siblings().length <= 6 * count, "at most one path's siblings per row");
            for (int q = 0; q < rows.length; q++) {
                assertArrayEquals(tree.open(rows[q]).leaves()[2], o.leaves()[q][2]);
            }
            if (count == 64) {
                assertTrue(o.siblings().length == 0, "every node is computed when every row is opened");
            }
            if (count == 1) {
                assertTrue(o.siblings().length == 6);
            }
        }
    }

    @Test
    void everyTamperIsRejected() {
        int[] rows = randomRows(6);
        MixedBatchOpening o = tree.openBatch(rows);
        // a changed leaf value, in each matrix
        for (int m = 0; m < ROWS.length; m++) {
            long[][][] leaves = deepCopy(o.leaves());
            leaves[2][m][0] ^= 1;
            assertFalse(MixedHeightTree.verifyBatch(H, tree.root(), ROWS, WIDTHS, rows,
                    new MixedBatchOpening(leaves, o.siblings())), "matrix " + m);
        }
        // a changed sibling, a missing one, an extra one
        for (int s = 0; s < o.siblings().length; s++) {
            byte[][] siblings = o.siblings().clone();
            siblings[s] = siblings[s].clone();
            siblings[s][0] ^= 1;
            assertFalse(MixedHeightTree.verifyBatch(H, tree.root(), ROWS, WIDTHS, rows,
                    new MixedBatchOpening(o.leaves(), siblings)), "sibling " + s);
        }
        byte[][] shorter = java.util.Arrays.copyOf(o.siblings(), o.siblings().length - 1);
        assertFalse(MixedHeightTree.verifyBatch(H, tree.root(), ROWS, WIDTHS, rows, new MixedBatchOpening(o.leaves(),
                shorter)));
        byte[][] longer = java.util.Arrays.copyOf(o.siblings(), o.siblings().length + 1);
        longer[longer.length - 1] = new byte[32];
        assertFalse(MixedHeightTree.verifyBatch(H, tree.root(), ROWS, WIDTHS, rows, new MixedBatchOpening(o.leaves(),
                longer)));
        // the same leaves claimed for other rows
        int[] shifted = rows.clone();
        shifted[0] = shifted[0] == 0 ? 1 : shifted[0] - 1;
        if (shifted.length < 2 || shifted[0] != shifted[1]) {
            assertFalse(MixedHeightTree.verifyBatch(H, tree.root(), ROWS, WIDTHS, shifted, o));
        }
    }

    @Test
    void rowsThatShareAShortMatrixLeafMustOpenItAlike() {
        // rows 3 and 11 share row 3 of the 8-row matrix: a verifier that hashed only one of the two
        // copies would let the other carry any value
        int[] rows = {3, 11};
        MixedBatchOpening o = tree.openBatch(rows);
        assertTrue(MixedHeightTree.verifyBatch(H, tree.root(), ROWS, WIDTHS, rows, o));
        long[][][] leaves = deepCopy(o.leaves());
        leaves[1][1][0] ^= 1;
        assertFalse(MixedHeightTree.verifyBatch(H, tree.root(), ROWS, WIDTHS, rows, new MixedBatchOpening(leaves,
                o.siblings())));
    }

    @Test
    void rowsMustBeDistinctAndIncreasing() {
        assertThrows(IllegalArgumentException.class, () -> tree.openBatch(new int[] {5, 5}));
        assertThrows(IllegalArgumentException.class, () -> tree.openBatch(new int[] {7, 2}));
        MixedBatchOpening o = tree.openBatch(new int[] {2, 7});
        assertFalse(MixedHeightTree.verifyBatch(H, tree.root(), ROWS, WIDTHS, new int[] {7, 2}, o));
    }

    private static long[][][] deepCopy(long[][][] a) {
        long[][][] out = new long[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new long[a[i].length][];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j].clone();
            }
        }
        return out;
    }
}
