package dev.zkjvm.circuit.hash;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An authentication path: the sibling digests from the leaf level up to just below the root.
 */
public final class MerklePath {
    private final int leafIndex;
    private final byte[][] siblings;

    /**
     * @param leafIndex the index of the opened leaf (row)
     * @param siblings the sibling digests, leaf level first (copied)
     */
    public MerklePath(int leafIndex, byte[][] siblings) {
        this.leafIndex = leafIndex;
        this.siblings = new byte[siblings.length][];
        for (int i = 0; i < siblings.length; i++) {
            this.siblings[i] = siblings[i].clone();
        }
    }

    /** The index of the opened leaf. */
    public int leafIndex() {
        return leafIndex;
    }

    /** The number of siblings (the tree depth). */
    public int length() {
        return siblings.length;
    }

    /** A copy of sibling {@code level} (0 = leaf level). */
    public byte[] sibling(int level) {
        return siblings[level].clone();
    }

    byte[] siblingUnsafe(int level) {
        return siblings[level];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MerklePath p && p.leafIndex == leafIndex && Arrays.deepEquals(p.siblings, siblings);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(siblings) * 31 + leafIndex;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MerklePath[leaf " + leafIndex);
        for (byte[] s : siblings) {
            sb.append(", ").append(HexFormat.of().formatHex(s, 0, 4)).append('…');
        }
        return sb.append(']').toString();
    }
}
