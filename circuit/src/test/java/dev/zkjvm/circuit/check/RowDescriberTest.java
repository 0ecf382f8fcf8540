package dev.zkjvm.circuit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.witness.Witness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The describer sees the cells each failing constraint and each argument side reads (so a caller
 * can tell which of its tables a row belongs to), and record issues make a report unsatisfied.
 */
class RowDescriberTest {
    private static final CheckReportTest.Counter COUNTER = CheckReportTest.COUNTER;
    private static final Checker CHECKER = CheckReportTest.CHECKER;

    /** "name@row" for each cell read, current row or next. */
    private static String cellsAt(int row, java.util.Collection<Expr.Cell> cells) {
        Set<String> out = new TreeSet<>();
        for (Expr.Cell c : cells) {
            out.add(c.column().name() + "@" + (c.next() ? row + 1 : row));
        }
        return String.join(" ", out);
    }

    @Test
    void eachFailureIsDescribedFromTheCellsItsConstraintReads() {
        Witness w = CheckReportTest.VALID.copy();
        w.set(COUNTER.t, 40, 41);   // t.step fails at rows 39 and 40, t.limbs at row 40
        List<String> calls = new ArrayList<>();
        CheckReport r = CHECKER.check(w, CheckOptions.defaults().withDescriber((row, cells) -> {
            String d = cellsAt(row, cells);
            calls.add(d);
            return d;
        }));
        assertEquals(Set.of("t.step", "t.limbs"), r.failingConstraintNames());
        assertEquals(List.of("t@39 t@40", "t@40 t@41", "hi@40 lo@40 t@40"),   // by row, then declaration order
                r.failures().stream().map(Failure::context).toList());
        assertEquals(3, calls.size(), "called for detailed failures only");
    }

    @Test
    void aRangeIssueIsDescribedFromTheRangeCheckedValue() {
        Witness w = CheckReportTest.VALID.copy();
        w.set(COUNTER.lo, 70_000, (70_000 & 0xFFFF) + (1 << 16));
        w.set(COUNTER.hi, 70_000, (70_000 >>> 16) - 1);
        CheckReport r = CHECKER.check(w, CheckOptions.defaults().withDescriber(RowDescriberTest::cellsAt));
        ArgumentIssue issue = r.argumentIssues().get(0);
        assertEquals("lo.range", issue.argument());
        assertEquals("lo@70000", issue.context());
        assertTrue(issue.toString().contains("at row 70000 (lo@70000)"), issue.toString());
    }

    @Test
    void recordIssuesMakeASatisfiedReportUnsatisfied() {
        CheckReport ok = CHECKER.check(CheckReportTest.VALID);
        RecordIssue bad = new RecordIssue("input.value", 7, 3, "value", "4294967296", "[0, 2^32)", "record 7");
        CheckReport r = ok.withRecordIssues(List.of(bad), Map.of("input.value", 2L));
        assertTrue(ok.isSatisfied());
        assertFalse(r.isSatisfied());
        assertTrue(r.constraintsSatisfied());
        assertEquals(Set.of("input.value"), r.failingRecordChecks());
        assertEquals(2, r.recordIssueCount());
        assertEquals(0, r.failureCount());
        String text = r.toString();
        assertTrue(text.contains("2 invalid records in 1 record check, 0 failures in 0 constraints"), text);
        assertTrue(text.contains("input.value: record 7 (step 3): value = 4294967296, allowed: [0, 2^32) [record 7]"),
                text);
        assertTrue(text.contains("1 more invalid record not shown"), text);
        AssertionError e = assertThrows(AssertionError.class, r::assertSatisfied);
        assertTrue(e.getMessage().contains("input.value"));
        assertThrows(IllegalArgumentException.class,
                () -> ok.withRecordIssues(List.of(bad, bad), Map.of("input.value", 1L)));
    }
}
