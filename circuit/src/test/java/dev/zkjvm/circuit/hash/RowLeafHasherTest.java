package dev.zkjvm.circuit.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowLeafHasherTest {
    @Test
    void rowsInPiecesHashLikeTheWholeRowThroughOneReusedInstance() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (HashAlgorithm a : HashAlgorithm.values()) {
            RowLeafHasher h = new RowLeafHasher(a);
            for (int trial = 0; trial < 200; trial++) {
                int width = rnd.nextInt(0, 60); // past the first buffer size too
                long[] row = new long[width];
                for (int i = 0; i < width; i++) {
                    // zeros, small cells and full 64-bit words, all widths of the encoding
                    row[i] = switch (rnd.nextInt(3)) {
                        case 0 -> 0;
                        case 1 -> rnd.nextLong(1 << 16);
                        default -> rnd.nextLong();
                    };
                }
                int cut = width == 0 ? 0 : rnd.nextInt(width + 1);
                h.append(Arrays.copyOfRange(row, 0, cut));
                h.append(Arrays.copyOfRange(row, cut, width));
                assertArrayEquals(MerkleTree.leafHash(a, row), h.digest(), a + ", width " + width + ", cut " + cut);
            }
        }
    }

    @Test
    void theBoundaryBetweenPiecesIsNotHashed() {
        RowLeafHasher h = new RowLeafHasher(HashAlgorithm.DEFAULT);
        h.append(new long[] {1, 2});
        h.append(new long[] {3});
        byte[] split = h.digest();
        h.append(new long[] {1, 2, 3});
        assertArrayEquals(split, h.digest());
        h.append(new long[] {1, 2, 4});
        assertFalse(Arrays.equals(split, h.digest()), "a changed cell changes the digest");
    }
}
