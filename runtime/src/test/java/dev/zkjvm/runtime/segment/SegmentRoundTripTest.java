package dev.zkjvm.runtime.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.runtime.StepLimitExceededException;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.segment.TinyMachine.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The segmented run and the replay on the runtime's own test machine: the replays of the segments,
 * one after another, are the plain run's trace; each segment's cells and values are the trace's; the
 * driver keeps one segment's records; and the step limit fails as in the plain run.
 */
class SegmentRoundTripTest {
    private static final List<U64> INPUT = words(4, 2);
    private static final List<U64> ADVICE = words(10, 20, 30, 40, 5, 6);
    /** Two runs of the summer (n = 4, then n = 2) around a run of no step. */
    private static final List<List<Op>> RUNS = List.of(TinyMachine.summer(), List.of(), TinyMachine.summer());

    private static List<U64> words(long... values) {
        return LongStream.of(values).mapToObj(U64::of).toList();
    }

    private static TinyMachine plainRun() {
        TinyMachine m = new TinyMachine(1000);
        m.supplyInput(INPUT);
        m.supplyAdvice(ADVICE);
        for (List<Op> program : RUNS) {
            m.run(program);
        }
        return m;
    }

    @Test
    void replayedSegmentsAreThePlainTraceForEverySize() {
        TinyMachine plain = plainRun();
        Trace<U64> full = plain.trace();
        long total = plain.core().step();
        assertTrue(total > 40);
        for (long size : new long[] {1, 2, 3, 7, 16, total - 1, total, total + 1}) {
            TinyMachine m = new TinyMachine(1000);
            m.supplyInput(INPUT);
            m.supplyAdvice(ADVICE);
            List<Segment> segments = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            SegmentedRun<U64> run = SegmentedExecution.run(m, RUNS, size, s -> {
                segments.add(s);
                held.add(m.trace().size());
            });
            assertEquals(total, run.totalSteps());
            assertEquals(plain.streams(), run.streams());
            assertEquals(List.of(3 + 14 * 4L, 0L, 3 + 14 * 2L), run.runSteps(), "3 steps plus 14 per iteration");
            assertEquals((total + size - 1) / size, segments.size());

            Map<Long, Long> values = new HashMap<>();
            int offset = 0;
            SegmentState expectedStart = new SegmentState(0, 0, 0, 0, 0, 0, 0);
            for (Segment s : segments) {
                assertEquals(expectedStart, s.start());
                expectedStart = s.end();
                Trace<U64> replay = SegmentReplay.replay(new TinyMachine(1000), RUNS, s, run.streams().input(),
                        run.streams().advice(), run.streams().output());
                assertEquals((int) held.get(s.index()), replay.size(), "the driver held exactly the segment");
                assertEquals(new Streams<>(run.streams().input(), run.streams().advice(), run.streams().output()),
                        replay.streams());
                Map<Long, Long> before = new java.util.TreeMap<>();
                for (int i = 0; i < replay.size(); i++) {
                    int f = offset + i;
                    assertEquals(full.time(f), offset + replay.time(i));
                    assertEquals(full.address(f), replay.address(i));
                    assertEquals(full.flags(f), replay.flags(i));
                    assertEquals(full.valueLimb(f, 0), replay.valueLimb(i, 0));
                    assertEquals(full.stackDepth(f), replay.stackDepth(i));
                    assertEquals(full.step(f), replay.step(i));
                    assertEquals(full.opcode(f), replay.opcode(i));
                    long cell = full.address(f) >>> 3;
                    before.putIfAbsent(cell, values.getOrDefault(cell, 0L));
                    values.put(cell, full.valueLimb(f, 0));
                }
                offset += replay.size();
                assertArrayEquals(before.keySet().stream().mapToLong(Long::longValue).toArray(), s.cells());
                int k = 0;
                for (Map.Entry<Long, Long> e : before.entrySet()) {
                    assertArrayEquals(new long[] {e.getValue()}, s.before()[k]);
                    assertArrayEquals(new long[] {values.get(e.getKey())}, s.after()[k]);
                    k++;
                }
            }
            assertEquals(full.size(), offset);
            assertEquals(new SegmentState(3, 0, total, 0, 2, 6, 6), expectedStart);
        }
    }

    @Test
    void theStepLimitFailsTheSegmentedRunWhereItFailsThePlainRun() {
        List<List<Op>> forever = List.of(TinyMachine.program(Op.PUSH, 1, Op.JNZ, 0));
        TinyMachine plain = new TinyMachine(9);
        StepLimitExceededException expected = assertThrows(StepLimitExceededException.class,
                () -> plain.run(forever.get(0)));
        for (long size : new long[] {1, 4, 9, 100}) {
            List<Segment> segments = new ArrayList<>();
            StepLimitExceededException actual = assertThrows(StepLimitExceededException.class,
                    () -> SegmentedExecution.run(new TinyMachine(9), forever, size, segments::add));
            assertEquals(expected.getMessage(), actual.getMessage());
            assertEquals(9 / size, segments.size());
        }
        // A run that halts at its limit is no failure, in either.
        List<List<Op>> nine = List.of(TinyMachine.program(Op.PUSH, 1, Op.PUSH, 1, Op.PUSH, 1, Op.PUSH, 1,
                Op.ADD, 0, Op.ADD, 0, Op.ADD, 0, Op.OUT, 0, Op.HALT, 0));
        assertEquals(9, new TinyMachine(9).run(nine.get(0)));
        assertEquals(9, SegmentedExecution.run(new TinyMachine(9), nine, 4, s -> { }).totalSteps());
    }

    @Test
    void advanceStopsAtItsLimitAndGoesOnAtTheSameInstruction() {
        TinyMachine m = new TinyMachine(1000);
        m.supplyInput(INPUT);
        m.supplyAdvice(ADVICE);
        m.enter(TinyMachine.summer(), 0);
        assertEquals(5, m.advance(5));
        assertEquals(5, m.core().programCounter());
        assertTrue(!m.core().halted());
        assertEquals(0, m.advance(0));
        long rest = m.advance(Long.MAX_VALUE);
        assertTrue(m.core().halted());
        assertEquals(3 + 14 * 4, 5 + rest);
        TinyMachine plain = new TinyMachine(1000);
        plain.supplyInput(INPUT);
        plain.supplyAdvice(ADVICE);
        plain.run(TinyMachine.summer());
        assertEquals(plain.trace().size(), m.trace().size());
        assertEquals(plain.output(), m.output());
    }

    @Test
    void onlyANewMachineReplaysOrResumes() {
        List<Segment> segments = new ArrayList<>();
        TinyMachine m = new TinyMachine(1000);
        m.supplyInput(INPUT);
        m.supplyAdvice(ADVICE);
        SegmentedRun<U64> run = SegmentedExecution.run(m, RUNS, 10, segments::add);
        Streams<U64> st = run.streams();
        assertThrows(IllegalArgumentException.class,
                () -> SegmentReplay.replay(m, RUNS, segments.get(1), st.input(), st.advice(), st.output()));
        assertThrows(IllegalStateException.class, () -> m.core().resume(0, 0, 0, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TinyMachine(1000).core().resume(0, 0, 1, 0, List.of()));
    }
}
