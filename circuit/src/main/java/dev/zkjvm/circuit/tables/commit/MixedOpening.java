package dev.zkjvm.circuit.tables.commit;

/**
 * The opening of one query row of a {@link MixedHeightTree}: each matrix's leaf at that row (its
 * index reduced to the matrix's height) and one sibling per level.
 *
 * @param leaves per matrix, in committed order, the leaf's values
 * @param siblings the sibling digest of each level, from the leaves up
 */
public record MixedOpening(long[][] leaves, byte[][] siblings) {
}
