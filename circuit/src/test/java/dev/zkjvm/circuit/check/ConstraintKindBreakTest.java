package dev.zkjvm.circuit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.Witness;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every kind of constraint, one edited cell makes exactly that constraint fail, and the report
 * names it (soundness rule 7).
 */
class ConstraintKindBreakTest {
    static final int N = 512;
    static final int BITS = 8;
    static ExampleAir air;
    static Checker checker;
    static Witness valid;

    @BeforeAll
    static void setUp() {
        air = new ExampleAir(BITS);
        checker = new Checker(air.cs);
        valid = air.validWitness(N, BITS);
    }

    private static CheckReport check(Witness w) {
        return checker.check(w, CheckOptions.defaults().withContext(r -> "t=" + r));
    }

    private static void assertOnly(CheckReport r, String constraint) {
        assertEquals(Set.of(constraint), r.failingConstraintNames(), r.toString());
        assertFalse(r.isSatisfied());
        assertTrue(r.toString().contains(constraint));
        assertEquals(constraint, r.failures().get(0).constraint());
    }

    @Test
    void validWitnessPasses() {
        CheckReport r = check(valid);
        assertTrue(r.isSatisfied(), r.toString());
        assertEquals(0, r.failureCount());
        assertTrue(r.failures().isEmpty());
        assertTrue(r.argumentIssues().isEmpty());
        r.assertSatisfied();
    }

    @Test
    void everyRowConstraint() {
        Witness w = valid.copy();
        w.set(air.flag, 5, 2);
        CheckReport r = check(w);
        assertOnly(r, "flag.bool");
        Failure f = r.failures().get(0);
        assertEquals(5, f.row());
        assertEquals(2L, f.cells().get("flag"));
        assertEquals("t=5", f.context());
        assertEquals("flag * (flag - 1)", f.polynomial());
        assertEquals(1, r.failureCount());
    }

    @Test
    void everyRowConstraintIsCheckedOnTheLastRow() {
        Witness w = valid.copy();
        w.set(air.flag, N - 1, 3);
        CheckReport r = check(w);
        assertOnly(r, "flag.bool");
        assertEquals(N - 1, r.failures().get(0).row());
    }

    @Test
    void everyRowConstraintWithFixedSelector() {
        Witness w = valid.copy();
        w.set(air.flag, 0, 1);
        CheckReport r = check(w);
        assertOnly(r, "first.selects_flag");
        assertEquals(0, r.failures().get(0).row());
        assertEquals(1L, r.failures().get(0).cells().get("is_first"));
    }

    @Test
    void transitionConstraint() {
        Witness w = valid.copy();
        w.set(air.t, N - 1, 7);
        CheckReport r = check(w);
        assertOnly(r, "counter.step");
        Failure f = r.failures().get(0);
        assertEquals(N - 2, f.row());
        assertEquals(7L, f.cells().get("t'"));
        assertEquals((long) (N - 2), f.cells().get("t"));
        assertEquals("t' - t - 1", f.polynomial());
    }

    @Test
    void firstRowConstraint() {
        Witness w = valid.copy();
        w.set(air.io, 0, 6);
        CheckReport r = check(w);
        assertOnly(r, "io.in");
        assertEquals(0, r.failures().get(0).row());
        assertEquals(6L, r.failures().get(0).cells().get("io"));
    }

    @Test
    void lastRowConstraint() {
        Witness w = valid.copy();
        w.set(air.io, N - 1, 0);
        CheckReport r = check(w);
        assertOnly(r, "io.out");
        assertEquals(N - 1, r.failures().get(0).row());
    }

    @Test
    void rangeLastRowCatchesAValueOutsideTheTable() {
        Witness w = air.rebuilt(valid, air.small, 7, 300);
        CheckReport r = check(w);
        assertOnly(r, "range8.last");
        assertEquals("range8", r.failures().get(0).argument());
        assertEquals(N - 1, r.failures().get(0).row());
        ArgumentIssue issue = r.argumentIssues().get(0);
        assertEquals("small.range", issue.argument(), "the input by the name its caller gave");
        assertEquals("range check", issue.kind());
        assertEquals(7, issue.row());
        assertTrue(issue.message().contains("300"), issue.message());
        assertTrue(r.toString().contains("range check small.range at row 7"), r.toString());
    }

    @Test
    void rangeCheckCoversPaddingRows() {
        // the last row is padding in most traces: it is looked up all the same
        Witness w = air.rebuilt(valid, air.small, N - 1, Goldilocks.P - 1);
        CheckReport r = check(w);
        assertOnly(r, "range8.last");
        assertEquals(N - 1, r.argumentIssues().get(0).row());
    }

    @Test
    void rangeStepConstraint() {
        Witness w = valid.copy();
        var h = air.cs.rangeBatches().get(0).runningSum();
        w.set(h, 100, w.get(h, 100).add(Ext2.ONE));
        CheckReport r = check(w);
        assertOnly(r, "range8.step");
        assertEquals(List.of(99, 100), r.failures().stream().map(Failure::row).toList());
        assertTrue(r.argumentIssues().get(0).message().contains("departs"), r.argumentIssues().toString());
        assertEquals(100, r.argumentIssues().get(0).row());
    }

    @Test
    void rangeFirstRowConstraint() {
        Witness w = valid.copy();
        var m = air.cs.rangeBatches().get(0).multiplicity();
        w.set(m, 0, Goldilocks.add(w.get(m, 0), 1));
        CheckReport r = check(w);
        assertOnly(r, "range8.first");
        assertEquals(0, r.argumentIssues().get(0).row());
        assertTrue(r.argumentIssues().get(0).message().contains("multiplicity"));
    }

    /**
     * With one group, a changed helper also changes the sum the step expects: the minimal set is
     * the helper and the step (a batch with two groups breaks helpers alone,
     * {@code RangeBatchStepsTest}). On the last row, where no step reads it, the helper fails alone.
     */
    @Test
    void rangeHelperConstraint() {
        var g = air.cs.rangeBatches().get(0).helpers().get(0);
        Witness w = valid.copy();
        w.set(g, 50, w.get(g, 50).add(Ext2.ONE));
        CheckReport r = check(w);
        assertEquals(Set.of("range8.g[0]", "range8.step"), r.failingConstraintNames(), r.toString());
        assertEquals(List.of(49, 50), r.failures().stream().map(Failure::row).sorted().toList());
        assertEquals(50, r.argumentIssues().get(0).row());
        assertTrue(r.argumentIssues().get(0).message().contains("range8.g[0]"), r.argumentIssues().toString());
        Witness last = valid.copy();
        last.set(g, N - 1, last.get(g, N - 1).add(Ext2.ONE));
        last.set(air.cs.rangeBatches().get(0).runningSum(), N - 1, Ext2.ZERO.add(Ext2.ONE));
        CheckReport rl = check(last);
        assertEquals(Set.of("range8.g[0]", "range8.last"), rl.failingConstraintNames(), rl.toString());
        assertEquals(List.of(N - 1, N - 1), rl.failures().stream().map(Failure::row).toList());
    }

    @Test
    void permutationLastRowCatchesAChangedValue() {
        Witness w = air.rebuilt(valid, air.a, 3, 42);
        CheckReport r = check(w);
        assertOnly(r, "ab.last");
        assertEquals(3, r.argumentIssues().get(0).row());
        assertTrue(r.argumentIssues().get(0).message().contains("42"), r.argumentIssues().toString());
    }

    @Test
    void permutationStepConstraint() {
        Witness w = valid.copy();
        var z = air.cs.permutations().get(0).product();
        w.set(z, 200, w.get(z, 200).mul(Ext2.of(2)));
        CheckReport r = check(w);
        assertOnly(r, "ab.step");
        assertEquals(2, r.failureCount());
    }

    @Test
    void permutationFirstRowConstraint() {
        Witness w = valid.copy();
        w.set(air.b, 0, 17);
        CheckReport r = check(w);
        assertOnly(r, "ab.first");
        assertEquals(0, r.failures().get(0).row());
        assertEquals(17L, r.failures().get(0).cells().get("b"));
    }

    @Test
    void tuplePermutationWithSelectors() {
        int row = 10; // an even row: selected on the left
        Witness w = air.rebuilt(valid, air.v1, row, 5);
        CheckReport r = check(w);
        assertOnly(r, "kv.last");
        assertEquals(row, r.argumentIssues().get(0).row());
        // an unselected row may hold anything
        Witness ok = air.rebuilt(valid, air.v1, row + 1, 5);
        assertTrue(check(ok).isSatisfied(), check(ok).toString());
    }

    @Test
    void tuplePermutationOrderOfColumnsMatters() {
        // swapping k and v on a selected left row changes the tuple, not only the multiset of values
        Witness w0 = air.rebuilt(valid, air.k1, 4, valid.get(air.v1, 4));
        Witness w = air.rebuilt(w0, air.v1, 4, valid.get(air.k1, 4));
        CheckReport r = check(w);
        assertOnly(r, "kv.last");
    }

    @Test
    void selectorThatIsNotBooleanIsReported() {
        Witness w = air.rebuilt(valid, air.sel1, 1, 2);
        CheckReport r = check(w);
        assertTrue(r.failingConstraintNames().contains("sel1.bool"));
        assertTrue(r.failingConstraintNames().contains("kv.last"));
        assertTrue(r.argumentIssues().stream().anyMatch(i -> i.message().contains("selector is 2")),
                r.argumentIssues().toString());
    }
}
