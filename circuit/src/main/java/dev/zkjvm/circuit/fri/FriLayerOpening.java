package dev.zkjvm.circuit.fri;

/**
 * The openings of one committed layer: the rows at the queried positions (distinct, increasing
 * row index; each row holds k extension values interleaved as c0, c1) and the batch of Merkle
 * siblings that authenticates them (see {@link MerkleBatch}). Arrays are owned, not copied.
 */
record FriLayerOpening(long[][] rows, byte[][] siblings) {
}
