package dev.zkjvm.circuit.hash;

import dev.zkjvm.circuit.util.Parallel;
import java.util.Arrays;

/**
 * A binary Merkle tree over the rows of a set of columns.
 *
 * <p>Leaf i is {@code H(0x00 || v_0 || ... || v_{k-1})} with the canonical values of row i, each
 * as 8 little-endian bytes; an internal node is {@code H(0x01 || left || right)}. The distinct
 * prefixes keep leaves and nodes apart. The leaf count is padded up to a power of two with
 * all-zero digests. Leaves and large levels are hashed in parallel on {@link Parallel}'s pool.
 */
public final class MerkleTree {
    private static final int D = Hasher.DIGEST_SIZE;
    private static final int PARALLEL_THRESHOLD = 4096;
    private static final int GRAIN = 2048;
    private static final int LEAF_BLOCK = 128;

    private final HashAlgorithm algorithm;
    private final int rows;
    /** levels[0] holds the leaves, levels[depth] the root; each level is a flat digest array. */
    private final byte[][] levels;

    private MerkleTree(HashAlgorithm algorithm, int rows, byte[][] levels) {
        this.algorithm = algorithm;
        this.rows = rows;
        this.levels = levels;
    }

    /**
     * Commits to rows {@code 0..rows-1} of {@code columns}.
     *
     * @param algorithm the hash function
     * @param columns the columns, each with at least {@code rows} canonical values
     * @param rows the number of rows (at least 1)
     */
    public static MerkleTree commit(HashAlgorithm algorithm, long[][] columns, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a Merkle tree needs at least one row");
        }
        for (long[] c : columns) {
            if (c.length < rows) {
                throw new IllegalArgumentException("column shorter than " + rows + " rows: " + c.length);
            }
        }
        int leaves = Integer.highestOneBit(rows);
        if (leaves < rows) {
            leaves <<= 1;
        }
        int depth = Integer.numberOfTrailingZeros(leaves);
        byte[][] levels = new byte[depth + 1][];
        byte[] leafLevel = new byte[leaves * D];
        int width = columns.length;
        int stride = 1 + 8 * width;
        hashRange(rows, rows < PARALLEL_THRESHOLD, (from, to) -> {
            Hasher h = algorithm.newHasher();
            // Leaves are encoded a block of rows at a time, column by column, so that each column
            // is read sequentially; the leaf bytes are exactly 0x00 || row values.
            byte[] buf = new byte[LEAF_BLOCK * stride];
            for (int b = from; b < to; b += LEAF_BLOCK) {
                int len = Math.min(LEAF_BLOCK, to - b);
                for (int c = 0; c < width; c++) {
                    long[] col = columns[c];
                    for (int k = 0, off = 1 + 8 * c; k < len; k++, off += stride) {
                        putLong(buf, off, col[b + k]);
                    }
                }
                for (int k = 0; k < len; k++) {
                    h.update(buf, k * stride, stride);
                    h.digest(leafLevel, (b + k) * D);
                }
            }
        });
        levels[0] = leafLevel;
        for (int k = 1; k <= depth; k++) {
            byte[] below = levels[k - 1];
            int count = (below.length / D) / 2;
            byte[] level = new byte[count * D];
            hashRange(count, count < PARALLEL_THRESHOLD, (from, to) -> {
                Hasher h = algorithm.newHasher();
                for (int i = from; i < to; i++) {
                    h.update((byte) 0x01);
                    h.update(below, 2 * i * D, 2 * D);
                    h.digest(level, i * D);
                }
            });
            levels[k] = level;
        }
        return new MerkleTree(algorithm, rows, levels);
    }

    private static void hashRange(int n, boolean sequential, Parallel.RangeTask task) {
        if (sequential) {
            task.run(0, n);
        } else {
            Parallel.forRange(n, GRAIN, task);
        }
    }

    private static final java.lang.invoke.VarHandle LE_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    static void putLong(byte[] b, int off, long v) {
        LE_LONG.set(b, off, v);
    }

    /** The digest of one leaf: {@code H(0x00 || row values little-endian)}. */
    public static byte[] leafHash(HashAlgorithm algorithm, long[] rowValues) {
        byte[] buf = new byte[1 + 8 * rowValues.length];
        for (int c = 0; c < rowValues.length; c++) {
            putLong(buf, 1 + 8 * c, rowValues[c]);
        }
        return algorithm.hash(buf);
    }

    /**
     * The digest of an internal node: {@code H(0x01 || left || right)}. Lets batch openings
     * recompute shared ancestors once instead of verifying each path alone. {@code hasher} is
     * a fresh or reset instance of the tree's algorithm and is left reset.
     */
    public static byte[] nodeHash(Hasher hasher, byte[] left, byte[] right) {
        if (left.length != D || right.length != D) {
            throw new IllegalArgumentException("a node child has " + D + " bytes");
        }
        return node(hasher, left, right);
    }

    private static byte[] node(Hasher h, byte[] left, byte[] right) {
        h.update((byte) 0x01);
        h.update(left, 0, D);
        h.update(right, 0, D);
        return h.digest();
    }

    /** The hash function. */
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** The number of committed rows. */
    public int rows() {
        return rows;
    }

    /** The number of levels above the leaves (log2 of the padded leaf count). */
    public int depth() {
        return levels.length - 1;
    }

    /** The 32-byte root. */
    public byte[] root() {
        return levels[levels.length - 1].clone();
    }

    /** The authentication path of row {@code row}. */
    public MerklePath path(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        byte[][] siblings = new byte[depth()][];
        int i = row;
        for (int k = 0; k < depth(); k++) {
            int s = i ^ 1;
            siblings[k] = Arrays.copyOfRange(levels[k], s * D, (s + 1) * D);
            i >>>= 1;
        }
        return new MerklePath(row, siblings);
    }

    /**
     * Checks that {@code rowValues} is row {@code path.leafIndex()} under {@code root}.
     *
     * @return true when the recomputed root equals {@code root}
     */
    public static boolean verify(HashAlgorithm algorithm, byte[] root, long[] rowValues, MerklePath path) {
        Hasher h = algorithm.newHasher();
        byte[] cur = leafHash(algorithm, rowValues);
        int i = path.leafIndex();
        if (i < 0 || (path.length() < 31 && i >= (1 << path.length()))) {
            return false;
        }
        for (int k = 0; k < path.length(); k++) {
            byte[] s = path.siblingUnsafe(k);
            cur = (i & 1) == 0 ? node(h, cur, s) : node(h, s, cur);
            i >>>= 1;
        }
        return java.security.MessageDigest.isEqual(cur, root);
    }
}
