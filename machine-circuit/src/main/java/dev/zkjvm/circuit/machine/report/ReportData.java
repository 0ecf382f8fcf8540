package dev.zkjvm.circuit.machine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.zkjvm.circuit.check.ArgumentIssue;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.machine.exec.ExecutionProgram;
import dev.zkjvm.circuit.machine.exec.Replay;
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
    /** The public input words the run read and the output words it wrote, as text; the advice's length. */
    final List<String> input;
    final List<String> output;
    final int adviceWords;

    <W extends dev.zkjvm.runtime.Word<W>> ReportData(String system, MemoryLayout layout, ExecutionProgram<W> program,
            Replay replay, Trace<W> trace, CheckReport check, FailureLocator locator,
            int maxRecordPoints, int maxStepPoints) {
        this.system = system;
        this.records = trace.size();
        this.steps = replay.steps();
        this.check = check;
        this.locator = locator;
        this.input = trace.streams().input().stream().map(Object::toString).toList();
        this.output = trace.streams().output().stream().map(Object::toString).toList();
        this.adviceWords = trace.streams().advice().size();
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
        java.io.StringWriter sb = new java.io.StringWriter();
        try (JsonGenerator j = ScriptJson.writer(sb)) {
            j.writeStartObject();
            j.writeArrayFieldStart("lines");
            for (Line l : lines) {
                j.writeStartObject();
                j.writeNumberField("run", l.run());
                j.writeNumberField("pc", l.pc());
                j.writeStringField("text", l.text());
                j.writeEndObject();
            }
            j.writeEndArray();
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
            j.writeObjectFieldStart("memory");
            j.writeFieldName("height");
            j.writeNumber(ScriptJson.tenths(Lanes.HEIGHT));
            array(j, "x", plottedRecords);
            j.writeArrayFieldStart("y");
            for (int i : plottedRecords) {
                j.writeNumber(ScriptJson.tenths(recordY[i]));
            }
            j.writeEndArray();
            array(j, "w", writes);
            j.writeFieldName("cell");
            j.writeArray(cells, 0, cells.length);
            array(j, "step", recordSteps);
            array(j, "line", recordLines);
            array(j, "failing", failingRecords);
            j.writeArrayFieldStart("lanes");
            for (Lanes.Lane lane : lanes.lanes()) {
                j.writeStartObject();
                j.writeStringField("kind", lane.kind());
                j.writeNumberField("first", lane.first());
                j.writeNumberField("last", lane.last());
                j.writeBooleanField("touched", lane.touched());
                j.writeFieldName("y0");
                j.writeNumber(ScriptJson.tenths(lane.y0()));
                j.writeFieldName("y1");
                j.writeNumber(ScriptJson.tenths(lane.y1()));
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
            long[] depths = new long[plottedSteps.length];
            int[] depthLines = new int[plottedSteps.length];
            for (int k = 0; k < plottedSteps.length; k++) {
                depths[k] = stepDepth[plottedSteps[k]];
                depthLines[k] = stepLine[plottedSteps[k]];
            }
            j.writeObjectFieldStart("depth");
            array(j, "x", plottedSteps);
            j.writeFieldName("y");
            j.writeArray(depths, 0, depths.length);
            array(j, "line", depthLines);
            array(j, "failing", failingSteps);
            j.writeEndObject();
            j.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static void array(JsonGenerator j, String name, int[] values) throws java.io.IOException {
        j.writeFieldName(name);
        j.writeArray(values, 0, values.length);
    }
}
