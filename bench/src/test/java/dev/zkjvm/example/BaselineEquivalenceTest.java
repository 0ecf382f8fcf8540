package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkjvm.runtime.AbstractTraceRecord;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.TraceRecord;
import dev.zkjvm.runtime.Word;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The baselines do the same work as the generated machines: record for record the same trace. */
class BaselineEquivalenceTest {
    @Test
    void cpu64BaselineRecordsTheSameTrace() {
        long[] input = Programs.counted(new SplittableRandom(3).longs(60).toArray());
        Cpu64Program sort = Programs.program("bubble_sort");
        Cpu64Machine machine = Cpu64Machine.create();
        machine.supplyInput(input);
        machine.run(sort);
        Cpu64Baseline baseline = new Cpu64Baseline();
        baseline.vm.supplyInput(input);
        baseline.run(sort);
        assertSameTrace(machine.trace(), baseline.vm.trace);
        assertEquals(machine.output(), baseline.vm.output);
    }

    @Test
    void seedBaselineRecordsTheSameTrace() {
        SeedProgram program = SeedWorkload.program(3000, 11);
        SeedMachine machine = SeedMachine.create();
        machine.run(program);
        assertSameTrace(machine.trace(), new SeedBaseline().run(program));
    }

    private static <W extends Word<W>> void assertSameTrace(Trace<W> expected, List<TraceRecord<W>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            AbstractTraceRecord<W> e = expected.record(i);
            TraceRecord<W> a = actual.get(i);
            assertEquals(new TraceRecord<>(e.time(), e.stackDepth(), e.instruction(), e.address(), e.value(),
                    e.step(), e.opcode()), a, "record " + i);
        }
    }
}
