package dev.zkjvm.circuit.tables.logup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.ExtColumn;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.TablesFixture;
import dev.zkjvm.circuit.tables.check.FullCheckReport;
import dev.zkjvm.circuit.tables.check.TableCheckOptions;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogupWitnessTest {
    private final TablesFixture f = new TablesFixture();
    private final TableSystemChecker checker = new TableSystemChecker(f.system);
    private final TableCheckOptions options = TableCheckOptions.defaults();

    @Test
    void honestTraceBalancesWithNonZeroShares() {
        FullCheckReport r = checker.checkFull(f.honestTrace(), f.statement(), options);
        assertTrue(r.isSatisfied(), r::toString);
        assertTrue(r.imbalance().isZero());
        SystemTrace t = f.honestTrace();
        BusChallenges ch = MainCommitments.draw(t, f.statement(), HashAlgorithm.DEFAULT);
        LogupWitness w = LogupWitness.build(LogupWitness.airs(f.system), t, ch);
        for (int i = 0; i < 4; i++) {
            assertFalse(w.share(i).isZero(), "share of table " + i);
        }
        // the one-row table's share is its single row's term: -1/(α - f(io, 42))
        Ext2 expected = ch.denominator(f.io, new long[] {42}).inverse().neg();
        assertEquals(expected, w.share(f.out.index()));
        assertEquals(Ext2.ZERO, BusBalance.imbalance(w.shares(), f.statement(), ch));
    }

    @Test
    void unbalancedBusLeavesTheColumnsValidButTheSharesUnbalanced() {
        SystemTrace t = f.honestTrace();
        t.set(f.cpu, f.isRead, 1, 1);
        FullCheckReport r = checker.checkFull(t, f.statement(), options);
        assertEquals(1, r.exact().unmatchedCount());
        assertTrue(r.argumentFailureCounts().isEmpty(), r::toString);
        assertFalse(r.imbalance().isZero());
        assertFalse(r.argumentsHold());
        assertTrue(r.toString().contains("not zero"), r::toString);
    }

    @Test
    void wrongPublicValueUnbalancesTheShares() {
        PublicTuples other = PublicTuples.NONE.with(f.io, Direction.SEND, 1, 43);
        FullCheckReport r = checker.checkFull(f.honestTrace(), other, options);
        assertFalse(r.imbalance().isZero());
    }

    @Test
    void corruptedRunningSumIsNamedByTableConstraintAndRow() {
        SystemTrace t = f.honestTrace();
        BusChallenges ch = MainCommitments.draw(t, f.statement(), HashAlgorithm.DEFAULT);
        LogupWitness w = LogupWitness.build(LogupWitness.airs(f.system), t, ch);
        ExtColumn sum = w.airs().get(f.cpu.index()).runningSum();
        long[] s0 = w.columnsUnsafe(f.cpu.index())[sum.c0().index()];
        s0[3] = Goldilocks.add(s0[3], 1);
        FullCheckReport r = checker.evaluateArguments(checker.check(t, f.statement()), w, w.shares(), f.statement(),
                options);
        assertEquals(2L, r.argumentFailureCounts().get("cpu.logup.step"), r::toString);
        assertEquals(List.of(2, 3), r.argumentFailures().stream().map(x -> x.failure().row()).toList());
        assertEquals("cpu", r.argumentFailures().get(0).table());
        assertTrue(r.imbalance().isZero(), "the claimed shares still balance");
    }

    @Test
    void forgedShareThatBalancesIsCaughtOnEveryStep() {
        SystemTrace t = f.honestTrace();
        t.set(f.cpu, f.isRead, 1, 1); // unmatched read
        BusChallenges ch = MainCommitments.draw(t, f.statement(), HashAlgorithm.DEFAULT);
        LogupWitness w = LogupWitness.build(LogupWitness.airs(f.system), t, ch);
        Ext2[] shares = w.shares();
        Ext2 imbalance = BusBalance.imbalance(shares, f.statement(), ch);
        shares[f.cpu.index()] = shares[f.cpu.index()].sub(imbalance); // claim what would balance
        FullCheckReport r = checker.evaluateArguments(checker.check(t, f.statement()), w, shares, f.statement(),
                options);
        assertTrue(r.imbalance().isZero());
        // the claimed share enters every row's step as share/n: a false one breaks them all
        assertEquals(8L, r.argumentFailureCounts().get("cpu.logup.step"), r::toString);
        assertEquals(0, r.argumentFailures().get(0).failure().row());
        assertFalse(r.isSatisfied());
    }

    @Test
    void challengesDependOnEveryTablesMainColumnsAndTheStatement() {
        SystemTrace t = f.honestTrace();
        BusChallenges before = MainCommitments.draw(t, f.statement(), HashAlgorithm.DEFAULT);
        t.set(f.out, f.res, 0, 41);
        BusChallenges after = MainCommitments.draw(t, f.statement(), HashAlgorithm.DEFAULT);
        assertNotEquals(before, after);
        t.set(f.out, f.res, 0, 42);
        assertEquals(before, MainCommitments.draw(t, f.statement(), HashAlgorithm.DEFAULT));
        assertNotEquals(before, MainCommitments.draw(t, PublicTuples.NONE, HashAlgorithm.DEFAULT));
    }

    @Test
    void interactionsAreGroupedWithinTheDegreeBudget() {
        List<TableAir> airs = LogupWitness.airs(f.system);
        TableAir cpu = airs.get(f.cpu.index());
        // one group: no helper column, the running sum carries the group's fractions
        assertEquals(1, cpu.groups().size());
        assertEquals(0, cpu.helpers().size());
        assertEquals(3, cpu.maxDegree());
        assertEquals(List.of("step_starts_at_0", "step_increments", "isRead_is_bit", "logup.step"),
                cpu.constraints().stream().map(c -> c.name()).toList());
        TableAir mem = airs.get(f.mem.index());
        assertEquals(0, mem.helpers().size());
        assertEquals(2, mem.maxDegree());
        assertNotNull(airs.get(f.bytes.index()).runningSum());
    }

    @Test
    void largerBudgetsMakeFewerHelpers() {
        dev.zkjvm.circuit.air.ConstraintSystemBuilder cb = dev.zkjvm.circuit.air.ConstraintSystem.builder("t");
        dev.zkjvm.circuit.air.Column a = cb.main("a");
        dev.zkjvm.circuit.air.Column b = cb.main("b");
        dev.zkjvm.circuit.air.Column c = cb.main("c");
        dev.zkjvm.circuit.tables.TableSystemBuilder sb = dev.zkjvm.circuit.tables.TableSystem.builder("s");
        dev.zkjvm.circuit.tables.Table table = sb.table(cb.build());
        dev.zkjvm.circuit.tables.Bus v = sb.bus("v", "x");
        dev.zkjvm.circuit.air.Expr one = dev.zkjvm.circuit.air.Expr.constant(1);
        sb.send("a", v, table, one, a.cur());
        sb.send("b", v, table, one, b.cur());
        sb.receive("c", v, table, one, c.cur());
        dev.zkjvm.circuit.tables.TableSystem system = sb.build();
        TableAir three = TableAir.of(system, table, 3);
        assertEquals(List.of(2, 1), three.groups().stream().map(List::size).toList());
        assertEquals(3, three.maxDegree());
        TableAir four = TableAir.of(system, table, 4);
        assertEquals(List.of(3), four.groups().stream().map(List::size).toList());
        assertEquals(4, four.maxDegree());
        // both groupings give the same share: a's and c's terms cancel row by row, b's remain
        for (TableAir air : List.of(three, four)) {
            long[] col = {1, 2, 3, 4};
            SystemTrace t = SystemTrace.builder(system).height(table, 4).set(table, a, col.clone())
                    .set(table, b, new long[] {5, 6, 7, 8}).set(table, c, col.clone()).build();
            BusChallenges ch = MainCommitments.draw(t, PublicTuples.NONE, HashAlgorithm.DEFAULT);
            LogupWitness w = LogupWitness.build(List.of(air), t, ch);
            // the share is Σ 1/(α - f(b)) over b's rows, since a's and c's terms cancel row by row
            Ext2 expected = Ext2.ZERO;
            for (long x : new long[] {5, 6, 7, 8}) {
                expected = expected.add(ch.denominator(v, new long[] {x}).inverse());
            }
            assertEquals(expected, w.share(0));
        }
    }
}
