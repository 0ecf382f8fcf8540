package dev.zkjvm.example.segment;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.SegmentStatement;
import dev.zkjvm.circuit.machine.exec.IoStream;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test oracle: cuts a whole run's trace into segments of {@code n} steps with the circuit's own
 * replay, independently of the machine's segmented execution, so that a segment circuit can be tested
 * on pieces known to be right (and pieces can be tampered with).
 */
final class FullTraceSegments {
    private FullTraceSegments() {
    }

    /** One segment: what the machine's segmented run would record, and the records it made. */
    record Piece<W extends Word<W>>(Segment segment, Trace<W> records, SegmentStatement<W> statement) {
    }

    static <W extends Word<W>> List<Piece<W>> cut(MachineCircuit<W> circuit, Trace<W> full, int runs, int n,
            long[] context) {
        return cut(circuit, full, runs, n, context, Integer.MAX_VALUE);
    }

    /**
     * {@link #cut(MachineCircuit, Trace, int, int, long[])} of the first {@code maxSteps} steps only:
     * for a trace of fewer runs than the circuit has, whose replay would go on into the next run.
     */
    static <W extends Word<W>> List<Piece<W>> cut(MachineCircuit<W> circuit, Trace<W> full, int runs, int n,
            long[] context, int maxSteps) {
        Replay replay = circuit.execution().orElseThrow().replay(full, maxSteps);
        int steps = replay.steps();
        int limbs = full.wordType().limbs();
        Map<Long, long[]> image = new HashMap<>();
        List<Piece<W>> out = new ArrayList<>();
        int segments = Math.max(1, (steps + n - 1) / n);
        for (int k = 0; k < segments; k++) {
            int from = k * n;
            int to = Math.min(steps, from + n);
            int r0 = from < steps ? replay.recordStart()[from] : full.size();
            int r1 = to < steps ? replay.recordStart()[to] : full.size();
            SegmentState start = state(replay, full, from, runs);
            SegmentState end = state(replay, full, to, runs);
            TreeMap<Long, long[]> before = new TreeMap<>();
            for (int r = r0; r < r1; r++) {
                long cell = full.address(r) >>> Integer.numberOfTrailingZeros(full.wordType().bytes());
                before.putIfAbsent(cell, image.getOrDefault(cell, new long[limbs]).clone());
                long[] v = new long[limbs];
                for (int l = 0; l < limbs; l++) {
                    v[l] = full.valueLimb(r, l);
                }
                image.put(cell, v);
            }
            long[] cells = before.keySet().stream().mapToLong(Long::longValue).toArray();
            long[][] b = before.values().toArray(new long[0][]);
            long[][] a = new long[cells.length][];
            for (int i = 0; i < cells.length; i++) {
                a[i] = image.get(cells[i]).clone();
            }
            Segment segment = new Segment(k, start, end, to - from, cells, b, a);
            Trace<W> records = window(full, r0, r1);
            long[] ctx = Arrays.copyOf(context, context.length + 1);
            ctx[context.length] = k;
            SegmentStatement<W> statement = new SegmentStatement<>(ctx, start, end, r1 - r0, cells, b, a,
                    full.streams().input().subList(start.inputRead(), end.inputRead()),
                    full.streams().output().subList(start.outputWritten(), end.outputWritten()));
            out.add(new Piece<>(segment, records, statement));
        }
        return out;
    }

    /** The state before step {@code s} (after the last one when {@code s} is the step count). */
    private static SegmentState state(Replay replay, Trace<?> full, int s, int runs) {
        if (s < replay.steps()) {
            return new SegmentState(replay.segment()[s], replay.pc()[s], s, (int) replay.depth()[s],
                    replay.streamStart()[IoStream.INPUT.ordinal()][s], replay.streamStart()[IoStream.ADVICE.ordinal()][s],
                    replay.streamStart()[IoStream.OUTPUT.ordinal()][s]);
        }
        int depth = full.size() == 0 ? 0 : full.stackDepth(full.size() - 1);
        return new SegmentState(runs, 0, s, depth, full.streams().input().size(), full.streams().advice().size(),
                full.streams().output().size());
    }

    /** Records {@code [from, to)} of {@code full} as a trace of their own, timed from 0, with the whole streams. */
    static <W extends Word<W>> Trace<W> window(Trace<W> full, int from, int to) {
        int n = to - from;
        int limbs = full.wordType().limbs();
        int[] depth = new int[n];
        byte[] flag = new byte[n];
        long[] address = new long[n];
        long[] value = new long[n * limbs];
        long[] step = new long[n];
        int[] opcode = new int[n];
        for (int i = 0; i < n; i++) {
            depth[i] = full.stackDepth(from + i);
            flag[i] = (byte) full.flags(from + i);
            address[i] = full.address(from + i);
            for (int l = 0; l < limbs; l++) {
                value[i * limbs + l] = full.valueLimb(from + i, l);
            }
            step[i] = full.step(from + i);
            opcode[i] = full.opcode(from + i);
        }
        return new Trace<>(full.wordType(), n, null, depth, flag, address, value, step, opcode)
                .withStreams(full.streams());
    }
}
