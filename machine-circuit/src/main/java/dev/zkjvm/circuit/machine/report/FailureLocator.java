package dev.zkjvm.circuit.machine.report;

import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.check.ArgumentIssue;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.machine.exec.Replay;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a failing witness row is in the run: the one place that turns a checker's row into a step,
 * a trace record and a listing line, so that a richer check report needs only this class changed.
 *
 * <p>A machine circuit's witness rows carry three tables side by side: row {@code s} of the
 * execution table is step {@code s}; row {@code i} of the time-ordered memory log is trace record
 * {@code i}; row {@code i} of the address-sorted log is the record whose time the sorted time
 * column holds there. Which table a constraint reads follows from its name: {@code exec.*} the
 * steps, {@code mem.s.*} the sorted log, the other {@code mem.*} and {@code vm.*} the time-ordered
 * log. A lookup or permutation spans two tables; it is placed by its name like a constraint
 * ({@code exec.bus[k]} on the step that claims the access, {@code mem.perm} on the time-ordered
 * log).
 */
public final class FailureLocator {
    /** The table a failing row belongs to. */
    public enum Table {
        /** The execution table: row = step. */
        STEPS("execution table"),
        /** The memory log in time order: row = trace record. */
        LOG("memory log (time order)"),
        /** The memory log sorted by cell, then time. */
        SORTED("memory log (sorted by cell)"),
        /** A name this locator does not know. */
        UNKNOWN("unknown table");

        private final String label;

        Table(String label) {
            this.label = label;
        }

        /** What the table is, for a reader. */
        public String label() {
            return label;
        }
    }

    /**
     * A located row.
     *
     * @param table       the table the row belongs to
     * @param row         the witness row
     * @param step        the step, or -1 (padding row, or a record no replayed step made)
     * @param firstRecord the first trace record of the row: the record itself for a log row, the
     *                    step's first access for a step; -1 if none (padding, or a step without access)
     * @param lastRecord  the last trace record of the row (equal to the first for a log row), or -1
     * @param run         the step's program run (segment), or -1
     * @param pc          the step's program counter in that run, or -1
     */
    public record Place(Table table, int row, int step, int firstRecord, int lastRecord, int run, int pc) {
        /** Whether the row is a step of the replay. */
        public boolean hasStep() {
            return step >= 0;
        }

        /** Whether the row names trace records. */
        public boolean hasRecord() {
            return firstRecord >= 0;
        }
    }

    private final Replay replay;
    private final int records;
    private final Supplier<long[]> sortedTimes;
    private long[] sorted;

    /**
     * A locator for a trace of {@code records} records replayed as {@code replay}.
     *
     * @param sortedTimes the witness's sorted time column (row to record), asked for only when a
     *     sorted-log row is located
     */
    public FailureLocator(Replay replay, int records, Supplier<long[]> sortedTimes) {
        this.replay = replay;
        this.records = records;
        this.sortedTimes = sortedTimes;
    }

    /** The table a constraint, lookup or permutation of this name reads. */
    public static Table tableOf(String name) {
        if (name.startsWith("exec.")) {
            return Table.STEPS;
        }
        if (name.startsWith("mem.s.")) {
            return Table.SORTED;
        }
        if (name.startsWith("mem.") || name.startsWith("vm.")) {
            return Table.LOG;
        }
        return Table.UNKNOWN;
    }

    /**
     * Where a failure is: its row, and for a transition constraint (which reads this row and the
     * next) the next row too.
     */
    public List<Place> locate(Failure failure) {
        String name = failure.argument() != null && tableOf(failure.constraint()) == Table.UNKNOWN
                ? failure.argument() : failure.constraint();
        Place here = locate(name, failure.row());
        return failure.kind() == ConstraintKind.TRANSITION ? List.of(here, locate(name, failure.row() + 1))
                : List.of(here);
    }

    /** Where an argument's diagnosis points, or {@code null} if it names no row. */
    public Place locate(ArgumentIssue issue) {
        return issue.row() < 0 ? null : locate(issue.argument(), issue.row());
    }

    /** Where row {@code row} of the table that {@code name} reads is. */
    public Place locate(String name, int row) {
        Table table = tableOf(name);
        return switch (table) {
            case STEPS -> stepPlace(table, row, row);
            case LOG -> recordPlace(table, row, row);
            case SORTED -> recordPlace(table, row, sortedRecord(row));
            case UNKNOWN -> nowhere(table, row);
        };
    }

    private Place stepPlace(Table table, int row, int step) {
        if (step < 0 || step >= replay.steps()) {
            return nowhere(table, row);
        }
        int start = replay.recordStart()[step];
        int end = Math.min(step + 1 < replay.steps() ? replay.recordStart()[step + 1] : records, records);
        boolean any = start < end;
        return new Place(table, row, step, any ? start : -1, any ? end - 1 : -1, replay.segment()[step],
                replay.pc()[step]);
    }

    private static Place nowhere(Table table, int row) {
        return new Place(table, row, -1, -1, -1, -1, -1);
    }

    private Place recordPlace(Table table, int row, int record) {
        if (record < 0 || record >= records) {
            return nowhere(table, row);
        }
        int step = stepOf(record);
        if (step < 0) {
            return new Place(table, row, -1, record, record, -1, -1);
        }
        return new Place(table, row, step, record, record, replay.segment()[step], replay.pc()[step]);
    }

    /**
     * The step whose accesses include {@code record}: the last step starting at or before it (steps
     * without an access start where the next one does). The last step is taken to run to the end
     * of the trace. -1 if no step starts at or before it.
     */
    public int stepOf(int record) {
        int lo = 0;
        int hi = replay.steps() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (replay.recordStart()[mid] <= record) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private int sortedRecord(int row) {
        if (sorted == null) {
            sorted = sortedTimes.get();
        }
        if (row < 0 || row >= sorted.length) {
            return -1;
        }
        long t = sorted[row];
        return t >= 0 && t < records ? (int) t : -1;
    }
}
