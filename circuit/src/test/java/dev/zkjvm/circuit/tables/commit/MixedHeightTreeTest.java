package dev.zkjvm.circuit.tables.commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixedHeightTreeTest {
    private static final HashAlgorithm H = HashAlgorithm.DEFAULT;

    private final Random rnd = new Random(3);
    private final List<RandomMatrix> matrices = List.of(RandomMatrix.random(rnd, 16, 3), RandomMatrix.random(rnd, 2, 5),
            RandomMatrix.random(rnd, 16, 1), RandomMatrix.random(rnd, 1, 2), RandomMatrix.random(rnd, 4, 4));
    private final int[] rows = {16, 2, 16, 1, 4};
    private final int[] widths = {3, 5, 1, 2, 4};
    private final MixedHeightTree tree = MixedHeightTree.commit(H, matrices);

    @Test
    void everyRowOpensOnePathThatVerifies() {
        for (int r = 0; r < 16; r++) {
            MixedOpening o = tree.open(r);
            assertTrue(MixedHeightTree.verify(H, tree.root(), rows, widths, r, o), "row " + r);
            assertTrue(o.siblings().length == 4);
            for (int m = 0; m < rows.length; m++) {
                assertArrayEquals(matrices.get(m).values()[r % rows[m]], o.leaves()[m]);
            }
        }
    }

    @Test
    void everyChangedValueOrSiblingIsRejected() {
        for (int r : new int[] {0, 5, 15}) {
            MixedOpening o = tree.open(r);
            for (int m = 0; m < o.leaves().length; m++) {
                for (int i = 0; i < o.leaves()[m].length; i++) {
                    long[][] leaves = copy(o.leaves());
                    leaves[m][i]++;
                    assertFalse(MixedHeightTree.verify(H, tree.root(), rows, widths, r,
                            new MixedOpening(leaves, o.siblings())), "matrix " + m + " value " + i);
                }
            }
            for (int l = 0; l < o.siblings().length; l++) {
                byte[][] s = Arrays.stream(o.siblings()).map(byte[]::clone).toArray(byte[][]::new);
                s[l][7] ^= 1;
                assertFalse(MixedHeightTree.verify(H, tree.root(), rows, widths, r, new MixedOpening(o.leaves(), s)));
            }
            assertFalse(MixedHeightTree.verify(H, tree.root(), rows, widths, (r + 1) % 16, o), "another row");
        }
    }

    @Test
    void claimedHeightsAndWidthsAreBound() {
        MixedOpening o = tree.open(6);
        assertFalse(MixedHeightTree.verify(H, tree.root(), new int[] {16, 4, 16, 1, 4}, widths, 6, o));
        assertFalse(MixedHeightTree.verify(H, tree.root(), new int[] {16, 2, 16, 1, 3}, widths, 6, o));
        assertFalse(MixedHeightTree.verify(H, tree.root(), rows, new int[] {3, 5, 1, 2, 5}, 6, o));
        assertFalse(MixedHeightTree.verify(H, tree.root(), rows, widths, -1, o));
        assertFalse(MixedHeightTree.verify(H, tree.root(), rows, widths, 16, o));
    }

    @Test
    void aShortMatrixChangedAnywhereChangesTheRoot() {
        List<RandomMatrix> changed = new ArrayList<>(matrices);
        long[][] v = Arrays.stream(matrices.get(3).values()).map(long[]::clone).toArray(long[][]::new);
        v[0][1]++;
        changed.set(3, new RandomMatrix(v));
        assertNotEquals(Arrays.toString(tree.root()), Arrays.toString(MixedHeightTree.commit(H, changed).root()));
    }

    @Test
    void oneMatrixOfOneRowIsItsOwnLeaf() {
        MixedHeightTree single = MixedHeightTree.commit(H, List.of(RandomMatrix.random(rnd, 1, 3)));
        MixedOpening o = single.open(0);
        assertTrue(MixedHeightTree.verify(H, single.root(), new int[] {1}, new int[] {3}, 0, o));
        assertThrows(IllegalArgumentException.class, () -> MixedHeightTree.commit(H, List.of(RandomMatrix.random(rnd, 3, 1))));
    }

    private static long[][] copy(long[][] a) {
        return Arrays.stream(a).map(long[]::clone).toArray(long[][]::new);
    }
}
