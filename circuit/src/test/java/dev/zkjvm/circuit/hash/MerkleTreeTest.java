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

    /** The rows of leaf {@code leaf} with {@code g} rows per leaf. */
    static long[][] leafRows(long[][] t, int rows, int g, int leaf) {
        int first = leaf * g;
        int last = Math.min(rows, first + g);
        long[][] out = new long[last - first][];
        for (int r = first; r < last; r++) {
            out[r - first] = row(t, r);
        }
        return out;
    }

    /** Root computed the slow, obvious way. */
    static byte[] naiveRoot(HashAlgorithm a, long[][] t, int rows) {
        return naiveRoot(a, t, rows, 1);
    }

    /** Root computed the slow, obvious way, {@code g} rows per leaf. */
    static byte[] naiveRoot(HashAlgorithm a, long[][] t, int rows, int g) {
        int used = (rows + g - 1) / g;
        int leaves = 1;
        while (leaves < used) {
            leaves *= 2;
        }
        byte[][] level = new byte[leaves][];
        for (int i = 0; i < leaves; i++) {
            level[i] = i < used ? MerkleTree.leafHash(a, leafRows(t, rows, g, i)) : new byte[32];
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
    void columnsAtOffsetsCommitLikeTheirCopies() {
        int rows = 10_001;
        long[][] t = table(3, 3 * rows + 5, 17);
        // windows of the arrays, two of them in one array, as LdeCommitment lays out its parts
        long[][] windows = {t[0], t[0], t[1], t[2]};
        int[] offsets = {0, rows, 2 * rows + 5, 3};
        long[][] copies = new long[windows.length][];
        for (int c = 0; c < windows.length; c++) {
            copies[c] = Arrays.copyOfRange(windows[c], offsets[c], offsets[c] + rows);
        }
        for (int g : new int[] {1, 64}) {
            assertArrayEquals(MerkleTree.commit(HashAlgorithm.SHA256, copies, rows, g).root(),
                    MerkleTree.commit(HashAlgorithm.SHA256, windows, offsets, rows, g).root(), "rows per leaf " + g);
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MerkleTree.commit(HashAlgorithm.SHA256, windows, new int[] {0, 0, 0, 3 * rows}, rows, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MerkleTree.commit(HashAlgorithm.SHA256, windows, new int[] {0, -1, 0, 0}, rows, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MerkleTree.commit(HashAlgorithm.SHA256, windows, new int[] {0}, rows, 1));
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

    /** The leaf bytes spelled out: per column the byte width of its largest value, then its values LE. */
    @Test
    void leafEncodingIsTheDocumentedOne() throws Exception {
        long[] values = {0, 1, 0x1234, Goldilocks.P - 1, 0x80};
        byte[] expected = {
            0x00,                                   // leaf prefix
            0x00,                                   // 0: width 0
            0x01, 0x01,                             // 1
            0x02, 0x34, 0x12,                       // 0x1234
            0x08, 0x00, 0x00, 0x00, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, // p - 1
            0x01, (byte) 0x80};
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        assertArrayEquals(md.digest(expected), MerkleTree.leafHash(HashAlgorithm.SHA256, values));
        byte[] twoRows = {
            0x00,                                   // leaf prefix
            0x01, 0x01, 0x02,                       // column 0: 1, 2
            0x02, 0x00, 0x01, 0x00, 0x00};          // column 1: 0x100, 0 (two bytes each)
        assertArrayEquals(md.digest(twoRows),
                MerkleTree.leafHash(HashAlgorithm.SHA256, new long[][] {{1, 0x100}, {2, 0}}));
    }

    /** Values whose significant bytes concatenate the same way still give different leaves. */
    @Test
    void rowsWithTheSameSignificantBytesDiffer() {
        long[][] rows = {
            {0x0102, 0}, {0x01, 0x02}, {0, 0x0102}, {0x0201, 0}, {0x010200, 0}, {0x0102, 0, 0}, {0x0102},
            {0x0202, 0}, {0x02, 0x0102}};
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (long[] r : rows) {
            assertTrue(seen.add(java.util.HexFormat.of().formatHex(MerkleTree.leafHash(HashAlgorithm.SHA256, r))),
                    Arrays.toString(r));
        }
        // Two one-row leaves versus their rows in one leaf, split at a different place.
        byte[] a = MerkleTree.leafHash(HashAlgorithm.SHA256, new long[][] {{1, 2}, {3, 4}});
        byte[] b = MerkleTree.leafHash(HashAlgorithm.SHA256, new long[][] {{1, 2, 3, 4}});
        assertFalse(Arrays.equals(a, b));
        // One large value widens its whole column; the narrower values must still be told apart.
        byte[] c = MerkleTree.leafHash(HashAlgorithm.SHA256, new long[][] {{0x0100}, {0x02}});
        byte[] d = MerkleTree.leafHash(HashAlgorithm.SHA256, new long[][] {{0x0100}, {0x0200}});
        byte[] e = MerkleTree.leafHash(HashAlgorithm.SHA256, new long[][] {{0x02}, {0x0100}});
        assertFalse(Arrays.equals(c, d));
        assertFalse(Arrays.equals(c, e));
    }

    @Test
    void severalRowsPerLeafMatchNaiveRootAndPathsVerify() {
        for (int g : new int[] {2, 3, 16}) {
            for (int rows : new int[] {1, 5, 16, 47, 10_001}) {
                long[][] t = smallTable(4, rows, rows * 31L + g);
                MerkleTree tree = MerkleTree.commit(HashAlgorithm.SHA256, t, rows, g);
                assertEquals(g, tree.rowsPerLeaf());
                assertArrayEquals(naiveRoot(HashAlgorithm.SHA256, t, rows, g), tree.root(), "g=" + g + " rows=" + rows);
                for (int r : new int[] {0, rows / 2, rows - 1}) {
                    MerklePath path = tree.path(r);
                    assertEquals(r / g, path.leafIndex());
                    assertTrue(MerkleTree.verify(HashAlgorithm.SHA256, tree.root(), leafRows(t, rows, g, r / g), path));
                    long[][] changed = leafRows(t, rows, g, r / g);
                    changed[r % g][1] = Goldilocks.add(changed[r % g][1], 1);
                    assertFalse(MerkleTree.verify(HashAlgorithm.SHA256, tree.root(), changed, path));
                }
            }
        }
    }

    /** A mix of small and large values, as in a witness (limbs, bits, counters, field elements). */
    static long[][] smallTable(int cols, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] t = new long[cols][rows];
        for (long[] c : t) {
            for (int r = 0; r < rows; r++) {
                int kind = rnd.nextInt(4);
                c[r] = kind == 0 ? 0 : kind == 1 ? rnd.nextInt(2) : kind == 2 ? rnd.nextInt(1 << 16)
                        : Goldilocks.fromUnsigned(rnd.nextLong());
            }
        }
        return t;
    }

    /** Every cell, including zeros and cells whose byte length changes, moves the root. */
    @Test
    void everyCellChangesTheRootWithSeveralRowsPerLeaf() {
        long[][] t = smallTable(5, 21, 3);
        t[0][0] = 0;
        t[1][0] = 0xFF;
        t[2][0] = Goldilocks.P - 1;
        for (int g : new int[] {1, 4}) {
            byte[] root = MerkleTree.commit(HashAlgorithm.SHA256, t, 21, g).root();
            for (int c = 0; c < 5; c++) {
                for (int r = 0; r < 21; r++) {
                    for (long delta : new long[] {1, 0xFF, 1L << 32}) {
                        long[][] copy = Arrays.stream(t).map(long[]::clone).toArray(long[][]::new);
                        copy[c][r] = Goldilocks.add(copy[c][r], delta);
                        byte[] other = MerkleTree.commit(HashAlgorithm.SHA256, copy, 21, g).root();
                        assertFalse(Arrays.equals(root, other), "g " + g + " cell " + c + "," + r + " +" + delta);
                    }
                }
            }
        }
    }
}
