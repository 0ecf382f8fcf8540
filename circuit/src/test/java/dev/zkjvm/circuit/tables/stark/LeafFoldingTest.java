package dev.zkjvm.circuit.tables.stark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.commit.LeafMatrix;
import dev.zkjvm.circuit.tables.commit.MixedBatchOpening;
import dev.zkjvm.circuit.tables.commit.MixedHeightTree;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LeafFoldingTest {
    private static final StarkConfig TEST = new StarkConfig(new FriParameters(4, 4, 8, 0, 7), HashAlgorithm.DEFAULT);

    @Test
    void narrowTallestMatricesAreFoldedWhileTheirWidthIsAtMostADigest() {
        // one column: 1 -> 2 -> 4 -> 8 elements a leaf (the last fold reveals four more, saves a digest)
        assertArrayEquals(new int[] {8}, LeafFolding.factors(new int[] {1 << 18}, new int[] {1}, 0));
        // three columns with a two-element salt: 3 -> 6 -> 12
        assertArrayEquals(new int[] {4}, LeafFolding.factors(new int[] {1 << 18}, new int[] {3}, Hiding.SALT));
        assertArrayEquals(new int[] {1}, LeafFolding.factors(new int[] {1 << 18}, new int[] {5}, 0));
        // the narrow tall matrix folds down onto the wide one's height, then the two stop together
        assertArrayEquals(new int[] {4, 1}, LeafFolding.factors(new int[] {1 << 18, 1 << 16}, new int[] {1, 20}, 0));
        // a wide tallest matrix keeps every narrower, shorter one unfolded
        assertArrayEquals(new int[] {1, 1}, LeafFolding.factors(new int[] {1 << 18, 1 << 16}, new int[] {20, 1}, 0));
        // never below one row
        assertArrayEquals(new int[] {2}, LeafFolding.factors(new int[] {2}, new int[] {1}, 0));
    }

    @Test
    void everyPointOfAFoldedLeafIsOpenedAndFound() {
        int rows = 64;
        long[][] columns = new long[2][rows];
        for (int i = 0; i < rows; i++) {
            columns[0][i] = 1000 + i;
            columns[1][i] = 2000 + i;
        }
        LeafMatrix plain = new LeafMatrix() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public long[] leaf(int row) {
                return new long[] {columns[0][row], columns[1][row]};
            }
        };
        LeafMatrix folded = LeafFolding.fold(plain, 2);
        assertEquals(32, folded.rows());
        MixedHeightTree tree = MixedHeightTree.commit(HashAlgorithm.DEFAULT, java.util.List.of(folded));
        PhaseCommitment.Layout layout = new PhaseCommitment.Layout(new int[] {2}, new int[] {32}, new int[] {4});
        for (int point : new int[] {0, 5, 31, 32, 37, 63, 64 + 37}) {
            int row = point & 31;
            MixedBatchOpening o = tree.openBatch(new int[] {row});
            assertTrue(MixedHeightTree.verifyBatch(HashAlgorithm.DEFAULT, tree.root(), layout.rows(), layout.widths(),
                    new int[] {row}, o));
            long[] values = TableVerifier.pointValues(layout, o.leaves()[0], point)[0];
            assertArrayEquals(new long[] {1000 + point % 64, 2000 + point % 64}, values, "point " + point);
        }
    }

    @Test
    void aChangedValueOfAFoldedLeafThatNoQueryAskedForIsRejected() throws Exception {
        PreprocessedTableTest.RangeSystem s = new PreprocessedTableTest.RangeSystem(FixedValues.range(16));
        TableKeys.ProvingKey pk = TableKeys.derive(s.system, TEST, false);
        TableProof proof = TableProver.prove(pk, s.trace(8, 64), PublicTuples.NONE);
        SystemShape shape = new SystemShape(s.system, TEST, false, proof.logHeights);
        PhaseCommitment.Layout main = TableVerifier.layout(shape, Commitment.MAIN);
        assertTrue(Arrays.stream(main.factors()).anyMatch(g -> g > 1), "the MAIN tree folds its one-column tables");
        int[] points = TableVerifier.check(pk.verifyingKey(), PublicTuples.NONE, proof);
        // MAIN is the third commitment (preprocessed, fixed, main); its first matrix is the range table's
        int g = main.factors()[0];
        int width = main.widths()[0] / g;
        int lde = main.rows()[0] * g;
        int top = Arrays.stream(main.rows()).max().getAsInt();
        int firstRow = PhaseCommitment.treeRows(points, top)[0];
        int asked = Arrays.stream(points).filter(q -> (q & (top - 1)) == firstRow).findFirst().getAsInt();
        int slot = (asked & (lde - 1)) / (lde / g);
        TableProof copy = TableProof.fromBytes(proof.toBytes());
        long[] leaf = copy.openings[2].leaves()[0][0];
        leaf[((slot + 1) % g) * width] ^= 1; // a point of the leaf that this query did not ask for
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> TableVerifier.verify(pk.verifyingKey(), PublicTuples.NONE, copy));
        assertTrue(e.getMessage().contains("do not match its root"), e.getMessage());
        assertFalse(TableVerifier.isValid(pk.verifyingKey(), PublicTuples.NONE, copy));
    }
}
