package dev.zkjvm.circuit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckReportTest {
    static final int N = 100_000; // many blocks and chunks, two workers

    /** A counter with a 16-bit range check on its low part. */
    static final class Counter {
        final ConstraintSystem cs;
        final Column t;
        final Column lo;
        final Column hi;

        Counter() {
            ConstraintSystemBuilder b = ConstraintSystem.builder("counter");
            t = b.main("t");
            lo = b.main("lo");
            hi = b.main("hi");
            b.firstRow("t.first", t.cur());
            b.transition("t.step", t.next().sub(t.cur()).sub(1));
            b.everyRow("t.limbs", t.cur().sub(hi.cur().mul(1 << 16).add(lo.cur())));
            b.rangeCheck16("lo.range", lo.cur());
            cs = b.build();
        }

        Witness witness(int n) {
            long[] ts = new long[n];
            long[] los = new long[n];
            long[] his = new long[n];
            for (int i = 0; i < n; i++) {
                ts[i] = i;
                los[i] = i & 0xFFFF;
                his[i] = i >>> 16;
            }
            return WitnessBuilder.of(cs, n).set(t, ts).set(lo, los).set(hi, his).build();
        }
    }

    static final Counter COUNTER = new Counter();
    static final Witness VALID = COUNTER.witness(N);
    static final Checker CHECKER = new Checker(COUNTER.cs);

    @Test
    void rangeCheck16OverManyRowsPasses() {
        CheckReport r = CHECKER.check(VALID);
        assertTrue(r.isSatisfied(), r.toString());
        assertEquals(N, r.rows());
        assertTrue(r.toString().contains("all satisfied"));
    }

    @Test
    void failuresAcrossBlockAndChunkBoundariesAreAllFoundInRowOrder() {
        Witness w = VALID.copy();
        int[] rows = {1023, 1024, 16_383, 16_384, 50_000, N - 2};
        for (int r : rows) {
            w.set(COUNTER.hi, r, 7);
        }
        CheckReport r = CHECKER.check(w, CheckOptions.defaults().withParallelism(2));
        assertEquals(Set.of("t.limbs"), r.failingConstraintNames());
        assertEquals(List.of(1023, 1024, 16_383, 16_384, 50_000, N - 2),
                r.failures().stream().map(Failure::row).toList());
        CheckReport single = CHECKER.check(w, CheckOptions.defaults().withParallelism(1));
        assertEquals(r.failures(), single.failures());
    }

    @Test
    void onlyTheFirstFailuresAreKeptInDetailTheRestIsCounted() {
        Witness w = VALID.copy();
        for (int r = 500; r < 600; r++) {
            w.set(COUNTER.hi, r, 3);
        }
        w.set(COUNTER.t, 0, 1); // t.first, t.step at row 0 and t.limbs at row 0
        CheckReport r = CHECKER.check(w, CheckOptions.defaults().withMaxFailures(5).withContext(row -> "step " + row));
        assertEquals(Map.of("t.first", 1L, "t.step", 1L, "t.limbs", 101L), r.countsByConstraint());
        assertEquals(103, r.failureCount());
        assertEquals(5, r.failures().size());
        assertEquals(98, r.omittedCount());
        // ordered by row, then declaration order
        assertEquals(List.of("t.first", "t.step", "t.limbs", "t.limbs", "t.limbs"),
                r.failures().stream().map(Failure::constraint).toList());
        assertEquals(List.of(0, 0, 0, 500, 501), r.failures().stream().map(Failure::row).toList());
        Failure limbs = r.failures().get(3);
        assertEquals("step 500", limbs.context());
        assertEquals(Map.of("t", 500L, "hi", 3L, "lo", 500L), limbs.cells());
        assertEquals("t - (hi * 65536 + lo)", limbs.polynomial());
        String text = r.toString();
        assertTrue(text.contains("t.limbs: 101 rows"), text);
        assertTrue(text.contains("98 more failures not shown"), text);
        assertTrue(text.contains("t.limbs failed at row 500 (step 500)"), text);
        assertTrue(text.contains("hi = 3"), text);
    }

    @Test
    void assertSatisfiedCarriesTheReport() {
        Witness w = VALID.copy();
        w.set(COUNTER.t, 77, 5);
        CheckReport r = CHECKER.check(w);
        AssertionError e = assertThrows(AssertionError.class, r::assertSatisfied);
        assertTrue(e.getMessage().contains("t.step"), e.getMessage());
        assertTrue(e.getMessage().contains("t.limbs"), e.getMessage());
        assertTrue(e.getMessage().contains("row 77"), e.getMessage());
    }

    @Test
    void rangeCheckNamesTheFirstValueOutsideTheTable() {
        long[] ts = new long[N];
        long[] los = new long[N];
        long[] his = new long[N];
        for (int i = 0; i < N; i++) {
            ts[i] = i;
            los[i] = i & 0xFFFF;
            his[i] = i >>> 16;
        }
        // an honest-looking but wrong decomposition: lo = 65536 + x, hi - 1 (t.limbs still holds)
        for (int i : new int[] {70_000, 80_000}) {
            los[i] += 1 << 16;
            his[i] -= 1;
        }
        Witness w = WitnessBuilder.of(COUNTER.cs, N).set(COUNTER.t, ts).set(COUNTER.lo, los).set(COUNTER.hi, his)
                .build();
        CheckReport r = CHECKER.check(w);
        assertEquals(Set.of("range16.last"), r.failingConstraintNames());
        ArgumentIssue issue = r.argumentIssues().get(0);
        assertEquals("lo.range", issue.argument());
        assertEquals("range check", issue.kind());
        assertEquals(70_000, issue.row());
        assertTrue(issue.message().contains("(2 rows in all"), issue.message());
        assertTrue(r.toString().contains("range check lo.range at row 70000"), r.toString());
    }

    @Test
    void aWitnessOfAnotherSystemIsRefused() {
        Counter other = new Counter();
        assertThrows(IllegalArgumentException.class, () -> CHECKER.check(other.witness(1 << 16)));
    }
}
