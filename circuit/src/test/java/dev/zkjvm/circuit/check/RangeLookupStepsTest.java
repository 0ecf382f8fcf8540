package dev.zkjvm.circuit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * For a single-column lookup into a range table (declared with {@code lookup}; {@code rangeCheck}
 * declares a batch, see {@link RangeBatchStepsTest}), the inverse-table shortcut gives the same verdict
 * as the step polynomial on every row.
 */
class RangeLookupStepsTest {
    private static final int ROWS = 1024;
    private static final int BITS = 8;

    private final ConstraintSystem cs;
    private final Column x;
    private final Lookup lookup;

    RangeLookupStepsTest() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("steps");
        x = b.main("x");
        Column y = b.main("y");
        Column table = b.rangeTable(BITS);
        lookup = b.lookup("x.range", x.cur(), table);
        // has a selector: not taken by the shortcut
        b.lookup("y.range", y.cur(), List.of(x.cur()), List.of(table.cur()));
        cs = b.build();
    }

    private Witness honest(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] xs = new long[ROWS];
        long[] ys = new long[ROWS];
        for (int r = 0; r < ROWS; r++) {
            xs[r] = rnd.nextInt(1 << BITS);
            ys[r] = rnd.nextInt(1 << BITS);
        }
        return WitnessBuilder.of(cs, ROWS).set(x, xs).set(cs.column("y"), ys).build();
    }

    /** Failing rows of the step by its polynomial (the general evaluator). */
    private TreeSet<Integer> byPolynomial(Witness w, int constraint) {
        Program p = ProgramCompiler.compileChecks(List.of(cs.constraints().get(constraint)));
        BlockEvaluator e = new BlockEvaluator(p, w.columnsUnsafe(), w.challengeValues());
        TreeSet<Integer> rows = new TreeSet<>();
        for (int from = 0; from < ROWS - 1; from += BlockEvaluator.BLOCK) {
            e.run(from, Math.min(BlockEvaluator.BLOCK, ROWS - 1 - from), (c, row) -> rows.add(row));
        }
        return rows;
    }

    private TreeSet<Integer> byShortcut(Witness w, RangeLookupSteps.Step s) {
        Ext2 alpha = w.challengeValues()[s.alpha()];
        long[] inv = RangeLookupSteps.inverses(s, w.challengeValues());
        TreeSet<Integer> rows = new TreeSet<>();
        for (int from = 0; from < ROWS - 1; from += 100) {
            RangeLookupSteps.check(s, inv, alpha.c0(), alpha.c1(), w.columnsUnsafe(), from,
                    Math.min(100, ROWS - 1 - from), (c, row) -> {
                        assertEquals(s.constraint(), c);
                        rows.add(row);
                    });
        }
        return rows;
    }

    @Test
    void findsOnlyTheLookupWithoutSelector() {
        List<RangeLookupSteps.Step> steps = RangeLookupSteps.find(cs);
        assertEquals(1, steps.size());
        assertEquals(cs.constraint("x.range.step").index(), steps.get(0).constraint());
        assertEquals(1 << BITS, steps.get(0).size());
    }

    @Test
    void sameVerdictAsThePolynomialOnHonestAndChangedCells() {
        RangeLookupSteps.Step s = RangeLookupSteps.find(cs).get(0);
        int[] columns = {s.input(), s.table(), s.multiplicity(), s.h0(), s.h1()};
        long[] odd = {0, 1, (1 << BITS) - 1, 1 << BITS, 1000, Goldilocks.P - 1, Goldilocks.P - (1 << BITS)};
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            Witness w = honest(trial);
            assertTrue(byShortcut(w, s).isEmpty());
            long[][] cols = w.columnsUnsafe();
            for (int k = 0; k < 1 + trial % 5; k++) {
                long[] col = cols[columns[rnd.nextInt(columns.length)]];
                int row = rnd.nextInt(ROWS);
                col[row] = rnd.nextBoolean() ? odd[rnd.nextInt(odd.length)] : Goldilocks.fromUnsigned(rnd.nextLong());
            }
            TreeSet<Integer> expected = byPolynomial(w, s.constraint());
            assertEquals(expected, byShortcut(w, s), "trial " + trial);
        }
    }

    @Test
    void checkerReportsTheSameFailuresWithAndWithoutTheShortcut() {
        Witness w = honest(99);
        long[][] cols = w.columnsUnsafe();
        cols[x.index()][17] = 1 << BITS; // out of range: the lookup's sum no longer balances
        cols[lookup.runningSum().c0().index()][400] = 5;
        CheckReport report = new Checker(cs).check(w);
        assertFalse(report.isSatisfied());
        TreeSet<Integer> expected = byPolynomial(w, lookup.constraints().get(1).index());
        TreeSet<Integer> reported = new TreeSet<>();
        for (Failure f : report.failures()) {
            if (f.constraint().equals("x.range.step")) {
                reported.add(f.row());
            }
        }
        assertEquals(expected, reported);
    }

    @Test
    void aBaseFieldAlphaIsLeftToThePolynomial() {
        RangeLookupSteps.Step s = RangeLookupSteps.find(cs).get(0);
        Ext2[] challenges = honest(1).challengeValues();
        assertTrue(RangeLookupSteps.applicable(List.of(s), challenges));
        challenges[s.alpha()] = new Ext2(challenges[s.alpha()].c0(), 0);
        assertFalse(RangeLookupSteps.applicable(List.of(s), challenges));
    }
}
