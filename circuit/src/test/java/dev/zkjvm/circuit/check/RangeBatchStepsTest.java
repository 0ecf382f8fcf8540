package dev.zkjvm.circuit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.ExtColumn;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.RangeInverses;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The batched range checks: the inverse-table shortcut gives the same verdict as the helper and
 * step polynomials on every row, a wrong value is reported under its caller's name, and each
 * constraint of a two-group batch can be broken alone.
 */
class RangeBatchStepsTest {
    private static final int ROWS = 1024;
    private static final int BITS = 8;

    private final ConstraintSystem cs;
    private final Column x;
    private final Column y;
    private final Column z;
    private final Column s;
    private final RangeBatch batch;

    RangeBatchStepsTest() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("batch");
        x = b.main("x");
        y = b.main("y");
        z = b.main("z");
        s = b.main("s");
        b.everyRow("s.bool", s.cur().mul(s.cur().sub(1)));
        b.rangeCheck("x.range", x.cur(), BITS);
        b.rangeCheck("y.range", s.cur(), y.cur(), BITS);
        b.rangeCheck("z.range", z.cur(), BITS);
        cs = b.build();
        batch = cs.rangeBatches().get(0);
    }

    private Witness honest(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] v = new long[4][ROWS];
        for (int r = 0; r < ROWS; r++) {
            v[0][r] = rnd.nextInt(1 << BITS);
            v[3][r] = rnd.nextInt(2);
            // y is only checked where s is 1: elsewhere any value goes
            v[1][r] = v[3][r] == 1 ? rnd.nextInt(1 << BITS) : Goldilocks.fromUnsigned(rnd.nextLong());
            v[2][r] = rnd.nextInt(1 << BITS);
        }
        return WitnessBuilder.of(cs, ROWS).set(x, v[0]).set(y, v[1]).set(z, v[2]).set(s, v[3]).build();
    }

    private List<Constraint> shortcutConstraints() {
        List<Constraint> out = new ArrayList<>();
        for (int k = 0; k < batch.groups().size(); k++) {
            out.add(batch.helperConstraint(k));
        }
        out.add(batch.stepConstraint());
        return out;
    }

    /** Failing (constraint, row) pairs on rows 0..n-2 by the polynomials (the general evaluator). */
    private TreeSet<Long> byPolynomial(Witness w) {
        Program p = ProgramCompiler.compileChecks(shortcutConstraints());
        BlockEvaluator e = new BlockEvaluator(p, w.columnsUnsafe(), w.challengeValues());
        TreeSet<Long> out = new TreeSet<>();
        for (int from = 0; from < ROWS - 1; from += BlockEvaluator.BLOCK) {
            e.run(from, Math.min(BlockEvaluator.BLOCK, ROWS - 1 - from),
                    (c, row) -> out.add(((long) c << 32) | row));
        }
        return out;
    }

    private TreeSet<Long> byShortcut(Witness w) {
        RangeBatchSteps.Batch b = RangeBatchSteps.find(cs).get(0);
        RangeInverses inv = RangeInverses.of(w.challengeValues()[batch.alpha().index()], batch.size());
        TreeSet<Long> out = new TreeSet<>();
        for (int from = 0; from < ROWS - 1; from += 100) {
            RangeBatchSteps.check(b, inv, w.columnsUnsafe(), from, Math.min(100, ROWS - 1 - from),
                    (c, row) -> out.add(((long) c << 32) | row));
        }
        return out;
    }

    @Test
    void groupsPairsWithinTheDegreeOfTheSystem() {
        assertEquals(2, batch.groups().size());
        assertEquals(List.of("x.range", "y.range"), batch.groups().get(0).stream().map(r -> r.name()).toList());
        assertEquals(3, cs.maxDegree());
        assertEquals(1, RangeBatchSteps.find(cs).size());
    }

    @Test
    void sameVerdictAsThePolynomialsOnHonestAndChangedCells() {
        List<Integer> cells = new ArrayList<>(List.of(x.index(), y.index(), z.index(), s.index(),
                batch.multiplicity().index(), batch.runningSum().c0().index(), batch.runningSum().c1().index()));
        for (ExtColumn g : batch.helpers()) {
            cells.add(g.c0().index());
            cells.add(g.c1().index());
        }
        long[] odd = {0, 1, 2, (1 << BITS) - 1, 1 << BITS, 1000, Goldilocks.P - 1, Goldilocks.P - (1 << BITS)};
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 40; trial++) {
            Witness w = honest(trial);
            assertTrue(byShortcut(w).isEmpty());
            assertTrue(byPolynomial(w).isEmpty());
            long[][] cols = w.columnsUnsafe();
            for (int k = 0; k < 1 + trial % 5; k++) {
                long[] col = cols[cells.get(rnd.nextInt(cells.size()))];
                int row = rnd.nextInt(ROWS);
                col[row] = rnd.nextBoolean() ? odd[rnd.nextInt(odd.length)] : Goldilocks.fromUnsigned(rnd.nextLong());
            }
            assertEquals(byPolynomial(w), byShortcut(w), "trial " + trial);
        }
    }

    @Test
    void aBaseFieldAlphaIsLeftToThePolynomials() {
        Witness w = honest(1);
        Ext2[] ch = w.challengeValues();
        ch[batch.alpha().index()] = new Ext2(ch[batch.alpha().index()].c0(), 0);
        // the checker must not take the shortcut: the polynomials still accept nothing wrong
        w.columnsUnsafe()[batch.runningSum().c0().index()][300] ^= 1;
        CheckReport r = new Checker(cs).check(w);
        assertEquals(Set.of("range8.step"), r.failingConstraintNames(), r.toString());
    }

    @Test
    void aValueOutsideTheRangeIsNamedByItsCheck() {
        Witness honest = honest(7);
        WitnessBuilder wb = WitnessBuilder.of(cs, ROWS);
        for (Column c : List.of(x, y, z, s)) {
            wb.set(c, honest.column(c).clone());
        }
        long[] zs = honest.column(z).clone();
        zs[123] = 1 << BITS;
        zs[500] = Goldilocks.P - 1;
        Witness w = wb.set(z, zs).build();
        CheckReport r = new Checker(cs).check(w);
        assertEquals(Set.of("range8.last"), r.failingConstraintNames(), r.toString());
        ArgumentIssue issue = r.argumentIssues().get(0);
        assertEquals("z.range", issue.argument());
        assertEquals(123, issue.row());
        assertTrue(issue.message().contains("(2 rows in all"), issue.message());
        assertTrue(r.toString().contains("range check z.range at row 123"), r.toString());
    }

    /** A y outside the range where its selector is 0 is not checked; where it is 1, it is. */
    @Test
    void theSelectorSwitchesAnInputOff() {
        Witness honest = honest(8);
        long[] sel = honest.column(s);
        int off = 0;
        while (sel[off] != 0) {
            off++;
        }
        int on = 0;
        while (sel[on] != 1) {
            on++;
        }
        for (int row : new int[] {off, on}) {
            WitnessBuilder wb = WitnessBuilder.of(cs, ROWS);
            for (Column c : List.of(x, y, z, s)) {
                wb.set(c, honest.column(c).clone());
            }
            long[] ys = honest.column(y).clone();
            ys[row] = 5 << BITS;
            CheckReport r = new Checker(cs).check(wb.set(y, ys).build());
            assertEquals(row == on, !r.isSatisfied(), r.toString());
            if (row == on) {
                assertEquals("y.range", r.argumentIssues().get(0).argument());
            }
        }
    }

    @Test
    void eachConstraintBreaksAlone() {
        // two helpers: the same amount moved from one group's helper to the other's keeps every sum
        ExtColumn g0 = batch.helpers().get(0);
        ExtColumn g1 = batch.helpers().get(1);
        Witness w = honest(11);
        w.set(g0, 40, w.get(g0, 40).add(Ext2.ONE));
        w.set(g1, 40, w.get(g1, 40).sub(Ext2.ONE));
        CheckReport r = new Checker(cs).check(w);
        assertEquals(Set.of("range8.g[0]", "range8.g[1]"), r.failingConstraintNames(), r.toString());
        assertTrue(r.failures().stream().allMatch(f -> f.row() == 40), r.toString());
        ExtColumn h = batch.runningSum();
        // the first-row constraint alone: m[0] changed, nothing else
        Witness f2 = honest(13);
        f2.columnsUnsafe()[batch.multiplicity().index()][0] = Goldilocks.add(
                f2.columnsUnsafe()[batch.multiplicity().index()][0], 1);
        assertEquals(Set.of("range8.first"), new Checker(cs).check(f2).failingConstraintNames());
        // the step alone: h moved on one row
        Witness st = honest(14);
        st.set(h, 600, st.get(h, 600).add(Ext2.ONE));
        CheckReport rs = new Checker(cs).check(st);
        assertEquals(Set.of("range8.step"), rs.failingConstraintNames(), rs.toString());
        // the last row alone: one more look-up of value 5 claimed, the running sum follows the claim
        Witness l = honest(15);
        l.columnsUnsafe()[batch.multiplicity().index()][5] = Goldilocks.add(
                l.columnsUnsafe()[batch.multiplicity().index()][5], 1);
        Ext2 inv5 = RangeInverses.of(l.challengeValues()[batch.alpha().index()], batch.size()).inverse(5);
        for (int r2 = 5; r2 < ROWS; r2++) {
            l.set(h, r2, l.get(h, r2).sub(inv5));
        }
        CheckReport rl = new Checker(cs).check(l);
        assertEquals(Set.of("range8.last"), rl.failingConstraintNames(), rl.toString());
        assertTrue(rl.argumentIssues().get(0).message().contains("multiplicity"), rl.toString());
    }

    @Test
    void checkerMatchesThePolynomialsOnManyEdits() {
        Witness w = honest(99);
        long[][] cols = w.columnsUnsafe();
        cols[x.index()][17] = 1 << BITS;
        cols[batch.runningSum().c0().index()][400] = 5;
        cols[batch.helpers().get(1).c1().index()][600] = 9;
        CheckReport report = new Checker(cs).check(w, CheckOptions.defaults().withMaxFailures(100));
        assertFalse(report.isSatisfied());
        TreeSet<Long> reported = new TreeSet<>();
        for (Failure f : report.failures()) {
            Constraint c = cs.constraint(f.constraint());
            if (shortcutConstraints().contains(c)) {
                reported.add(((long) c.index() << 32) | f.row());
            }
        }
        assertEquals(byPolynomial(w), reported);
    }
}
