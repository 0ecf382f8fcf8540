package dev.zkjvm.circuit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The permutation step checked with {@code TupleFactor} gives the same verdict as its polynomial on
 * every row, for honest witnesses and for witnesses with changed cells (edge values included), and
 * the checker names the step, the row and the cells when one breaks.
 */
class PermutationStepsTest {
    private static final int ROWS = 1024;

    private final ConstraintSystem cs;
    private final List<Column> left;
    private final List<Column> right;
    private final Permutation perm;

    PermutationStepsTest() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("perm");
        left = List.of(b.main("a"), b.main("b"), b.main("c"));
        right = List.of(b.main("x"), b.main("y"), b.main("z"));
        perm = b.permutation("p", left.stream().map(Column::cur).toList(), right.stream().map(Column::cur).toList());
        cs = b.build();
    }

    /** Random tuples on the left; the right holds the same tuples in another order. */
    private Witness honest(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] l = new long[3][ROWS];
        for (int r = 0; r < ROWS; r++) {
            l[0][r] = rnd.nextInt(1 << 16);
            l[1][r] = r;
            l[2][r] = Goldilocks.fromUnsigned(rnd.nextLong());
        }
        l[2][0] = Goldilocks.P - 1;
        long[][] rt = new long[3][ROWS];
        for (int r = 0; r < ROWS; r++) {
            int from = (r * 389 + 11) % ROWS; // 389 is odd: a bijection of 0..1023
            for (int j = 0; j < 3; j++) {
                rt[j][r] = l[j][from];
            }
        }
        WitnessBuilder wb = WitnessBuilder.of(cs, ROWS);
        for (int j = 0; j < 3; j++) {
            wb.set(left.get(j), l[j]).set(right.get(j), rt[j]);
        }
        return wb.build();
    }

    private Constraint step() {
        return perm.constraints().stream().filter(c -> c.name().equals("p.step")).findFirst().orElseThrow();
    }

    private TreeSet<Long> byPolynomial(Witness w) {
        Program p = ProgramCompiler.compileChecks(List.of(step()));
        BlockEvaluator e = new BlockEvaluator(p, w.columnsUnsafe(), w.challengeValues());
        TreeSet<Long> out = new TreeSet<>();
        for (int from = 0; from < ROWS - 1; from += BlockEvaluator.BLOCK) {
            e.run(from, Math.min(BlockEvaluator.BLOCK, ROWS - 1 - from), (c, row) -> out.add(((long) c << 32) | row));
        }
        return out;
    }

    private TreeSet<Long> byShortcut(Witness w) {
        PermutationSteps.Step s = PermutationSteps.find(cs).get(0);
        PermutationSteps.Factors f = PermutationSteps.Factors.of(s, w.challengeValues());
        TreeSet<Long> out = new TreeSet<>();
        for (int from = 0; from < ROWS - 1; from += 100) {
            PermutationSteps.check(s, f, w.columnsUnsafe(), from, Math.min(100, ROWS - 1 - from),
                    (c, row) -> out.add(((long) c << 32) | row));
        }
        return out;
    }

    @Test
    void findsThePlainPermutation() {
        assertEquals(1, PermutationSteps.find(cs).size());
        assertEquals(step().index(), PermutationSteps.find(cs).get(0).constraint());
    }

    @Test
    void sameVerdictAsThePolynomialOnHonestAndChangedCells() {
        int[] cells = {left.get(0).index(), left.get(1).index(), left.get(2).index(), right.get(0).index(),
            right.get(1).index(), right.get(2).index(), perm.product().c0().index(), perm.product().c1().index()};
        long[] odd = {0, 1, 2, 65535, 65536, Goldilocks.P - 1, Goldilocks.P - 2, 1L << 63, (1L << 63) - 1,
            0xFFFF_FFFFL, 1L << 32};
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 60; trial++) {
            Witness w = honest(trial);
            assertTrue(byShortcut(w).isEmpty());
            assertTrue(byPolynomial(w).isEmpty());
            long[][] cols = w.columnsUnsafe();
            for (int k = 0; k < 1 + trial % 6; k++) {
                long[] col = cols[cells[rnd.nextInt(cells.length)]];
                int row = rnd.nextInt(ROWS);
                col[row] = rnd.nextBoolean() ? odd[rnd.nextInt(odd.length)] : Goldilocks.fromUnsigned(rnd.nextLong());
            }
            TreeSet<Long> poly = byPolynomial(w);
            assertEquals(poly, byShortcut(w), "trial " + trial);
        }
    }

    @Test
    void sameVerdictWithEveryCellAtTheTopOfTheField() {
        // every product near p², so the 128-bit sums carry out of bit 128
        Witness w = honest(5);
        long[][] cols = w.columnsUnsafe();
        for (Column c : left) {
            java.util.Arrays.fill(cols[c.index()], Goldilocks.P - 1);
        }
        for (Column c : right) {
            java.util.Arrays.fill(cols[c.index()], Goldilocks.P - 1);
        }
        Ext2[] ch = w.challengeValues();
        assertEquals(byPolynomial(w), byShortcut(w));
        assertFalse(byPolynomial(w).isEmpty()); // z was built for other tuples
        assertEquals(2, ch.length);
    }

    @Test
    void aBrokenStepIsNamedWithItsRowAndCells() {
        Witness w = honest(9);
        w.set(perm.product().c0(), 500, Goldilocks.add(w.get(perm.product().c0(), 500), 1));
        CheckReport r = new Checker(cs).check(w);
        // z[500] is read by the step from 499 and the step from 500
        assertEquals(Set.of("p.step"), r.failingConstraintNames(), r.toString());
        assertEquals(List.of(499, 500), r.failures().stream().map(Failure::row).toList(), r.toString());
        assertTrue(r.failures().get(0).cells().containsKey("p.z.0'"), r.toString());
        assertTrue(r.failures().get(0).cells().containsKey("x'"), r.toString());
    }

    @Test
    void aChangedTupleBreaksTheLastRow() {
        // a rebuilt witness (new challenges, honest z) whose right side lost a tuple
        Witness honest = honest(10);
        WitnessBuilder wb = WitnessBuilder.of(cs, ROWS);
        for (int j = 0; j < 3; j++) {
            wb.set(left.get(j), honest.column(left.get(j)).clone());
            wb.set(right.get(j), honest.column(right.get(j)).clone());
        }
        long[] y = honest.column(right.get(1)).clone();
        y[77] = Goldilocks.add(y[77], 1);
        CheckReport r = new Checker(cs).check(wb.set(right.get(1), y).build());
        assertEquals(Set.of("p.last"), r.failingConstraintNames(), r.toString());
    }
}
