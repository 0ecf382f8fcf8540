package dev.zkjvm.example.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.example.Cpu64Instruction;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.InputExhaustedException;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentedExecution;
import dev.zkjvm.runtime.segment.SegmentedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The driver keeps one segment's records and no more: while the sink has a segment, the machine's
 * trace holds exactly the records the plain run made in that segment's steps, and it is empty again
 * before the next segment's first step.
 */
class SegmentedExecutionMemoryTest {
    private static final List<List<Cpu64Instruction>> BUBBLE_SORT = List.of(
            Programs.program("bubble_sort").instructions());

    private static long[] input() {
        return Programs.counted(new SplittableRandom(11).longs(10).toArray());
    }

    @Test
    void theTraceHoldsOnlyTheCurrentSegmentsRecords() {
        Cpu64Machine plain = Cpu64Machine.create();
        plain.supplyInput(input());
        plain.run(Programs.program("bubble_sort"));
        Trace<?> full = plain.trace();

        Cpu64Machine machine = Cpu64Machine.create();
        machine.supplyInput(input());
        List<Integer> held = new ArrayList<>();
        SegmentedRun<?> run = SegmentedExecution.run(machine, BUBBLE_SORT, 25, (Segment s) -> {
            int inSegment = 0;
            for (int i = 0; i < full.size(); i++) {
                if (full.step(i) >= s.start().clk() && full.step(i) < s.end().clk()) {
                    inSegment++;
                }
            }
            Trace<?> current = machine.trace();
            assertEquals(inSegment, current.size(), "records held during segment " + s.index());
            assertTrue(current.size() == 0
                    || current.step(0) >= s.start().clk() && current.step(current.size() - 1) < s.end().clk());
            held.add(current.size());
        });
        assertEquals(0, machine.trace().size(), "the last segment's records are dropped too");
        assertEquals(run.segments(), held.size());
        assertTrue(held.size() > 10);
        assertEquals(full.size(), held.stream().mapToInt(Integer::intValue).sum());
        assertEquals(plain.output(), run.output());
        assertEquals(plain.core().step(), run.totalSteps());
    }

    @Test
    void aFailingRunFailsAsThePlainRunDoesAfterHandingOverTheSegmentsBeforeIt() {
        // bubble_sort with its count but without its words reads past the end of the input.
        long[] input = {3, 1};
        Cpu64Machine plain = Cpu64Machine.create();
        plain.supplyInput(input);
        InputExhaustedException expected = assertThrows(InputExhaustedException.class,
                () -> plain.run(Programs.program("bubble_sort")));

        Cpu64Machine machine = Cpu64Machine.create();
        machine.supplyInput(input);
        List<Segment> segments = new ArrayList<>();
        InputExhaustedException actual = assertThrows(InputExhaustedException.class,
                () -> SegmentedExecution.run(machine, BUBBLE_SORT, 3, segments::add));
        assertEquals(expected.getMessage(), actual.getMessage());
        assertEquals(expected.step() / 3, segments.size(), "every segment that was complete before the failure");
    }

    @Test
    void aSegmentedRunNeedsANewMachineAndSegmentsOfAtLeastOneStep() {
        Cpu64Machine machine = Cpu64Machine.create();
        assertThrows(IllegalArgumentException.class, () -> SegmentedExecution.run(machine, BUBBLE_SORT, 0, s -> { }));
        machine.run(new Cpu64Program(List.of(Programs.program("fibonacci").instructions().get(2))));
        assertThrows(IllegalArgumentException.class, () -> SegmentedExecution.run(machine, BUBBLE_SORT, 5, s -> { }));
    }
}
