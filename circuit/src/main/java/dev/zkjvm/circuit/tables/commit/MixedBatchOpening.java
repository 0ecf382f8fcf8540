package dev.zkjvm.circuit.tables.commit;

/**
 * The opening of several query rows of a {@link MixedHeightTree} at once: each row's leaves, and
 * only the sibling digests that the verifier cannot compute from the opened rows themselves
 * (paths share their upper levels), level by level from the leaves up, increasing index within a
 * level.
 *
 * @param leaves per opened row (increasing), per matrix in committed order, the leaf's values
 * @param siblings the digests the paths need and the rows do not give
 */
public record MixedBatchOpening(long[][][] leaves, byte[][] siblings) {
}
