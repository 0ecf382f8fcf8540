package dev.zkjvm.circuit.tables.commit;

import java.util.Random;

/** A matrix of given (or random) leaves, for the tree tests. */
record RandomMatrix(long[][] values) implements LeafMatrix {
    static RandomMatrix random(Random rnd, int rows, int width) {
        long[][] v = new long[rows][width];
        for (long[] row : v) {
            for (int i = 0; i < width; i++) {
                row[i] = rnd.nextInt(1 << 30);
            }
        }
        return new RandomMatrix(v);
    }

    @Override
    public int rows() {
        return values.length;
    }

    @Override
    public long[] leaf(int row) {
        return values[row].clone();
    }
}
