package dev.zkjvm.circuit.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TupleFactor} equals the factor polynomial of its permutation side on every row. */
class TupleFactorTest {
    private static final int ROWS = 1024;

    private static long[] byPolynomial(Permutation p, boolean leftSide, long[][] cols, Ext2[] ch, int coord) {
        BlockEvaluator e = new BlockEvaluator(
                ProgramCompiler.compileValues(List.of(leftSide ? p.leftFactor() : p.rightFactor())), cols, ch);
        long[] out = new long[ROWS];
        for (int from = 0; from < ROWS; from += BlockEvaluator.BLOCK) {
            e.run(from, BlockEvaluator.BLOCK, (c, r) -> {
            });
            e.output(0, coord, BlockEvaluator.BLOCK, out, from);
        }
        return out;
    }

    private static void compare(int width, long seed) {
        compare(width, seed, false);
    }

    /** With {@code narrow}, every cell is below 2^56 (the memory argument's case: limbs, cells, times). */
    private static void compare(int width, long seed, boolean narrow) {
        ConstraintSystemBuilder b = ConstraintSystem.builder("t");
        List<Column> l = new ArrayList<>();
        List<Column> r = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            l.add(b.main("l" + j));
            r.add(b.main("r" + j));
        }
        Permutation p = b.permutation("p", l.stream().map(Column::cur).toList(), r.stream().map(Column::cur).toList());
        ConstraintSystem cs = b.build();
        assertTrue(TupleFactor.applies(p));
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] odd = {0, 1, Goldilocks.P - 1, Goldilocks.P - 2, 1L << 63, 0xFFFF_FFFFL, 1L << 32, 65535};
        long[][] cols = new long[cs.columns().size()][ROWS];
        for (long[] c : cols) {
            for (int k = 0; k < ROWS; k++) {
                int kind = rnd.nextInt(4);
                c[k] = kind == 0 ? odd[rnd.nextInt(odd.length)] : kind == 1 ? rnd.nextInt(1 << 16)
                        : Goldilocks.fromUnsigned(rnd.nextLong());
            }
        }
        if (narrow) {
            for (long[] c : cols) {
                for (int k = 0; k < ROWS; k++) {
                    c[k] = k % 7 == 0 ? (1L << 56) - 1 : c[k] >>> 8;
                }
            }
        } else {
            // rows 0..63: every cell p - 1, so the 128-bit sums carry out
            for (Column c : l) {
                java.util.Arrays.fill(cols[c.index()], 0, 64, Goldilocks.P - 1);
            }
        }
        Ext2[] ch = new Ext2[cs.challenges().size()];
        for (int i = 0; i < ch.length; i++) {
            ch[i] = i % 2 == 0 ? new Ext2(Goldilocks.P - 1, Goldilocks.P - 1)
                    : new Ext2(Goldilocks.fromUnsigned(rnd.nextLong()), Goldilocks.fromUnsigned(rnd.nextLong()));
        }
        for (boolean leftSide : new boolean[] {true, false}) {
            TupleFactor f = leftSide ? TupleFactor.left(p, ch) : TupleFactor.right(p, ch);
            long[] o0 = new long[ROWS + 3];
            long[] o1 = new long[ROWS + 3];
            f.evaluate(cols, 0, ROWS, o0, o1, 3);
            assertArrayEquals(byPolynomial(p, leftSide, cols, ch, 0), java.util.Arrays.copyOfRange(o0, 3, ROWS + 3));
            assertArrayEquals(byPolynomial(p, leftSide, cols, ch, 1), java.util.Arrays.copyOfRange(o1, 3, ROWS + 3));
        }
    }

    @Test
    void equalsThePolynomialForWidthsOneToNine() {
        for (int w = 1; w <= 9; w++) {
            compare(w, w);
        }
    }

    @Test
    void equalsThePolynomialOnCellsBelowTwoToThe56() {
        for (int w = 1; w <= 9; w++) {
            compare(w, 100 + w, true);
        }
    }

    @Test
    void selectorsAndExpressionsTakeTheGeneralPath() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("t");
        Column x = b.main("x");
        Column y = b.main("y");
        Column s = b.main("s");
        Permutation withSelector = b.permutation("a", s.cur(), List.of(x.cur()), null, List.of(y.cur()));
        Permutation withExpr = b.permutation("b", List.of(x.cur().add(1)), List.of(y.cur()));
        b.build();
        assertFalse(TupleFactor.applies(withSelector));
        assertFalse(TupleFactor.applies(withExpr));
    }
}
