package dev.zkjvm.circuit.hash;

import dev.zkjvm.circuit.util.Parallel;
import java.util.Arrays;

/**
 * A binary Merkle tree over the rows of a set of columns, {@link #rowsPerLeaf()} consecutive rows
 * per leaf.
 *
 * <p>Leaf i is {@code H(0x00 || enc(rows i·g .. i·g + g - 1))} for g rows per leaf (the last
 * leaf holds the remaining rows), where {@code enc} is the compact, injective encoding of
 * {@link LeafEncoding} (column by column: the byte width of the column's largest value in the
 * leaf, then the column's values in that many bytes each); an internal node is
 * {@code H(0x01 || left || right)}. The distinct prefixes keep leaves and nodes
 * apart. The leaf count is padded up to a power of two with all-zero digests. Leaves and large
 * levels are hashed in parallel on {@link Parallel}'s pool.
 *
 * <p>Why several rows per leaf: each digest call and each internal node has a fixed cost (padding,
 * finalisation, a 65-byte node hash) that, for a row of a few dozen small cells, was as large as
 * hashing the row itself. Every cell is still hashed into exactly one leaf, so any changed cell
 * changes its leaf and hence the root.
 */
public final class MerkleTree {
    private static final int D = Hasher.DIGEST_SIZE;
    private static final int PARALLEL_THRESHOLD = 4096;
    private static final int GRAIN_ROWS = 4096;
    private static final int TILE_ROWS = 512;

    private final HashAlgorithm algorithm;
    private final int rows;
    private final int rowsPerLeaf;
    /** levels[0] holds the leaves, levels[depth] the root; each level is a flat digest array. */
    private final byte[][] levels;

    private MerkleTree(HashAlgorithm algorithm, int rows, int rowsPerLeaf, byte[][] levels) {
        this.algorithm = algorithm;
        this.rows = rows;
        this.rowsPerLeaf = rowsPerLeaf;
        this.levels = levels;
    }

    /**
     * Commits to rows {@code 0..rows-1} of {@code columns}, one row per leaf.
     *
     * @param algorithm the hash function
     * @param columns the columns, each with at least {@code rows} canonical values
     * @param rows the number of rows (at least 1)
     */
    public static MerkleTree commit(HashAlgorithm algorithm, long[][] columns, int rows) {
        return commit(algorithm, columns, rows, 1);
    }

    /**
     * Commits to rows {@code 0..rows-1} of {@code columns}, {@code rowsPerLeaf} rows per leaf.
     *
     * @param algorithm the hash function
     * @param columns the columns, each with at least {@code rows} values
     * @param rows the number of rows (at least 1)
     * @param rowsPerLeaf consecutive rows hashed into one leaf (at least 1)
     */
    public static MerkleTree commit(HashAlgorithm algorithm, long[][] columns, int rows, int rowsPerLeaf) {
        return commit(algorithm, columns, new int[columns.length], rows, rowsPerLeaf);
    }

    /**
     * Commits to rows {@code 0..rows-1} of columns that start at an offset inside their arrays:
     * row r of column c is {@code columns[c][offsets[c] + r]}. The tree is the one
     * {@link #commit(HashAlgorithm, long[][], int, int)} builds for the copied-out columns; the
     * offsets only spare the copies (several columns may be windows of one array).
     *
     * @param offsets the first row's index in each column's array
     */
    public static MerkleTree commit(HashAlgorithm algorithm, long[][] columns, int[] offsets, int rows,
            int rowsPerLeaf) {
        if (offsets.length != columns.length) {
            throw new IllegalArgumentException(columns.length + " columns but " + offsets.length + " offsets");
        }
        if (rows < 1) {
            throw new IllegalArgumentException("a Merkle tree needs at least one row");
        }
        if (rowsPerLeaf < 1) {
            throw new IllegalArgumentException("a leaf needs at least one row, got " + rowsPerLeaf);
        }
        for (int c = 0; c < columns.length; c++) {
            if (offsets[c] < 0 || columns[c].length - (long) offsets[c] < rows) {
                throw new IllegalArgumentException("column shorter than " + rows + " rows: " + columns[c].length
                        + " entries from offset " + offsets[c]);
            }
        }
        int g = rowsPerLeaf;
        int used = (int) ((rows + (long) g - 1) / g);
        int leaves = Integer.highestOneBit(used);
        if (leaves < used) {
            leaves <<= 1;
        }
        int depth = Integer.numberOfTrailingZeros(leaves);
        byte[][] levels = new byte[depth + 1][];
        byte[] leafLevel = new byte[leaves * D];
        int width = columns.length;
        int bufSize = 1 + LeafEncoding.maxBytes(width, g) + LeafEncoding.SLACK;
        // A tile of consecutive leaves is encoded column by column, each column's part of every
        // leaf in turn, so that each column is read sequentially over the whole tile: reading a
        // few cells of each of ~50 columns in turn defeats the hardware prefetcher and was several
        // times slower.
        int leavesPerTile = Math.max(1, TILE_ROWS / g);
        int grainLeaves = Math.max(leavesPerTile, GRAIN_ROWS / g);
        hashRange(used, grainLeaves, rows < PARALLEL_THRESHOLD, (from, to) -> {
            Hasher h = algorithm.newHasher();
            byte[][] bufs = new byte[leavesPerTile][bufSize];
            int[] lens = new int[leavesPerTile];
            for (int leaf0 = from; leaf0 < to; leaf0 += leavesPerTile) {
                int count = Math.min(to, leaf0 + leavesPerTile) - leaf0;
                java.util.Arrays.fill(lens, 0, count, 1); // bufs[j][0] stays 0x00, the leaf prefix
                for (int c = 0; c < width; c++) {
                    long[] col = columns[c];
                    int off = offsets[c];
                    for (int j = 0; j < count; j++) {
                        int first = (leaf0 + j) * g;
                        lens[j] = LeafEncoding.encodeColumn(col, off + first, off + Math.min(rows, first + g), bufs[j],
                                lens[j]);
                    }
                }
                for (int j = 0; j < count; j++) {
                    h.update(bufs[j], 0, lens[j]);
                    h.digest(leafLevel, (leaf0 + j) * D);
                }
            }
        });
        levels[0] = leafLevel;
        for (int k = 1; k <= depth; k++) {
            byte[] below = levels[k - 1];
            int count = (below.length / D) / 2;
            byte[] level = new byte[count * D];
            hashRange(count, GRAIN_ROWS, count < PARALLEL_THRESHOLD, (from, to) -> {
                Hasher h = algorithm.newHasher();
                for (int i = from; i < to; i++) {
                    h.update((byte) 0x01);
                    h.update(below, 2 * i * D, 2 * D);
                    h.digest(level, i * D);
                }
            });
            levels[k] = level;
        }
        return new MerkleTree(algorithm, rows, g, levels);
    }

    private static void hashRange(int n, int grain, boolean sequential, Parallel.RangeTask task) {
        if (sequential) {
            task.run(0, n);
        } else {
            Parallel.forRange(n, grain, task);
        }
    }

    /** The digest of a one-row leaf: {@code H(0x00 || enc(row))} (see {@link LeafEncoding}). */
    public static byte[] leafHash(HashAlgorithm algorithm, long[] rowValues) {
        return leafHash(algorithm, new long[][] {rowValues});
    }

    /**
     * The digest of a leaf of several rows: {@code H(0x00 || enc(rows))} (see {@link LeafEncoding}).
     *
     * @param leafRows the leaf's rows in order, each as its values (all of the same width)
     */
    public static byte[] leafHash(HashAlgorithm algorithm, long[][] leafRows) {
        int width = leafRows.length == 0 ? 0 : leafRows[0].length;
        byte[] buf = new byte[1 + LeafEncoding.maxBytes(width, leafRows.length) + LeafEncoding.SLACK];
        int len = 1;
        long[] column = new long[leafRows.length];
        for (int c = 0; c < width; c++) {
            for (int r = 0; r < leafRows.length; r++) {
                if (leafRows[r].length != width) {
                    throw new IllegalArgumentException("rows of one leaf need the same width");
                }
                column[r] = leafRows[r][c];
            }
            len = LeafEncoding.encodeColumn(column, 0, leafRows.length, buf, len);
        }
        Hasher h = algorithm.newHasher();
        h.update(buf, 0, len);
        return h.digest();
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

    /** Consecutive rows per leaf. */
    public int rowsPerLeaf() {
        return rowsPerLeaf;
    }

    /** The number of levels above the leaves (log2 of the padded leaf count). */
    public int depth() {
        return levels.length - 1;
    }

    /** The 32-byte root. */
    public byte[] root() {
        return levels[levels.length - 1].clone();
    }

    /**
     * The authentication path of the leaf that holds row {@code row}: leaf
     * {@code row / rowsPerLeaf()}, whose rows start at {@code leafIndex() * rowsPerLeaf()}.
     */
    public MerklePath path(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        byte[][] siblings = new byte[depth()][];
        int i = row / rowsPerLeaf;
        for (int k = 0; k < depth(); k++) {
            int s = i ^ 1;
            siblings[k] = Arrays.copyOfRange(levels[k], s * D, (s + 1) * D);
            i >>>= 1;
        }
        return new MerklePath(row / rowsPerLeaf, siblings);
    }

    /**
     * Checks that {@code rowValues} is row {@code path.leafIndex()} under {@code root}, in a tree of
     * one row per leaf.
     *
     * @return true when the recomputed root equals {@code root}
     */
    public static boolean verify(HashAlgorithm algorithm, byte[] root, long[] rowValues, MerklePath path) {
        return verify(algorithm, root, new long[][] {rowValues}, path);
    }

    /**
     * Checks that {@code leafRows} are exactly the rows of leaf {@code path.leafIndex()} under
     * {@code root} (all of its rows, in order).
     *
     * @return true when the recomputed root equals {@code root}
     */
    public static boolean verify(HashAlgorithm algorithm, byte[] root, long[][] leafRows, MerklePath path) {
        Hasher h = algorithm.newHasher();
        byte[] cur = leafHash(algorithm, leafRows);
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
