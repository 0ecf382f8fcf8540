package dev.zkjvm.circuit.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RangeInverses#sum} equals zeroed outputs plus one {@link RangeInverses#accumulate} per input. */
class RangeInversesTest {
    @Test
    void sumEqualsAccumulatingEachInput() {
        SplittableRandom rnd = new SplittableRandom(17);
        int rows = 3000;
        RangeInverses inv = RangeInverses.of(new Ext2(Goldilocks.fromUnsigned(rnd.nextLong()), 12345), 1 << 10);
        for (int inputs = 1; inputs <= 3; inputs++) {
            long[][] values = new long[inputs][rows];
            long[][] weights = new long[inputs][];
            for (int i = 0; i < inputs; i++) {
                for (int r = 0; r < rows; r++) {
                    // mostly table values, some outside the table (inverted on the spot)
                    values[i][r] = r % 13 == 0 ? Goldilocks.fromUnsigned(rnd.nextLong()) : rnd.nextInt(1 << 10);
                }
                if (i == 1) {
                    weights[i] = new long[rows];
                    for (int r = 0; r < rows; r++) {
                        weights[i][r] = r % 3 == 0 ? 0 : r % 3 == 1 ? 1 : Goldilocks.P - 2;
                    }
                }
            }
            long[] want0 = new long[rows + 5];
            long[] want1 = new long[rows + 5];
            for (int i = 0; i < inputs; i++) {
                inv.accumulate(values[i], weights[i], false, 100, rows, want0, want1, 5);
            }
            long[] got0 = new long[rows + 5];
            long[] got1 = new long[rows + 5];
            java.util.Arrays.fill(got0, 7); // sum overwrites its rows, whatever was there
            java.util.Arrays.fill(got1, 7);
            inv.sum(values, weights, 100, rows, got0, got1, 5);
            assertArrayEquals(java.util.Arrays.copyOfRange(want0, 105, rows + 5),
                    java.util.Arrays.copyOfRange(got0, 105, rows + 5));
            assertArrayEquals(java.util.Arrays.copyOfRange(want1, 105, rows + 5),
                    java.util.Arrays.copyOfRange(got1, 105, rows + 5));
        }
    }
}
