package dev.zkjvm.example.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.SegmentCircuit;
import dev.zkjvm.circuit.machine.SegmentStatement;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.check.RowFailure;
import dev.zkjvm.circuit.tables.check.TableCheckOptions;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.check.UnmatchedTuple;
import dev.zkjvm.circuit.tables.translate.RangeLayout;
import dev.zkjvm.circuit.tables.translate.TranslatedSystem;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One targeted change per constraint a segment's log adds (page rows, and the first access to a cell
 * opening it), made to the tables of an honest segment: the exact check must fail the targeted
 * constraint on the changed row, no other row constraint, and exactly the listed buses (a change
 * to a flag changes what the row sends or receives, so the buses it weighs on go out of balance).
 */
class SegmentConstraintTargetTest {
    private static final String MEMORY = "memory";
    private static final String IN = "memory.in";
    private static final String OUT = "memory.out";

    private final SegmentCircuit<U64> circuit;
    private final Trace<U64> records;
    private final SegmentStatement<U64> statement;
    private final TranslatedSystem tables;

    SegmentConstraintTargetTest() {
        Programs.Outcome run = Programs.bubbleSort(new long[] {5, 3, 9, 1, 7});
        circuit = Cpu64Circuit.circuit(run.runs()).segments();
        FullTraceSegments.Piece<U64> piece = FullTraceSegments.cut(Cpu64Circuit.circuit(run.runs()),
                run.machine().trace().withStreams(run.machine().streams()), 1, 25, new long[] {1}).get(2);
        records = piece.records();
        statement = piece.statement();
        tables = circuit.tables(RangeLayout.WHOLE);
    }

    private SystemTrace honest() {
        return circuit.trace(records, statement, RangeLayout.WHOLE);
    }

    private Table log() {
        return tables.mainTable();
    }

    private Column col(String name) {
        return log().air().column(name);
    }

    private long at(SystemTrace s, String column, int row) {
        return s.column(log(), col(column))[row];
    }

    private int pages() {
        return statement.cells().length;
    }

    private int firstPageOut() {
        return pages() + records.size();
    }

    /** The sorted row that holds log row {@code row}'s access (same cell and time). */
    private int sortedRowOf(SystemTrace s, int row) {
        long cell = at(s, "mem.cell", row);
        long time = at(s, "mem.time", row);
        for (int k = 0; k < s.height(log()); k++) {
            if (at(s, "mem.s.cell", k) == cell && at(s, "mem.s.time", k) == time) {
                return k;
            }
        }
        throw new AssertionError("no sorted row for log row " + row);
    }

    private void set(SystemTrace s, String column, int row, long value) {
        s.set(log(), col(column), row, Goldilocks.fromSigned(value));
    }

    private void expect(String constraint, int row, Consumer<SystemTrace> edit, Set<String> buses) {
        expect(constraint, row, edit, Set.of(), buses);
    }

    private void expect(String constraint, int row, Consumer<SystemTrace> edit, Set<String> also, Set<String> buses) {
        SystemTrace s = honest();
        edit.accept(s);
        TableSystemReport r = new TableSystemChecker(s.system()).check(s, circuit.publicTuples(tables, statement),
                new TableCheckOptions(10_000, 8, 1));
        Set<String> failing = new TreeSet<>();
        boolean atRow = false;
        for (RowFailure f : r.rowFailures()) {
            failing.add(f.failure().constraint());
            atRow |= f.failure().constraint().equals(constraint) && f.failure().row() == row;
        }
        Set<String> unbalanced = r.unmatched().stream().map(UnmatchedTuple::bus)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(atRow, constraint + " at row " + row + ": " + failing + " " + unbalanced);
        Set<String> want = new TreeSet<>(also);
        want.add(constraint);
        assertEquals(want, failing, constraint);
        assertEquals(new TreeSet<>(buses), unbalanced, constraint + ": unbalanced buses");
    }

    @Test
    void theHonestSegmentChecks() {
        assertTrue(circuit.check(records, statement).isSatisfied());
        assertTrue(pages() > 2 && records.size() > 2);
    }

    @Test
    void aPageFlagThatIsNotABit() {
        // the sorted copy keeps opening the cell with 1, so the permutation sees the log's 2
        expect("vm.page_in.bool", 0, s -> set(s, "vm.page_in", 0, 2), Set.of(MEMORY, IN, "mem.perm"));
        int out = firstPageOut();
        expect("vm.page_out.bool", out, s -> set(s, "vm.page_out", out, 2), Set.of(MEMORY, OUT));
    }

    @Test
    void aPageRowThatWrites() {
        expect("vm.page_in.read", 0, s -> {
            set(s, "mem.rw", 0, 1);
            set(s, "mem.s.rw", sortedRowOf(s, 0), 1);
        }, Set.of());
        int out = firstPageOut();
        expect("vm.page_out.read", out, s -> {
            set(s, "mem.rw", out, 1);
            set(s, "mem.s.rw", sortedRowOf(s, out), 1);
        }, Set.of());
    }

    @Test
    void aRowThatIsTwoKindsOfPage() {
        int out = firstPageOut();
        expect("vm.page_in.alone", out, s -> {
            set(s, "vm.page_in", out, 1);
            set(s, "mem.s.opens", sortedRowOf(s, out), 1);
        }, Set.of(MEMORY, IN));
        int pad = firstPageOut() + pages();
        assertEquals(1, at(honest(), "vm.pad", pad));
        // a row counted twice in the tail (page-out and padding) also breaks the tail's rule on the
        // row before it: the tail's flags must sum to 1 on every row of it
        expect("vm.page_out.alone", pad, s -> set(s, "vm.page_out", pad, 1), Set.of("vm.page_out.suffix"),
                Set.of(MEMORY, OUT));
    }

    @Test
    void aPageOutBeforeAnAccessAStepClaims() {
        // the last page-out made an ordinary row: the page-out before it is no longer in the suffix
        int last = firstPageOut() + pages() - 1;
        assertEquals(0, at(honest(), "vm.sel.stack", last), "the last page-out is of a memory or register cell");
        expect("vm.page_out.suffix", last - 1, s -> set(s, "vm.page_out", last, 0), Set.of(MEMORY, OUT));
    }

    @Test
    void aCellThatNoPageOpens() {
        SystemTrace s = honest();
        int k = 1;
        while (at(s, "mem.s.same", k) == 1) {
            k++;
        }
        int first = k;
        expect("mem.s.first_opens", first - 1, x -> set(x, "mem.s.opens", first, 0), Set.of("mem.perm"));
        expect("mem.s.first_opens.row0", 0, x -> set(x, "mem.s.opens", 0, 0), Set.of("mem.perm"));
    }

    @Test
    void stepRowsKeepTheStackRules() {
        SystemTrace s = honest();
        int row = -1;
        for (int r = pages(); r < firstPageOut(); r++) {
            if (at(s, "vm.sel.stack", r) == 1) {
                row = r;
                break;
            }
        }
        int stack = row;
        assertTrue(stack >= 0);
        // a step's stack access at another depth: its slot, the depth's moves into and out of the row,
        // and the access the step sent no longer match
        expect("vm.stack.slot", stack, x -> set(x, "vm.depth", stack, at(x, "vm.depth", stack) + 1),
                Set.of("vm.stack.depth.step"), Set.of(MEMORY));
    }
}
