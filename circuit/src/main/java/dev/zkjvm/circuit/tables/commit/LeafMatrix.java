package dev.zkjvm.circuit.tables.commit;

/**
 * A matrix committed by a {@link MixedHeightTree}: a power-of-two number of leaves, each a row of
 * field elements (for a table's low-degree extension: the k points that FRI folds together, of
 * every column).
 */
public interface LeafMatrix {
    /** The number of leaves, a power of two. */
    int rows();

    /** The values of leaf {@code row}. */
    long[] leaf(int row);

    /** Appends the values of leaf {@code row} to the hasher's current row (without a copy where it can). */
    default void appendLeaf(int row, dev.zkjvm.circuit.hash.RowLeafHasher hasher) {
        hasher.append(leaf(row));
    }
}
