package dev.zkjvm.circuit.fri;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.MerkleTree;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MerkleBatchTest {
    @Test
    void batchOpeningsVerifyAndSharedNodesAreSentOnce() {
        SplittableRandom rnd = new SplittableRandom(3);
        int rows = 256;
        long[][] cols = new long[3][rows];
        for (long[] c : cols) {
            for (int i = 0; i < rows; i++) {
                c[i] = rnd.nextLong(1L << 60);
            }
        }
        MerkleTree tree = MerkleTree.commit(HashAlgorithm.SHA256, cols, rows);
        for (int trial = 0; trial < 50; trial++) {
            int[] leaves = IntStream.generate(() -> rnd.nextInt(rows)).limit(1 + rnd.nextInt(40)).sorted().distinct().toArray();
            byte[][] digests = new byte[leaves.length][];
            for (int i = 0; i < leaves.length; i++) {
                digests[i] = MerkleTree.leafHash(HashAlgorithm.SHA256, new long[] {cols[0][leaves[i]], cols[1][leaves[i]], cols[2][leaves[i]]});
            }
            byte[][] siblings = MerkleBatch.open(tree, leaves);
            assertTrue(siblings.length <= leaves.length * tree.depth());
            assertTrue(MerkleBatch.verify(HashAlgorithm.SHA256, tree.root(), tree.depth(), leaves, digests, siblings));
            if (siblings.length > 0) {
                byte[][] fewer = java.util.Arrays.copyOf(siblings, siblings.length - 1);
                assertFalse(MerkleBatch.verify(HashAlgorithm.SHA256, tree.root(), tree.depth(), leaves, digests, fewer));
                byte[][] more = java.util.Arrays.copyOf(siblings, siblings.length + 1);
                more[siblings.length] = new byte[32];
                assertFalse(MerkleBatch.verify(HashAlgorithm.SHA256, tree.root(), tree.depth(), leaves, digests, more));
            }
            digests[0] = digests[0].clone();
            digests[0][0] ^= 1;
            assertFalse(MerkleBatch.verify(HashAlgorithm.SHA256, tree.root(), tree.depth(), leaves, digests, siblings));
        }
        int[] all = IntStream.range(0, rows).toArray();
        assertTrue(MerkleBatch.open(tree, all).length == 0, "opening every leaf needs no sibling");
    }
}
