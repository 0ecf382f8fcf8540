package dev.zkjvm.circuit.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void everyChunkRunsExactlyOnceAndEveryThreadReturnsItsState() {
        int chunks = 10_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
        List<int[]> states = Parallel.forChunks(chunks, Parallel.parallelism(), () -> new int[1], (s, c) -> {
            runs.incrementAndGet(c);
            s[0]++;
        });
        for (int c = 0; c < chunks; c++) {
            assertEquals(1, runs.get(c), "chunk " + c);
        }
        assertEquals(chunks, states.stream().mapToInt(s -> s[0]).sum());
        assertTrue(states.size() <= Parallel.parallelism());
    }

    @Test
    void theCallerTakesAShareAndItsNestedLoopsRunOnItsOwnThread() {
        Thread caller = Thread.currentThread();
        ConcurrentHashMap<Thread, Boolean> nestedOnOtherThreads = new ConcurrentHashMap<>();
        ConcurrentHashMap<Thread, Boolean> outer = new ConcurrentHashMap<>();
        Parallel.forChunks(64, Parallel.parallelism(), () -> null, (ignored, c) -> {
            Thread t = Thread.currentThread();
            outer.put(t, true);
            Parallel.forRange(1 << 12, 16, (from, to) -> {
                if (Thread.currentThread() != t) {
                    nestedOnOtherThreads.put(t, true);
                }
            });
        });
        assertTrue(nestedOnOtherThreads.isEmpty(), "a nested loop runs inline: " + nestedOnOtherThreads.keySet());
        // the caller asks for a chunk right after handing out the helpers' tasks, and 64 chunks of
        // 256 nested pieces each last far longer than that
        assertTrue(outer.containsKey(caller), "the caller ran chunks: " + outer.keySet());
    }

    @Test
    void aFailingChunkFailsTheLoopAfterTheOtherThreadsStopped() {
        IllegalStateException boom = new IllegalStateException("chunk 3");
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parallel.forChunks(1000, Parallel.parallelism(), () -> null, (ignored, c) -> {
                    runs.incrementAndGet(c);
                    if (c == 3) {
                        throw boom;
                    }
                }));
        // thrown on a pool worker, ForkJoinTask.join rethrows a copy with the original as its cause
        assertTrue(e == boom || e.getCause() == boom, e.toString());
        int ran = 0;
        for (int c = 0; c < 1000; c++) {
            ran += runs.get(c);
        }
        assertTrue(ran < 1000, "the loop stopped early: " + ran + " chunks ran");
        AssertionError error = new AssertionError("an error is not wrapped in an unchecked exception");
        AssertionError thrown = assertThrows(AssertionError.class,
                () -> Parallel.forChunks(4, Parallel.parallelism(), () -> null, (ignored, c) -> {
                    throw error;
                }));
        assertTrue(thrown == error || thrown.getCause() == error, thrown.toString());
    }
}
