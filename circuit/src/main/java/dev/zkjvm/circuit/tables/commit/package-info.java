/**
 * Commitments to tables of mixed heights in one Merkle tree, so that a query costs one path per
 * commitment however many tables it covers ({@link dev.zkjvm.circuit.tables.commit.MixedHeightTree}).
 */
package dev.zkjvm.circuit.tables.commit;
