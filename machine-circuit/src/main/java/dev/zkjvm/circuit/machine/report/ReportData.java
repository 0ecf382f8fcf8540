package dev.zkjvm.circuit.machine.report;

import dev.zkjvm.circuit.check.ArgumentIssue;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.machine.exec.ExecutionProgram;
import dev.zkjvm.circuit.machine.exec.ExecutionTable;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * What the report page shows, computed from the program, its replay over the trace, the trace and
 * the check: the listing with execution counts, the located failures, and the (thinned) points of
 * the two plots.
 */
final class ReportData {
    /**
     * One program line.
     *
     * @param index  position over all runs (the page's line number)
     * @param run    the run (segment) it belongs to
     * @param pc     its program counter in that run
     * @param text   its assembly text
     * @param count  how many replayed steps executed it
     */
    record Line(int index, int run, int pc, String text, long count) {
        String id() {
            return "line-" + run + "-" + pc;
        }
    }

    /**
     * One failure or argument diagnosis, located.
     *
     * @param name    the constraint (or lookup, permutation, range check) name
     * @param kind    what it is: the constraint's row kind, or the argument kind
     * @param places  where its rows are in the run: its row, and for a transition the next one
     * @param detail  what the check said about it
     */
    record Located(String name, String kind, List<FailureLocator.Place> places, String detail) {
        /** Every step its rows are, ascending, without repeats. */
        int[] steps() {
            return places.stream().mapToInt(FailureLocator.Place::step).filter(s -> s >= 0).sorted().distinct()
                    .toArray();
        }

        /** Every trace record its rows cover, ascending, without repeats. */
        int[] records() {
            return places.stream().filter(FailureLocator.Place::hasRecord)
                    .flatMapToInt(p -> java.util.stream.IntStream.rangeClosed(p.firstRecord(), p.lastRecord()))
                    .sorted().distinct().toArray();
        }
    }

    final String system;
    final int records;
    final int steps;
    final int runs;
    final List<Line> lines = new ArrayList<>();
    final int[] runStart;
    final CheckReport check;
    final List<Located> failures = new ArrayList<>();
    final int[] failingRecords;
    final int[] failingSteps;
    final Lanes lanes;
    final int[] plottedRecords;
    /** How the records were thinned (buckets and levels 0 if not). */
    final Thinning.Picked thinning;
    final int[] plottedSteps;
    private final double[] recordY;
    private final boolean[] recordWrite;
    private final long[] recordCell;
    private final long[] stepDepth;
    private final int[] stepLine;
    private final FailureLocator locator;

    <W extends dev.zkjvm.runtime.Word<W>> ReportData(String system, MemoryLayout layout, ExecutionProgram<W> program,
            ExecutionTable.Replay replay, Trace<W> trace, CheckReport check, FailureLocator locator,
            int maxRecordPoints, int maxStepPoints) {
        this.system = system;
        this.records = trace.size();
        this.steps = replay.steps();
        this.check = check;
        this.locator = locator;
        List<List<ExecutionProgram.Line<W>>> segments = program.segments();
        this.runs = segments.size();
        runStart = new int[runs + 1];
        for (int r = 0; r < runs; r++) {
            runStart[r + 1] = runStart[r] + segments.get(r).size();
        }
        long[] counts = new long[runStart[runs]];
        stepLine = new int[steps];
        stepDepth = new long[steps];
        for (int s = 0; s < steps; s++) {
            stepLine[s] = runStart[replay.segment()[s]] + replay.pc()[s];
            counts[stepLine[s]]++;
            stepDepth[s] = replay.depth()[s];
        }
        for (int r = 0; r < runs; r++) {
            List<ExecutionProgram.Line<W>> run = segments.get(r);
            for (int pc = 0; pc < run.size(); pc++) {
                lines.add(new Line(runStart[r] + pc, r, pc, run.get(pc).text(), counts[runStart[r] + pc]));
            }
        }
        if (check != null) {
            for (Failure f : check.failures()) {
                failures.add(new Located(f.constraint(), f.kind().label(), locator.locate(f),
                        f.context() == null ? f.polynomial() : f.context()));
            }
            for (ArgumentIssue i : check.argumentIssues()) {
                FailureLocator.Place place = locator.locate(i);
                if (place != null) {
                    failures.add(new Located(i.argument(), i.kind(), List.of(place), i.message()));
                }
            }
        }
        failingRecords = failures.stream().flatMapToInt(l -> java.util.Arrays.stream(l.records())).sorted()
                .distinct().toArray();
        failingSteps = failures.stream().flatMapToInt(l -> java.util.Arrays.stream(l.steps())).sorted().distinct()
                .toArray();
        int shift = Integer.numberOfTrailingZeros(layout.wordSize());
        recordCell = new long[records];
        recordWrite = new boolean[records];
        for (int i = 0; i < records; i++) {
            recordCell[i] = trace.address(i) >>> shift;
            recordWrite[i] = trace.flag(i) == 1;
        }
        lanes = Lanes.of(layout, recordCell);
        recordY = new double[records];
        for (int i = 0; i < records; i++) {
            recordY[i] = lanes.y(recordCell[i]);
        }
        thinning = Thinning.records(recordY, recordWrite, Lanes.HEIGHT, maxRecordPoints, failingRecords);
        plottedRecords = thinning.rows();
        plottedSteps = Thinning.steps(stepDepth, steps, maxStepPoints, failingSteps);
    }

    /** The page's line of step {@code s}, or -1. */
    int lineOfStep(int s) {
        return s >= 0 && s < steps ? stepLine[s] : -1;
    }

    /** The data the page's script reads. */
    String json() {
        StringBuilder sb = new StringBuilder();
        Json j = new Json(sb).open();
        j.key("lines").openArray();
        for (Line l : lines) {
            j.open().key("run").value(l.run()).key("pc").value(l.pc()).key("text").value(l.text()).close();
        }
        j.closeArray();
        int n = plottedRecords.length;
        long[] cells = new long[n];
        int[] writes = new int[n];
        int[] recordSteps = new int[n];
        int[] recordLines = new int[n];
        for (int k = 0; k < n; k++) {
            int i = plottedRecords[k];
            cells[k] = recordCell[i];
            writes[k] = recordWrite[i] ? 1 : 0;
            recordSteps[k] = locator.stepOf(i);
            recordLines[k] = lineOfStep(recordSteps[k]);
        }
        j.key("memory").open().key("height").tenths(Lanes.HEIGHT).key("x").array(plottedRecords);
        j.key("y").openArray();
        for (int i : plottedRecords) {
            j.tenths(recordY[i]);
        }
        j.closeArray();
        j.key("w").array(writes).key("cell").array(cells).key("step").array(recordSteps).key("line").array(recordLines)
                .key("failing").array(failingRecords);
        j.key("lanes").openArray();
        for (Lanes.Lane lane : lanes.lanes()) {
            j.open().key("kind").value(lane.kind()).key("first").value(lane.first()).key("last").value(lane.last())
                    .key("touched").value(lane.touched()).key("y0").tenths(lane.y0()).key("y1").tenths(lane.y1())
                    .close();
        }
        j.closeArray().close();
        long[] depths = new long[plottedSteps.length];
        int[] depthLines = new int[plottedSteps.length];
        for (int k = 0; k < plottedSteps.length; k++) {
            depths[k] = stepDepth[plottedSteps[k]];
            depthLines[k] = stepLine[plottedSteps[k]];
        }
        j.key("depth").open().key("x").array(plottedSteps).key("y").array(depths).key("line").array(depthLines)
                .key("failing").array(failingSteps).close();
        j.close();
        return sb.toString();
    }
}
