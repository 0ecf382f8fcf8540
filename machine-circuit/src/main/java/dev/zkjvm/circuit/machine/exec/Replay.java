package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.util.Arrays;
import java.util.List;

/**
 * The steps a trace ran, found by replaying the program over its records: for each step, its run
 * ({@code segment}) and program counter, the index of its first record, the stack depth before it,
 * the next program counter its body computed, and the index of its first word of each stream
 * ({@link IoStream} order).
 *
 * @param steps       the steps replayed
 * @param segment     each step's run
 * @param pc          each step's program counter
 * @param recordStart each step's first record
 * @param depth       the stack depth before each step
 * @param nextPc      each step's next program counter
 * @param streamStart per stream, each step's first word of it
 */
public record Replay(int steps, int[] segment, int[] pc, int[] recordStart, long[] depth, long[] nextPc,
        int[][] streamStart) {
    /** A replay whose steps read and write no stream. */
    public Replay(int steps, int[] segment, int[] pc, int[] recordStart, long[] depth, long[] nextPc) {
        this(steps, segment, pc, recordStart, depth, nextPc, new int[IoStream.values().length][steps]);
    }

    /** The assembly text of step {@code s}'s instruction. */
    public String text(ExecutionProgram<?> program, int s) {
        return program.segments().get(segment[s]).get(pc[s]).text();
    }

    /**
     * Replays {@code table}'s program over {@code trace}: each step takes the records its body
     * makes, and the next program counter follows from the concrete values. Stops at the end of the
     * last run, after {@code maxSteps}, or where the trace cannot be a run (more steps without an
     * access than the program has instructions, or records taken past its end).
     */
    static <W extends Word<W>> Replay of(ExecutionTable<W> table, Trace<W> trace, int maxSteps) {
        return of(table, trace, maxSteps, Start.BEGINNING);
    }

    /**
     * Where a replay starts: a run's line, the stack depth, and the index of the next word of each
     * stream ({@link IoStream} order). A segment of a longer run starts where the one before ended.
     *
     * @param run the run
     * @param pc its line
     * @param depth the stack depth
     * @param streams per stream, the index of its next word
     */
    public record Start(int run, int pc, long depth, int[] streams) {
        /** The start of a whole run: run 0, line 0, an empty stack, no word taken. */
        public static final Start BEGINNING = new Start(0, 0, 0, new int[IoStream.values().length]);

        /** Copies the stream positions. */
        public Start {
            streams = streams.clone();
            if (streams.length != IoStream.values().length) {
                throw new IllegalArgumentException("a position per stream: " + IoStream.values().length);
            }
        }

        @Override
        public int[] streams() {
            return streams.clone();
        }
    }

    /** {@link #of(ExecutionTable, Trace, int)} from {@code start}: the records are those from there on. */
    static <W extends Word<W>> Replay of(ExecutionTable<W> table, Trace<W> trace, int maxSteps, Start start) {
        ExecRow<W> row = table.scratchRow(trace);
        System.arraycopy(start.streams, 0, row.streamNext, 0, start.streams.length);
        int cap = 1024;
        int[] seg = new int[cap];
        int[] pcs = new int[cap];
        int[] starts = new int[cap];
        long[] depths = new long[cap];
        long[] nexts = new long[cap];
        int[][] streamStarts = new int[IoStream.values().length][cap];
        int steps = 0;
        int record = 0;
        int idle = 0;
        long d = start.depth();
        List<List<ExecutionProgram.Line<W>>> segs = table.program().segments();
        int s = start.run();
        int p = start.pc();
        if (s < segs.size() && (p < 0 || p >= segs.get(s).size())) {
            return new Replay(0, seg, pcs, starts, depths, nexts, streamStarts);
        }
        while (s < segs.size() && steps < maxSteps) {
            List<ExecutionProgram.Line<W>> lines = segs.get(s);
            ExecutionProgram.Line<W> line = lines.get(p);
            ExecutionTable.Compiled<W> c = table.compiledAt(s, p);
            if (c == null) {
                break;
            }
            if (steps == cap) {
                cap *= 2;
                seg = Arrays.copyOf(seg, cap);
                pcs = Arrays.copyOf(pcs, cap);
                starts = Arrays.copyOf(starts, cap);
                depths = Arrays.copyOf(depths, cap);
                nexts = Arrays.copyOf(nexts, cap);
                for (int k = 0; k < streamStarts.length; k++) {
                    streamStarts[k] = Arrays.copyOf(streamStarts[k], cap);
                }
            }
            for (int k = 0; k < streamStarts.length; k++) {
                streamStarts[k][steps] = row.streamNext[k];
            }
            seg[steps] = s;
            pcs[steps] = p;
            starts[steps] = record;
            depths[steps] = d;
            row.length = lines.size();
            table.runStep(row, c, line, p, record, trace.size());
            // A terminating run never makes more steps without an access than its program has
            // instructions, nor reads past the trace: a replay that does follows a broken trace,
            // and stops here rather than run on.
            idle = row.record == record ? idle + 1 : 0;
            boolean lost = idle > lines.size() || row.record > trace.size();
            record = row.record;
            d += c.depthDelta();
            long next = row.nextPc;
            nexts[steps] = next;
            steps++;
            if (lost) {
                break;
            }
            if (c.halts() || next == lines.size()) {
                s++;
                p = 0;
            } else if (next < 0 || next > lines.size()) {
                break;
            } else {
                p = (int) next;
            }
        }
        return new Replay(steps, seg, pcs, starts, depths, nexts, streamStarts);
    }
}
