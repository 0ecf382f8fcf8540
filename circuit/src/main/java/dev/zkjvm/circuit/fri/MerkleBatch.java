package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.Hasher;
import dev.zkjvm.circuit.hash.MerklePath;
import dev.zkjvm.circuit.hash.MerkleTree;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch opening of several leaves of one {@link MerkleTree}: the sibling digests that the
 * verifier cannot compute itself, so that nodes shared by several paths are sent once.
 *
 * <p>Order: level by level from the leaves up; within a level, by increasing node index. At each
 * level the known nodes are walked in increasing order; a node whose sibling is also known is
 * combined with it, otherwise the next digest of the list is its sibling.
 */
public final class MerkleBatch {
    private MerkleBatch() {
    }

    /**
     * The siblings that open the distinct, increasing leaf indices {@code leaves} of {@code tree}.
     */
    public static byte[][] open(MerkleTree tree, int[] leaves) {
        int depth = tree.depth();
        MerklePath[] paths = new MerklePath[leaves.length];
        for (int i = 0; i < leaves.length; i++) {
            paths[i] = tree.path(leaves[i]);
        }
        List<byte[]> out = new ArrayList<>();
        // known[i]: node index at the current level; rep[i]: a path passing through it.
        int[] known = leaves.clone();
        int[] rep = new int[leaves.length];
        for (int i = 0; i < rep.length; i++) {
            rep[i] = i;
        }
        int count = leaves.length;
        for (int level = 0; level < depth; level++) {
            int next = 0;
            for (int i = 0; i < count; i++) {
                int node = known[i];
                if ((node & 1) == 0 && i + 1 < count && known[i + 1] == node + 1) {
                    known[next] = node >>> 1;
                    rep[next++] = rep[i];
                    i++;
                } else {
                    out.add(paths[rep[i]].sibling(level));
                    known[next] = node >>> 1;
                    rep[next++] = rep[i];
                }
            }
            count = next;
        }
        return out.toArray(new byte[0][]);
    }

    /**
     * Recomputes the root from leaf digests and siblings.
     *
     * @param leaves distinct, increasing leaf indices below {@code 2^depth}
     * @param leafDigests their digests
     * @return true when every sibling is used exactly once and the result equals {@code root}
     */
    public static boolean verify(HashAlgorithm algorithm, byte[] root, int depth, int[] leaves, byte[][] leafDigests,
            byte[][] siblings) {
        int count = leaves.length;
        if (count == 0 || count != leafDigests.length) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (leaves[i] < 0 || (depth < 31 && leaves[i] >= (1 << depth)) || (i > 0 && leaves[i] <= leaves[i - 1])) {
                return false;
            }
        }
        Hasher h = algorithm.newHasher();
        int[] known = leaves.clone();
        byte[][] digest = leafDigests.clone();
        int used = 0;
        for (int level = 0; level < depth; level++) {
            int next = 0;
            for (int i = 0; i < count; i++) {
                int node = known[i];
                byte[] parent;
                if ((node & 1) == 0 && i + 1 < count && known[i + 1] == node + 1) {
                    parent = MerkleTree.nodeHash(h, digest[i], digest[i + 1]);
                    i++;
                } else {
                    if (used >= siblings.length || siblings[used].length != Hasher.DIGEST_SIZE) {
                        return false;
                    }
                    byte[] s = siblings[used++];
                    parent = (node & 1) == 0 ? MerkleTree.nodeHash(h, digest[i], s) : MerkleTree.nodeHash(h, s, digest[i]);
                }
                known[next] = node >>> 1;
                digest[next++] = parent;
            }
            count = next;
        }
        return used == siblings.length && count == 1 && MessageDigest.isEqual(digest[0], root);
    }
}
