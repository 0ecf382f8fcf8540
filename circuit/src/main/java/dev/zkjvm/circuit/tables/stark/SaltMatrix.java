package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.tables.commit.LeafMatrix;

/**
 * {@link Hiding#SALT} random field elements per leaf, committed next to the matrices of one
 * height so that every leaf digest of that height covers them: a digest of a leaf nobody opens
 * then says nothing about its values, even to someone who could guess them.
 */
final class SaltMatrix implements LeafMatrix {
    private final long[] salts;
    private final int rows;

    SaltMatrix(long[] salts, int rows) {
        if (salts.length != (long) rows * Hiding.SALT) {
            throw new IllegalArgumentException(salts.length + " salts for " + rows + " leaves");
        }
        this.salts = salts;
        this.rows = rows;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public void appendLeaf(int row, dev.zkjvm.circuit.hash.RowLeafHasher hasher) {
        for (int i = 0; i < Hiding.SALT; i++) {
            hasher.append(salts[row * Hiding.SALT + i]);
        }
    }

    @Override
    public long[] leaf(int row) {
        long[] out = new long[Hiding.SALT];
        System.arraycopy(salts, row * Hiding.SALT, out, 0, Hiding.SALT);
        return out;
    }
}
