package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkjvm.circuit.machine.segment.LocalSegmentRunner;
import dev.zkjvm.circuit.machine.segment.SegmentRunner;
import dev.zkjvm.circuit.machine.segment.SegmentRunner.Work;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** One executor or two, Spark gives the results of plain local threads. */
class SparkExecutorCountTest {
    /** A deterministic, slightly uneven piece of work: a few thousand rounds of a 64-bit mix. */
    private static final Work<Long, Long> MIX = seed -> {
        long x = seed;
        for (long round = 0; round < 1000 + seed * 500; round++) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 29;
        }
        return x;
    };

    @Test
    void oneAndTwoExecutorsGiveTheSameResultsAsLocalThreads() {
        List<Long> items = LongStream.range(0, 12).boxed().toList();
        List<Long> expected;
        try (SegmentRunner threads = new LocalSegmentRunner(2)) {
            expected = threads.map(items, MIX, SegmentRunner.Progress.NONE);
        }
        for (int executors : new int[] {1, 2}) {
            try (SparkSegmentRunner spark = SparkSegmentRunner.local(executors)) {
                assertEquals("spark local[" + executors + ",2]", spark.describe());
                assertEquals(expected, spark.map(items, MIX, SegmentRunner.Progress.NONE), executors + " executors");
            }
        }
    }
}
