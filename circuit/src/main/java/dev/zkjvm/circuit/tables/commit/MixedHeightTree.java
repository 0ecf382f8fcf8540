package dev.zkjvm.circuit.tables.commit;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.Hasher;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.hash.RowLeafHasher;
import dev.zkjvm.circuit.util.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Merkle tree over matrices of different heights (powers of two), the shorter ones injected at
 * the level whose width matches theirs, in the spirit of Plonky3's mixed-matrix commitment scheme.
 *
 * <h2>Shape</h2>
 * Let R be the tallest matrix's height. Level 0 holds R nodes, each the leaf digest of the tallest
 * matrices' rows of that index (all matrices of one height are concatenated into one leaf). A level
 * of S nodes becomes one of S/2 by pairing node c with node {@code c + S/2} (not 2c with 2c + 1):
 * <pre>
 *   parent[c] = H(0x01 || node[c] || node[c + S/2])           c &lt; S/2
 * </pre>
 * and when matrices of height S/2 exist, each parent is then bound to their row c:
 * {@code parent[c] = H(0x01 || parent[c] || leafDigest(rows c of those matrices))}. Leaf r of the
 * tallest matrices therefore sits on the same path as row {@code r mod S} of every matrix of height S.
 * That is the row a query at r needs: a table of height n committed on the coset {@code 7·⟨ω_(n·b)⟩}
 * sees the FRI domain's point i at its own index {@code i mod (n·b)} (see the table system's design
 * notes), and its leaf (the k points folded together) at {@code r mod R_t}.
 *
 * <p>Heights are part of the statement (absorbed before the root), so the verifier knows where each
 * injection happens; leaf digests and node digests are domain-separated (0x00 / 0x01).
 */
public final class MixedHeightTree {
    private final HashAlgorithm algorithm;
    private final List<LeafMatrix> matrices;
    /** Distinct heights, decreasing. */
    private final int[] heights;
    /**
     * {@code levels[ℓ]}: the digests of level ℓ after its injection, packed ({@link #D} bytes a
     * node); level 0 has R nodes. Packed, not an array per node: at 2^23 leaves an array per
     * digest cost a third more memory and tens of millions of objects for the collector.
     */
    private final byte[][] levels;
    private static final int D = Hasher.DIGEST_SIZE;

    private MixedHeightTree(HashAlgorithm algorithm, List<LeafMatrix> matrices, int[] heights, byte[][] levels) {
        this.algorithm = algorithm;
        this.matrices = matrices;
        this.heights = heights;
        this.levels = levels;
    }

    /**
     * Commits to the matrices (at least one; in order: a leaf concatenates the rows of all matrices
     * of its height in list order).
     */
    public static MixedHeightTree commit(HashAlgorithm algorithm, List<? extends LeafMatrix> matrices) {
        List<LeafMatrix> ms = List.copyOf(matrices);
        int[] heights = distinctHeights(ms.stream().mapToInt(LeafMatrix::rows).toArray());
        int top = heights[0];
        int depth = Integer.numberOfTrailingZeros(top);
        byte[][] levels = new byte[depth + 1][];
        levels[0] = leafDigests(algorithm, ms, top);
        for (int l = 1; l <= depth; l++) {
            int size = top >> l;
            byte[] below = levels[l - 1];
            byte[] level = new byte[size * D];
            List<LeafMatrix> injected = ms.stream().filter(m -> m.rows() == size).toList();
            byte[] leaves = injected.isEmpty() ? null : leafDigests(algorithm, injected, size);
            Parallel.forRange(size, 1 << 10, (from, to) -> {
                Hasher h = algorithm.newHasher();
                byte[] node = new byte[D];
                for (int c = from; c < to; c++) {
                    // parent[c] = H(0x01 || node[c] || node[c + size]), then bound to the injected row c
                    h.update((byte) 0x01);
                    h.update(below, c * D, D);
                    h.update(below, (c + size) * D, D);
                    if (leaves == null) {
                        h.digest(level, c * D);
                    } else {
                        h.digest(node, 0);
                        h.update((byte) 0x01);
                        h.update(node, 0, D);
                        h.update(leaves, c * D, D);
                        h.digest(level, c * D);
                    }
                }
            });
            levels[l] = level;
        }
        return new MixedHeightTree(algorithm, ms, heights, levels);
    }

    private static int[] distinctHeights(int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a mixed-height tree needs at least one matrix");
        }
        for (int r : rows) {
            if (r < 1 || Integer.bitCount(r) != 1) {
                throw new IllegalArgumentException("matrix heights must be powers of two: " + r);
            }
        }
        return Arrays.stream(rows).boxed().distinct().sorted((a, b) -> Integer.compare(b, a))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The leaf digests of the matrices of height {@code size} (rows concatenated in list order), packed. */
    private static byte[] leafDigests(HashAlgorithm algorithm, List<LeafMatrix> ms, int size) {
        List<LeafMatrix> same = ms.stream().filter(m -> m.rows() == size).toList();
        byte[] out = new byte[size * D];
        Parallel.forRange(size, 1 << 8, (from, to) -> {
            RowLeafHasher leaf = new RowLeafHasher(algorithm);
            for (int c = from; c < to; c++) {
                for (LeafMatrix m : same) {
                    m.appendLeaf(c, leaf);
                }
                leaf.digest(out, c * D);
            }
        });
        return out;
    }

    /** Node {@code c} of level {@code l}, copied. */
    private byte[] node(int l, int c) {
        return Arrays.copyOfRange(levels[l], c * D, (c + 1) * D);
    }

    /** The root. */
    public byte[] root() {
        return node(levels.length - 1, 0);
    }

    /** The tallest height R. */
    public int height() {
        return heights[0];
    }

    /**
     * The opening of query row {@code r} (in [0, R)): per matrix (list order) its leaf
     * {@code r mod rows}, and the sibling of every level.
     */
    public MixedOpening open(int r) {
        if (r < 0 || r >= heights[0]) {
            throw new IllegalArgumentException("row " + r + " outside [0, " + heights[0] + ")");
        }
        long[][] leaves = new long[matrices.size()][];
        for (int i = 0; i < leaves.length; i++) {
            LeafMatrix m = matrices.get(i);
            leaves[i] = m.leaf(r & (m.rows() - 1));
        }
        byte[][] siblings = new byte[levels.length - 1][];
        for (int l = 0; l + 1 < levels.length; l++) {
            int size = heights[0] >> l;
            int c = r & (size - 1);
            siblings[l] = node(l, c ^ (size >> 1));
        }
        return new MixedOpening(leaves, siblings);
    }

    /**
     * Whether {@code opening} proves the leaves of query row {@code r} against {@code root}.
     *
     * @param rows every matrix's height, in the committed order
     * @param widths every matrix's leaf width, in the same order
     */
    public static boolean verify(HashAlgorithm algorithm, byte[] root, int[] rows, int[] widths, int r,
            MixedOpening opening) {
        int[] heights;
        try {
            heights = distinctHeights(rows);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int top = heights[0];
        int depth = Integer.numberOfTrailingZeros(top);
        long[][] leaves = opening.leaves();
        byte[][] siblings = opening.siblings();
        if (r < 0 || r >= top || leaves.length != rows.length || widths.length != rows.length
                || siblings.length != depth) {
            return false;
        }
        for (int i = 0; i < rows.length; i++) {
            if (leaves[i] == null || leaves[i].length != widths[i]) {
                return false;
            }
        }
        for (byte[] s : siblings) {
            if (s == null || s.length != root.length) {
                return false;
            }
        }
        Hasher h = algorithm.newHasher();
        byte[] node = leafDigest(algorithm, rows, leaves, top);
        for (int l = 1; l <= depth; l++) {
            int size = top >> (l - 1);
            int c = r & (size - 1);
            node = c < size / 2 ? MerkleTree.nodeHash(h, node, siblings[l - 1])
                    : MerkleTree.nodeHash(h, siblings[l - 1], node);
            byte[] injected = leafDigest(algorithm, rows, leaves, size / 2);
            if (injected != null) {
                node = MerkleTree.nodeHash(h, node, injected);
            }
        }
        return Arrays.equals(node, root);
    }

    /** The digest of the concatenated leaves of the matrices of height {@code size}, or null if none. */
    private static byte[] leafDigest(HashAlgorithm algorithm, int[] rows, long[][] leaves, int size) {
        int total = 0;
        boolean any = false;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == size) {
                total += leaves[i].length;
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        long[] out = new long[total];
        int at = 0;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == size) {
                System.arraycopy(leaves[i], 0, out, at, leaves[i].length);
                at += leaves[i].length;
            }
        }
        return MerkleTree.leafHash(algorithm, out);
    }

    /**
     * The opening of several query rows (distinct, increasing, each in [0, R)): per row every
     * matrix's leaf, and each sibling digest that no opened row's path computes.
     */
    public MixedBatchOpening openBatch(int[] rows) {
        int top = heights[0];
        int[] known = checkedRows(rows, top);
        long[][][] leaves = new long[rows.length][][];
        for (int q = 0; q < rows.length; q++) {
            leaves[q] = open(rows[q]).leaves();
        }
        List<byte[]> siblings = new ArrayList<>();
        for (int l = 0; l + 1 < levels.length; l++) {
            int half = (top >> l) >> 1;
            java.util.Set<Integer> have = new java.util.HashSet<>();
            for (int c : known) {
                have.add(c);
            }
            for (int c : known) {
                int sibling = c ^ half;
                if (!have.contains(sibling)) {
                    siblings.add(node(l, sibling));
                }
            }
            known = Arrays.stream(known).map(c -> c & (half - 1)).distinct().sorted().toArray();
        }
        return new MixedBatchOpening(leaves, siblings.toArray(new byte[0][]));
    }

    private static int[] checkedRows(int[] rows, int top) {
        for (int q = 0; q < rows.length; q++) {
            if (rows[q] < 0 || rows[q] >= top || (q > 0 && rows[q] <= rows[q - 1])) {
                throw new IllegalArgumentException("rows must be distinct, increasing and in [0, " + top + ")");
            }
        }
        return rows.clone();
    }

    /**
     * Whether {@code opening} proves the leaves of the query rows {@code rows} (distinct,
     * increasing) against {@code root}. Rows that share a shorter matrix's leaf must open it alike.
     *
     * @param matrixRows every matrix's height, in the committed order
     * @param widths every matrix's leaf width, in the same order
     */
    public static boolean verifyBatch(HashAlgorithm algorithm, byte[] root, int[] matrixRows, int[] widths, int[] rows,
            MixedBatchOpening opening) {
        int[] heights;
        try {
            heights = distinctHeights(matrixRows);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int top = heights[0];
        int depth = Integer.numberOfTrailingZeros(top);
        long[][][] leaves = opening.leaves();
        if (rows.length == 0 || leaves.length != rows.length || widths.length != matrixRows.length) {
            return false;
        }
        try {
            checkedRows(rows, top);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (long[][] row : leaves) {
            if (row == null || row.length != matrixRows.length) {
                return false;
            }
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null || row[i].length != widths[i]) {
                    return false;
                }
            }
        }
        for (byte[] s : opening.siblings()) {
            if (s == null || s.length != root.length) {
                return false;
            }
        }
        Hasher h = algorithm.newHasher();
        // the nodes of the current level that the opened rows give: index -> digest, and for each
        // node the opened row it came from (whose leaves of shorter matrices it injects)
        java.util.TreeMap<Integer, byte[]> nodes = new java.util.TreeMap<>();
        java.util.Map<Integer, Integer> from = new java.util.HashMap<>();
        for (int q = 0; q < rows.length; q++) {
            nodes.put(rows[q], leafDigest(algorithm, matrixRows, leaves[q], top));
            from.put(rows[q], q);
        }
        int next = 0;
        byte[][] siblings = opening.siblings();
        for (int l = 1; l <= depth; l++) {
            int half = (top >> (l - 1)) >> 1;
            java.util.TreeMap<Integer, byte[]> parents = new java.util.TreeMap<>();
            java.util.Map<Integer, Integer> parentFrom = new java.util.HashMap<>();
            for (java.util.Map.Entry<Integer, byte[]> e : nodes.entrySet()) {
                int c = e.getKey();
                int parent = c & (half - 1);
                if (parents.containsKey(parent)) {
                    continue; // its pair was known too and already combined
                }
                byte[] sibling = nodes.get(c ^ half);
                if (sibling == null) {
                    if (next >= siblings.length) {
                        return false;
                    }
                    sibling = siblings[next++];
                }
                byte[] left = c < half ? e.getValue() : sibling;
                byte[] right = c < half ? sibling : e.getValue();
                byte[] node = MerkleTree.nodeHash(h, left, right);
                parents.put(parent, node);
                parentFrom.put(parent, from.get(c));
            }
            // every opened row under a parent must agree on the injected matrices' leaves
            for (int q = 0; q < rows.length; q++) {
                int parent = rows[q] & (half - 1);
                int first = parentFrom.get(parent);
                if (first != q && !sameLeaves(matrixRows, half, leaves[first], leaves[q])) {
                    return false;
                }
            }
            for (java.util.Map.Entry<Integer, byte[]> e : parents.entrySet()) {
                byte[] injected = leafDigest(algorithm, matrixRows, leaves[parentFrom.get(e.getKey())], half);
                if (injected != null) {
                    e.setValue(MerkleTree.nodeHash(h, e.getValue(), injected));
                }
            }
            nodes = parents;
            from = parentFrom;
        }
        return next == siblings.length && nodes.size() == 1 && Arrays.equals(nodes.firstEntry().getValue(), root);
    }

    /** Whether two opened rows give the same leaves for the matrices of height {@code size}. */
    private static boolean sameLeaves(int[] matrixRows, int size, long[][] a, long[][] b) {
        for (int i = 0; i < matrixRows.length; i++) {
            if (matrixRows[i] == size && !Arrays.equals(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }
}
