package dev.zkjvm.example.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineDescriptor;
import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentState;
import dev.zkjvm.runtime.segment.SegmentedRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs programs plainly and in segments through a {@link MachineDescriptor}, replays every segment,
 * and checks the segments against the plain run's whole trace, record for record.
 *
 * @param <W> word type
 * @param <P> program type
 */
final class SegmentOracle<W extends Word<W>, P> {
    private final MachineDescriptor<W, P> machine;
    private final List<P> runs;
    private final List<W> input;
    private final List<W> advice;
    /** The plain run's trace and steps, the reference. */
    final MachineRun<W> plain;

    SegmentOracle(MachineDescriptor<W, P> machine, List<P> runs, List<W> input, List<W> advice) {
        this.machine = machine;
        this.runs = runs;
        this.input = input;
        this.advice = advice;
        this.plain = machine.execute(runs, input, advice);
    }

    /** The run's segments of {@code size} steps, after checking them all; returns them. */
    List<Segment> check(long size) {
        List<Segment> segments = new ArrayList<>();
        SegmentedRun<W> run = machine.executeInSegments(runs, input, advice, size, segments::add);
        Trace<W> full = plain.trace();
        String where = "segments of " + size;
        assertEquals(plain.steps(), run.runSteps(), where);
        assertEquals(plain.totalSteps(), run.totalSteps(), where);
        assertEquals(plain.streams(), run.streams(), where);
        assertEquals(segments.size(), run.segments(), where);
        checkChain(segments, size, plain.totalSteps(), where);

        Streams<W> streams = run.streams();
        int limbs = full.wordType().limbs();
        int shift = Integer.numberOfTrailingZeros(full.wordType().bytes());
        // Cell values as the full trace says they are at the current record: a record's value is
        // its cell's value after the access, read or write.
        Map<Long, long[]> values = new HashMap<>();
        int offset = 0;
        for (Segment s : segments) {
            String seg = where + ", segment " + s.index();
            Trace<W> replay = machine.replaySegment(runs, s, streams.input(), streams.advice(), streams.output());
            assertEquals(streams, replay.streams(), seg);
            assertTrue(offset + replay.size() <= full.size(), seg);
            TreeMap<Long, long[]> before = new TreeMap<>();
            for (int i = 0; i < replay.size(); i++) {
                int f = offset + i;
                String rec = seg + ", record " + i;
                assertEquals(full.time(f), replay.time(i) + offset, rec);
                assertEquals(full.address(f), replay.address(i), rec);
                assertEquals(full.flags(f), replay.flags(i), rec);
                assertEquals(full.stackDepth(f), replay.stackDepth(i), rec);
                assertEquals(full.step(f), replay.step(i), rec);
                assertEquals(full.opcode(f), replay.opcode(i), rec);
                long[] value = new long[limbs];
                for (int l = 0; l < limbs; l++) {
                    assertEquals(full.valueLimb(f, l), replay.valueLimb(i, l), rec + ", limb " + l);
                    value[l] = full.valueLimb(f, l);
                }
                long cell = full.address(f) >>> shift;
                before.putIfAbsent(cell, values.getOrDefault(cell, new long[limbs]));
                values.put(cell, value);
            }
            if (replay.size() > 0) {
                assertTrue(full.step(offset) >= s.start().clk() && full.step(offset + replay.size() - 1) < s.end().clk(),
                        seg);
            }
            offset += replay.size();
            assertArrayEquals(before.keySet().stream().mapToLong(Long::longValue).toArray(), s.cells(), seg);
            int k = 0;
            for (Map.Entry<Long, long[]> e : before.entrySet()) {
                assertArrayEquals(e.getValue(), s.before()[k], seg + ", before of cell " + e.getKey());
                assertArrayEquals(values.get(e.getKey()), s.after()[k], seg + ", after of cell " + e.getKey());
                k++;
            }
        }
        assertEquals(full.size(), offset, where + ": the segments' records are all the run's records");
        return segments;
    }

    private void checkChain(List<Segment> segments, long size, long total, String where) {
        assertTrue(!segments.isEmpty(), where);
        // The first step belongs to the first run that has one: runs of no step before it are passed.
        int firstRun = 0;
        while (firstRun < runs.size() - 1 && plain.steps().get(firstRun) == 0) {
            firstRun++;
        }
        if (total == 0) {
            firstRun = runs.size();
        }
        assertEquals(new SegmentState(firstRun, 0, 0, 0, 0, 0, 0), segments.get(0).start(), where);
        long steps = 0;
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            assertEquals(k, s.index(), where);
            if (k > 0) {
                assertEquals(segments.get(k - 1).end(), s.start(), where + ", segment " + k);
            }
            boolean last = k == segments.size() - 1;
            if (!last) {
                assertEquals(size, s.steps(), where + ", segment " + k);
            } else if (total > 0) {
                assertTrue(s.steps() >= 1 && s.steps() <= size, where + ", last segment");
            }
            assertEquals(s.start().clk() + s.steps(), s.end().clk(), where + ", segment " + k);
            steps += s.steps();
        }
        assertEquals(total, steps, where);
        SegmentState end = segments.get(segments.size() - 1).end();
        assertEquals(runs.size(), end.run(), where);
        assertEquals(0, end.pc(), where);
        assertEquals(plain.streams().input().size(), end.inputRead(), where);
        assertEquals(plain.streams().advice().size(), end.adviceRead(), where);
        assertEquals(plain.streams().output().size(), end.outputWritten(), where);
    }
}
