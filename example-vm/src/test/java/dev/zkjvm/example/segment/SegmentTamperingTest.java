package dev.zkjvm.example.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.example.Cpu64Descriptor;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.VmException;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentMismatchException;
import dev.zkjvm.runtime.segment.SegmentState;
import dev.zkjvm.runtime.segment.SegmentedRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A segment that lies about its run does not replay quietly into a trace of that run: the replay
 * either throws (a {@link SegmentMismatchException} when its end state, cells, values after or
 * output differ from what the segment and the run's streams say, another {@link VmException} when an
 * instruction fails on the false values) or makes records that differ from the run's.
 */
class SegmentTamperingTest {
    private static final Cpu64Descriptor CPU64 = new Cpu64Descriptor();
    private static final int SIZE = 16;

    private List<Cpu64Program> runs;
    private Streams<U64> streams;
    private List<Segment> segments;

    @BeforeEach
    void runBubbleSortInSegments() {
        runs = List.of(Programs.program("bubble_sort"));
        long[] words = new SplittableRandom(3).longs(6).toArray();
        segments = new ArrayList<>();
        SegmentedRun<U64> run = CPU64.executeInSegments(runs, SegmentedRunTest.words(Programs.counted(words)),
                List.of(), SIZE, segments::add);
        streams = run.streams();
        assertTrue(segments.size() > 4);
    }

    private Trace<U64> replay(Segment s) {
        return CPU64.replaySegment(runs, s, streams.input(), streams.advice(), streams.output());
    }

    private static Segment withBefore(Segment s, int cell, long value) {
        long[][] before = Arrays.stream(s.before()).map(long[]::clone).toArray(long[][]::new);
        before[cell][0] = value;
        return new Segment(s.index(), s.start(), s.end(), s.steps(), s.cells(), before, s.after());
    }

    private static Segment withStart(Segment s, SegmentState start) {
        return new Segment(s.index(), start, s.end(), s.steps(), s.cells(), s.before(), s.after());
    }

    /** Whether {@code a} and {@code b} have the same records (times included). */
    private static boolean sameRecords(Trace<U64> a, Trace<U64> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.time(i) != b.time(i) || a.address(i) != b.address(i) || a.flags(i) != b.flags(i)
                    || a.valueLimb(i, 0) != b.valueLimb(i, 0) || a.stackDepth(i) != b.stackDepth(i)
                    || a.step(i) != b.step(i) || a.opcode(i) != b.opcode(i)) {
                return false;
            }
        }
        return true;
    }

    /** The replay of a tampered segment throws, or its records are not the honest segment's. */
    private void assertRejectedOrDifferent(Segment honest, Segment tampered, String what) {
        Trace<U64> truth = replay(honest);
        Trace<U64> lie;
        try {
            lie = replay(tampered);
        } catch (VmException e) {
            return;
        }
        assertTrue(!sameRecords(truth, lie), what + " replays to the honest records");
    }

    /** Whether the first record of {@code cell} in {@code records} is a read. */
    private static boolean readFirst(Trace<U64> records, long cell) {
        for (int r = 0; r < records.size(); r++) {
            if (records.address(r) >>> 3 == cell) {
                return records.flag(r) == 0;
            }
        }
        throw new AssertionError("no record of cell " + cell);
    }

    @Test
    void everyChangedBeforeValueOfACellReadFirstIsRejectedOrChangesTheRecords() {
        int checked = 0;
        for (Segment s : segments) {
            Trace<U64> records = replay(s);
            for (int i = 0; i < s.cells().length; i++) {
                if (readFirst(records, s.cells()[i])) {
                    Segment tampered = withBefore(s, i, s.before()[i][0] + 1);
                    assertRejectedOrDifferent(s, tampered, "segment " + s.index() + " with cell " + s.cells()[i]
                            + " changed");
                    checked++;
                }
            }
        }
        assertTrue(checked > 20);
    }

    /**
     * The value before of a cell the segment writes first is no input of its replay: nothing in the
     * segment reads it. What pins it is the run, not the segment: it must equal the cell's value after
     * the last earlier segment that touched it (zero if none), which a proof of the whole run checks
     * across segments.
     */
    @Test
    void aChangedBeforeValueOfACellWrittenFirstReplaysTheSameRecords() {
        for (Segment s : segments) {
            Trace<U64> records = replay(s);
            for (int i = 0; i < s.cells().length; i++) {
                if (!readFirst(records, s.cells()[i])) {
                    Segment tampered = withBefore(s, i, s.before()[i][0] + 1);
                    assertTrue(sameRecords(records, replay(tampered)));
                    return;
                }
            }
        }
        throw new AssertionError("no segment writes a cell before reading it");
    }

    @Test
    void aChangedValueOfACellOnlyReadIsAMismatchOfTheValuesAfter() {
        // Segment 0 reads the input count and writes registers and stack; a later segment reads the
        // array cells of memory. Find a cell whose value before equals its value after, and that
        // some record reads: change its value before and the values after no longer match.
        for (Segment s : segments) {
            Trace<U64> records = replay(s);
            for (int i = 0; i < s.cells().length; i++) {
                long address = s.cells()[i] << 3;
                boolean written = false;
                for (int r = 0; r < records.size(); r++) {
                    written |= records.address(r) == address && records.flag(r) == 1;
                }
                if (!written) {
                    Segment tampered = withBefore(s, i, s.before()[i][0] ^ 0x40);
                    assertThrows(SegmentMismatchException.class, () -> replay(tampered));
                    return;
                }
            }
        }
        throw new AssertionError("no segment has a cell it only reads");
    }

    @Test
    void aChangedStartPcIsRejectedOrChangesTheRecords() {
        Segment s = segments.get(2);
        SegmentState start = s.start();
        for (long pc = 0; pc < runs.get(0).size(); pc++) {
            if (pc != start.pc()) {
                SegmentState moved = new SegmentState(start.run(), pc, start.clk(), start.depth(), start.inputRead(),
                        start.adviceRead(), start.outputWritten());
                assertRejectedOrDifferent(s, withStart(s, moved), "segment 2 started at pc " + pc);
            }
        }
    }

    @Test
    void aStartOutsideTheProgramsIsAMismatch() {
        Segment s = segments.get(1);
        SegmentState st = s.start();
        for (SegmentState bad : List.of(
                new SegmentState(st.run(), runs.get(0).size(), st.clk(), st.depth(), st.inputRead(), st.adviceRead(),
                        st.outputWritten()),
                new SegmentState(st.run(), -1, st.clk(), st.depth(), st.inputRead(), st.adviceRead(), st.outputWritten()),
                new SegmentState(2, 0, st.clk(), st.depth(), st.inputRead(), st.adviceRead(), st.outputWritten()),
                new SegmentState(st.run(), st.pc(), st.clk(), st.depth(), streams.input().size() + 1, st.adviceRead(),
                        st.outputWritten()),
                new SegmentState(st.run(), st.pc(), st.clk(), -1, st.inputRead(), st.adviceRead(), st.outputWritten()))) {
            assertThrows(SegmentMismatchException.class, () -> replay(withStart(s, bad)), bad::toString);
        }
    }

    @Test
    void aChangedStepCountChangesTheStepsOfTheRecords() {
        Segment s = segments.get(3);
        SegmentState st = s.start();
        SegmentState later = new SegmentState(st.run(), st.pc(), st.clk() + 1, st.depth(), st.inputRead(),
                st.adviceRead(), st.outputWritten());
        SegmentMismatchException e = assertThrows(SegmentMismatchException.class, () -> replay(withStart(s, later)));
        assertTrue(e.getMessage().contains("ends at"), e::getMessage);
    }

    @Test
    void aCellLeftOutOrAddedIsAMismatch() {
        Segment s = segments.get(2);
        int n = s.cells().length;
        Segment fewer = new Segment(s.index(), s.start(), s.end(), s.steps(), Arrays.copyOf(s.cells(), n - 1),
                Arrays.copyOf(s.before(), n - 1), Arrays.copyOf(s.after(), n - 1));
        SegmentMismatchException e = assertThrows(SegmentMismatchException.class, () -> replay(fewer));
        assertTrue(e.getMessage().contains("does not name cell " + s.cells()[n - 1]), e::getMessage);

        long unused = 0;
        while (s.indexOfCell(unused) >= 0) {
            unused++;
        }
        int at = -s.indexOfCell(unused) - 1;
        long[] cells = new long[n + 1];
        long[][] before = new long[n + 1][];
        long[][] after = new long[n + 1][];
        for (int i = 0, j = 0; i <= n; i++) {
            boolean added = i == at;
            cells[i] = added ? unused : s.cells()[j];
            before[i] = added ? new long[1] : s.before()[j];
            after[i] = added ? new long[1] : s.after()[j];
            j += added ? 0 : 1;
        }
        Segment more = new Segment(s.index(), s.start(), s.end(), s.steps(), cells, before, after);
        e = assertThrows(SegmentMismatchException.class, () -> replay(more));
        assertTrue(e.getMessage().contains("names cell " + unused), e::getMessage);
    }

    @Test
    void cellsOutOfOrderAreAMismatch() {
        Segment s = segments.get(2);
        long[] cells = s.cells().clone();
        long t = cells[0];
        cells[0] = cells[1];
        cells[1] = t;
        Segment swapped = new Segment(s.index(), s.start(), s.end(), s.steps(), cells, s.before(), s.after());
        assertThrows(SegmentMismatchException.class, () -> replay(swapped));
    }

    @Test
    void aChangedEndOrValueAfterIsAMismatch() {
        Segment s = segments.get(2);
        SegmentState e = s.end();
        Segment otherEnd = new Segment(s.index(), s.start(), new SegmentState(e.run(), e.pc() + 1, e.clk(), e.depth(),
                e.inputRead(), e.adviceRead(), e.outputWritten()), s.steps(), s.cells(), s.before(), s.after());
        assertThrows(SegmentMismatchException.class, () -> replay(otherEnd));
        long[][] after = Arrays.stream(s.after()).map(long[]::clone).toArray(long[][]::new);
        after[0][0]++;
        Segment otherAfter = new Segment(s.index(), s.start(), s.end(), s.steps(), s.cells(), s.before(), after);
        assertThrows(SegmentMismatchException.class, () -> replay(otherAfter));
    }

    @Test
    void moreStepsThanTheRunsHaveIsAMismatch() {
        Segment last = segments.get(segments.size() - 1);
        Segment longer = new Segment(last.index(), last.start(), last.end(), last.steps() + 1, last.cells(),
                last.before(), last.after());
        SegmentMismatchException e = assertThrows(SegmentMismatchException.class, () -> replay(longer));
        assertTrue(e.getMessage().contains("the runs end after " + last.steps()), e::getMessage);
    }

    @Test
    void anOutputOtherThanTheRunsIsAMismatch() {
        Segment writer = segments.stream().filter(s -> s.end().outputWritten() > s.start().outputWritten())
                .findFirst().orElseThrow();
        List<U64> output = new ArrayList<>(streams.output());
        int k = writer.start().outputWritten();
        output.set(k, U64.of(output.get(k).limb(0) + 1));
        SegmentMismatchException e = assertThrows(SegmentMismatchException.class,
                () -> CPU64.replaySegment(runs, writer, streams.input(), streams.advice(), output));
        assertTrue(e.getMessage().contains("output"), e::getMessage);
    }

    @Test
    void aSegmentSurvivesSerialization() throws IOException, ClassNotFoundException {
        Segment s = segments.get(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        Segment back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Segment) in.readObject();
        }
        assertEquals(s, back);
        assertTrue(sameRecords(replay(s), replay(back)));
    }
}
