package dev.zkjvm.circuit.fri;

/**
 * What an accepted proof says about the committed first layer: the values at the queried domain
 * indices. FRI alone only shows that the committed values are close to a low-degree polynomial;
 * a protocol that derives those values from other data (a STARK's DEEP composition from the trace
 * openings) must check each value here against its own computation, or the commitment is not
 * tied to anything.
 *
 * @param domainIndices the indices i of the points {@code 7·ω_N^i}, grouped by committed row
 *     (distinct rows increasing, then the k points of each row); owned, not copied
 * @param c0 the constant coordinates of the values at those indices
 * @param c1 the coordinates of x
 * @param positions the drawn query points themselves (distinct, increasing), each one of the
 *     indices above: a protocol that ties one value per query to its data checks these
 */
public record FriQueries(int[] domainIndices, long[] c0, long[] c1, int[] positions) {
}
