package dev.zkjvm.circuit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Challenge;
import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.ExtColumn;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The compiled block evaluator (constant folding, sharing, slot reuse, zero-test shortcuts) agrees
 * with a naive recursive interpreter on random expressions.
 */
class ProgramCompilerTest {
    static final int COLS = 6;
    static final int ROWS = 2_600; // several blocks and a partial one
    final SplittableRandom rnd = new SplittableRandom(1234);
    final List<Column> cols = new ArrayList<>();
    final ExtColumn ext;
    final List<Challenge> challenges = List.of(new Challenge(0, "alpha"), new Challenge(1, "beta"));
    final Ext2[] challengeValues;
    final long[][] table;

    ProgramCompilerTest() {
        for (int i = 0; i < COLS; i++) {
            cols.add(new Column(i, "c" + i, Phase.MAIN));
        }
        Column e0 = new Column(COLS, "h.0", Phase.AUX);
        Column e1 = new Column(COLS + 1, "h.1", Phase.AUX);
        ext = new ExtColumn("h", e0, e1);
        table = new long[COLS + 2][ROWS];
        long[] palette = {0, 1, 2, 3, Goldilocks.P - 1, Goldilocks.P - 2};
        for (long[] c : table) {
            for (int r = 0; r < ROWS; r++) {
                c[r] = rnd.nextInt(4) == 0 ? Goldilocks.fromUnsigned(rnd.nextLong()) : palette[rnd.nextInt(palette.length)];
            }
        }
        challengeValues = new Ext2[] {new Ext2(5, 9), new Ext2(Goldilocks.fromUnsigned(rnd.nextLong()), 1)};
    }

    Expr randomExpr(int depth, boolean next, boolean allowExt) {
        int choice = depth <= 0 ? rnd.nextInt(3) : rnd.nextInt(10);
        switch (choice) {
            case 0: {
                long[] k = {0, 1, 2, Goldilocks.P - 1, 12345};
                return new Expr.Const(k[rnd.nextInt(k.length)]);
            }
            case 1:
            case 2: {
                if (allowExt && rnd.nextInt(6) == 0) {
                    return rnd.nextBoolean() ? challenges.get(rnd.nextInt(2)).expr()
                            : (next && rnd.nextBoolean() ? ext.next() : ext.cur());
                }
                Column c = cols.get(rnd.nextInt(COLS));
                return next && rnd.nextBoolean() ? c.next() : c.cur();
            }
            case 3:
            case 4:
                return randomExpr(depth - 1, next, allowExt).add(randomExpr(depth - 1, next, allowExt));
            case 5:
            case 6:
                return randomExpr(depth - 1, next, allowExt).sub(randomExpr(depth - 1, next, allowExt));
            case 7:
            case 8:
                return randomExpr(depth - 1, next, allowExt).mul(randomExpr(depth - 1, next, allowExt));
            default:
                return rnd.nextBoolean() ? randomExpr(depth - 1, next, allowExt).neg()
                        : randomExpr(depth - 1, next, allowExt).pow(1 + rnd.nextInt(5));
        }
    }

    Ext2 naive(Expr e, int row) {
        if (e instanceof Expr.Const c) {
            return Ext2.of(c.value());
        } else if (e instanceof Expr.Cell c) {
            return Ext2.of(table[c.column().index()][c.next() ? row + 1 : row]);
        } else if (e instanceof Expr.ExtCell c) {
            int r = c.next() ? row + 1 : row;
            return new Ext2(table[c.column().c0().index()][r], table[c.column().c1().index()][r]);
        } else if (e instanceof Expr.Chal c) {
            return challengeValues[c.challenge().index()];
        } else if (e instanceof Expr.Add a) {
            return naive(a.a(), row).add(naive(a.b(), row));
        } else if (e instanceof Expr.Sub s) {
            return naive(s.a(), row).sub(naive(s.b(), row));
        } else if (e instanceof Expr.Mul m) {
            return naive(m.a(), row).mul(naive(m.b(), row));
        } else if (e instanceof Expr.Neg n) {
            return naive(n.a(), row).neg();
        } else if (e instanceof Expr.Pow p) {
            return naive(p.base(), row).pow(p.exponent());
        }
        throw new IllegalStateException();
    }

    @Test
    void valuesMatchTheInterpreter() {
        for (int round = 0; round < 40; round++) {
            List<Expr> exprs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                exprs.add(randomExpr(1 + rnd.nextInt(5), false, rnd.nextBoolean()));
            }
            exprs.add(exprs.get(0)); // a repeated root is shared
            long[][][] out = ColumnEvaluator.evaluate(exprs, table, ROWS, challengeValues);
            for (int i = 0; i < exprs.size(); i++) {
                Expr e = exprs.get(i);
                assertEquals(e.isExtension() ? 2 : 1, out[i].length);
                for (int r = 0; r < ROWS; r++) {
                    Ext2 want = naive(e, r);
                    Ext2 got = new Ext2(out[i][0][r], e.isExtension() ? out[i][1][r] : 0);
                    if (!want.equals(got)) {
                        throw new AssertionError("expr " + e + " row " + r + ": want " + want + " got " + got);
                    }
                }
            }
        }
    }

    @Test
    void zeroTestsMatchTheInterpreter() {
        int checkedFailures = 0;
        for (int round = 0; round < 60; round++) {
            List<Constraint> cs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Expr e = randomExpr(1 + rnd.nextInt(4), true, rnd.nextBoolean());
                // bias towards the shapes with shortcuts
                int shape = rnd.nextInt(4);
                if (shape == 0) {
                    e = e.mul(randomExpr(2, true, false)).mul(randomExpr(1, true, rnd.nextBoolean()));
                } else if (shape == 1) {
                    e = e.sub(randomExpr(2, true, rnd.nextBoolean()));
                } else if (shape == 2) {
                    e = e.neg().pow(2);
                }
                cs.add(new Constraint(i, "k" + i, ConstraintKind.TRANSITION, e, null));
            }
            Program p = ProgramCompiler.compileChecks(cs);
            BlockEvaluator ev = new BlockEvaluator(p, table, challengeValues);
            TreeSet<Long> got = new TreeSet<>();
            for (int from = 0; from < ROWS - 1; from += BlockEvaluator.BLOCK) {
                ev.run(from, Math.min(BlockEvaluator.BLOCK, ROWS - 1 - from), (c, r) -> got.add((long) r * 100 + c));
            }
            TreeSet<Long> want = new TreeSet<>();
            for (Constraint c : cs) {
                for (int r = 0; r < ROWS - 1; r++) {
                    if (!naive(c.expr(), r).isZero()) {
                        want.add((long) r * 100 + c.index());
                    }
                }
            }
            assertEquals(want, got, () -> p.listing());
            checkedFailures += want.size();
        }
        assertTrue(checkedFailures > 1000, "the random constraints should fail on many rows: " + checkedFailures);
    }

    /**
     * Powers of a challenge (a permutation's compression) are row-invariant: computed once in the
     * prologue, kept in their slots over every block, and the values stay those of the interpreter.
     */
    @Test
    void rowInvariantValuesAreHoistedAndKept() {
        Expr beta = challenges.get(1).expr();
        Expr compressed = cols.get(0).cur();
        for (int j = 1; j < COLS; j++) {
            compressed = compressed.add(beta.pow(j).mul(cols.get(j).cur()));
        }
        Expr factor = challenges.get(0).expr().sub(compressed);
        List<Expr> exprs = List.of(factor, beta.pow(3).add(1));
        Program p = ProgramCompiler.compileValues(exprs);
        assertTrue(p.prologueLength() >= 4, p.listing()); // β², β³, β⁴, β⁵ (and β³ + 1)
        long[][][] out = ColumnEvaluator.evaluate(exprs, table, ROWS, challengeValues);
        for (int i = 0; i < exprs.size(); i++) {
            for (int r = 0; r < ROWS; r++) {
                assertEquals(naive(exprs.get(i), r), new Ext2(out[i][0][r], out[i][1][r]), "expr " + i + " row " + r);
            }
        }
        // A check that mixes invariant values with cells still runs on every row.
        Constraint c = new Constraint(0, "k", ConstraintKind.TRANSITION, beta.pow(2).mul(cols.get(0).next()).sub(
                beta.mul(beta).mul(cols.get(1).cur())), null);
        Program check = ProgramCompiler.compileChecks(List.of(c));
        BlockEvaluator ev = new BlockEvaluator(check, table, challengeValues);
        TreeSet<Integer> got = new TreeSet<>();
        for (int from = 0; from < ROWS - 1; from += BlockEvaluator.BLOCK) {
            ev.run(from, Math.min(BlockEvaluator.BLOCK, ROWS - 1 - from), (k, r) -> got.add(r));
        }
        TreeSet<Integer> want = new TreeSet<>();
        for (int r = 0; r < ROWS - 1; r++) {
            if (!naive(c.expr(), r).isZero()) {
                want.add(r);
            }
        }
        assertEquals(want, got, check.listing());
    }

    @Test
    void sharedSubexpressionsAreComputedOnce() {
        Column a = cols.get(0);
        Column b = cols.get(1);
        Expr d = a.next().sub(a.cur()).sub(1);
        List<Constraint> cs = List.of(
                new Constraint(0, "x", ConstraintKind.TRANSITION, d.mul(b.cur()).add(1), null),
                new Constraint(1, "y", ConstraintKind.TRANSITION, d.mul(b.cur()).add(2), null));
        Program p = ProgramCompiler.compileChecks(cs);
        // sub, sub, mul shared; two adds; two checks
        assertEquals(7, p.instructionCount(), p.listing());
    }

    @Test
    void negationsFoldIntoSubtractionsAndDeadCodeIsDropped() {
        Column a = cols.get(0);
        Column b = cols.get(1);
        Expr e = a.cur().mul(b.cur()).add(b.cur().neg()).add(a.cur().neg().neg());
        Program p = ProgramCompiler.compileChecks(List.of(new Constraint(0, "z", ConstraintKind.EVERY_ROW, e, null)));
        // mul, sub (a*b + -b), add (+ a); no NEG survives
        assertEquals(4, p.instructionCount(), p.listing());
        assertTrue(p.listing().startsWith("mul s0 c0 c1\nsub s0 s0 c1\nadd "), p.listing());
        assertTrue(!p.listing().contains("neg"), p.listing());
    }

    @Test
    void constantsFold() {
        Column a = cols.get(0);
        Expr e = a.cur().mul(Expr.constant(3).mul(Expr.constant(0))).add(a.cur().mul(1)).sub(a.cur());
        Program p = ProgramCompiler.compileChecks(List.of(new Constraint(0, "z", ConstraintKind.EVERY_ROW, e, null)));
        // a*0 folds away, a*1 is a, a - a is 0: nothing to check
        assertEquals(0, p.instructionCount(), p.listing());
    }
}
