package dev.zkjvm.circuit.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.field.Goldilocks;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    static long[][] table(int cols, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] t = new long[cols][rows];
        for (long[] c : t) {
            for (int r = 0; r < rows; r++) {
                c[r] = Goldilocks.fromUnsigned(rnd.nextLong());
            }
        }
        return t;
    }

    static long[] row(long[][] t, int r) {
        long[] v = new long[t.length];
        for (int c = 0; c < t.length; c++) {
            v[c] = t[c][r];
        }
        return v;
    }

    /** Root computed the slow, obvious way. */
    static byte[] naiveRoot(HashAlgorithm a, long[][] t, int rows) {
        int leaves = 1;
        while (leaves < rows) {
            leaves *= 2;
        }
        byte[][] level = new byte[leaves][];
        for (int i = 0; i < leaves; i++) {
            level[i] = i < rows ? MerkleTree.leafHash(a, row(t, i)) : new byte[32];
        }
        while (level.length > 1) {
            byte[][] up = new byte[level.length / 2][];
            for (int i = 0; i < up.length; i++) {
                byte[] buf = new byte[65];
                buf[0] = 1;
                System.arraycopy(level[2 * i], 0, buf, 1, 32);
                System.arraycopy(level[2 * i + 1], 0, buf, 33, 32);
                up[i] = a.hash(buf);
            }
            level = up;
        }
        return level[0];
    }

    @Test
    void everyPathVerifiesForEveryAlgorithm() {
        for (HashAlgorithm a : HashAlgorithm.values()) {
            for (int rows : new int[] {1, 2, 13, 64}) {
                long[][] t = table(3, rows, rows);
                MerkleTree tree = MerkleTree.commit(a, t, rows);
                assertArrayEquals(naiveRoot(a, t, rows), tree.root());
                for (int r = 0; r < rows; r++) {
                    MerklePath path = tree.path(r);
                    assertEquals(tree.depth(), path.length());
                    assertTrue(MerkleTree.verify(a, tree.root(), row(t, r), path), a + " row " + r);
                }
            }
        }
    }

    @Test
    void parallelBuildMatchesNaiveRoot() {
        int rows = 10_001; // above the parallel threshold, not a power of two
        long[][] t = table(4, rows, 99);
        MerkleTree tree = MerkleTree.commit(HashAlgorithm.SHA256, t, rows);
        assertArrayEquals(naiveRoot(HashAlgorithm.SHA256, t, rows), tree.root());
        assertEquals(14, tree.depth());
        assertTrue(MerkleTree.verify(HashAlgorithm.SHA256, tree.root(), row(t, 10_000), tree.path(10_000)));
    }

    @Test
    void wrongOpeningsAreRejected() {
        HashAlgorithm a = HashAlgorithm.SHA256;
        long[][] t = table(2, 16, 5);
        MerkleTree tree = MerkleTree.commit(a, t, 16);
        byte[] root = tree.root();
        MerklePath p5 = tree.path(5);
        long[] r5 = row(t, 5);
        long[] changed = r5.clone();
        changed[1] = Goldilocks.add(changed[1], 1);
        assertFalse(MerkleTree.verify(a, root, changed, p5), "changed value");
        assertFalse(MerkleTree.verify(a, root, row(t, 6), p5), "other row's values");
        byte[][] sibs = new byte[p5.length()][];
        for (int i = 0; i < sibs.length; i++) {
            sibs[i] = p5.sibling(i);
        }
        assertFalse(MerkleTree.verify(a, root, r5, new MerklePath(4, sibs)), "wrong index");
        sibs[2][7] ^= 1;
        assertFalse(MerkleTree.verify(a, root, r5, new MerklePath(5, sibs)), "tampered sibling");
        assertFalse(MerkleTree.verify(HashAlgorithm.BLAKE3, root, r5, p5), "other hash");
        byte[] badRoot = root.clone();
        badRoot[0] ^= 1;
        assertFalse(MerkleTree.verify(a, badRoot, r5, p5), "other root");
    }

    @Test
    void everyCellChangesTheRoot() {
        long[][] t = table(3, 9, 7);
        byte[] root = MerkleTree.commit(HashAlgorithm.SHA256, t, 9).root();
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 9; r++) {
                long[][] copy = Arrays.stream(t).map(long[]::clone).toArray(long[][]::new);
                copy[c][r] = Goldilocks.add(copy[c][r], 1);
                byte[] other = MerkleTree.commit(HashAlgorithm.SHA256, copy, 9).root();
                assertFalse(Arrays.equals(root, other), "cell " + c + "," + r);
            }
        }
    }
}
