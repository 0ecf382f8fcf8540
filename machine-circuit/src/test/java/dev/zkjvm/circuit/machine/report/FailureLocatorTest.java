package dev.zkjvm.circuit.machine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.check.ArgumentIssue;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.circuit.machine.report.FailureLocator.Place;
import dev.zkjvm.circuit.machine.report.FailureLocator.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureLocatorTest {
    /**
     * Five steps over seven records: step 0 takes records 0-1, step 1 none, step 2 records 2-4,
     * step 3 record 5, step 4 (the last) record 6. Runs: steps 0-1 in run 0, the rest in run 1.
     */
    private static final Replay REPLAY = new Replay(5, new int[] {0, 0, 1, 1, 1},
            new int[] {0, 1, 0, 1, 2}, new int[] {0, 2, 2, 5, 6}, new long[] {0, 1, 1, 0, 1}, new long[] {1, 2, 1, 2, 3});
    /** Sorted time column: sorted row i holds record SORTED[i]; rows 7.. are padding (times past the trace). */
    private static final long[] SORTED = {3, 0, 6, 1, 2, 4, 5, 7};

    private final FailureLocator locator = new FailureLocator(REPLAY, 7, () -> SORTED);

    @Test
    void tablesFollowFromNames() {
        assertEquals(Table.STEPS, FailureLocator.tableOf("exec.next.pc"));
        assertEquals(Table.STEPS, FailureLocator.tableOf("exec.bus[0]"));
        assertEquals(Table.SORTED, FailureLocator.tableOf("mem.s.read[0]"));
        assertEquals(Table.LOG, FailureLocator.tableOf("mem.time.step"));
        assertEquals(Table.LOG, FailureLocator.tableOf("vm.offset.limb[0].range"));
        assertEquals(Table.UNKNOWN, FailureLocator.tableOf("range16"));
    }

    @Test
    void recordsMapToTheStepThatTookThem() {
        int[] expected = {0, 0, 2, 2, 2, 3, 4};
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r], locator.stepOf(r), "record " + r);
        }
    }

    @Test
    void stepRowsCoverTheStepsRecords() {
        assertEquals(new Place(Table.STEPS, 2, 2, 2, 4, 1, 0), locator.locate("exec.one_instruction", 2));
        assertEquals(new Place(Table.STEPS, 1, 1, -1, -1, 0, 1), locator.locate("exec.one_instruction", 1),
                "a step without access names no record");
        assertEquals(new Place(Table.STEPS, 4, 4, 6, 6, 1, 2), locator.locate("exec.one_instruction", 4));
        assertEquals(new Place(Table.STEPS, 9, -1, -1, -1, -1, -1), locator.locate("exec.one_instruction", 9),
                "a padding row");
    }

    @Test
    void logRowsAreRecordsAndSortedRowsGoThroughTheSortedTimes() {
        assertEquals(new Place(Table.LOG, 3, 2, 3, 3, 1, 0), locator.locate("vm.sel.bool", 3));
        assertEquals(new Place(Table.SORTED, 2, 4, 6, 6, 1, 2), locator.locate("mem.s.same.bool", 2));
        assertEquals(new Place(Table.SORTED, 7, -1, -1, -1, -1, -1), locator.locate("mem.s.same.bool", 7));
        assertEquals(new Place(Table.LOG, 7, -1, -1, -1, -1, -1), locator.locate("mem.rw.bool", 7));
    }

    @Test
    void aTransitionIsPlacedAtItsRowAndTheNext() {
        Failure f = new Failure("mem.s.read[0]", "x' - x", ConstraintKind.TRANSITION, 1, Map.of(), null, null);
        assertEquals(List.of(new Place(Table.SORTED, 1, 0, 0, 0, 0, 0), new Place(Table.SORTED, 2, 4, 6, 6, 1, 2)),
                locator.locate(f));
        Failure every = new Failure("exec.opcode", "x", ConstraintKind.EVERY_ROW, 3, Map.of(), null, null);
        assertEquals(List.of(new Place(Table.STEPS, 3, 3, 5, 5, 1, 1)), locator.locate(every));
    }

    @Test
    void argumentIssuesArePlacedByTheirArgumentsName() {
        assertEquals(new Place(Table.STEPS, 0, 0, 0, 1, 0, 0),
                locator.locate(new ArgumentIssue("exec.bus[1]", "lookup", 0, "tuple not in the table")));
        assertNull(locator.locate(new ArgumentIssue("mem.perm", "permutation", -1, "products differ")));
    }
}
