package dev.zkjvm.circuit.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void everyChunkRunsExactlyOnceAndEveryWorkerReturnsItsState() {
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
    void aLoopNestedInAChunkRunsOnTheThreadThatRunsTheChunk() {
        ConcurrentHashMap<Thread, Boolean> nestedElsewhere = new ConcurrentHashMap<>();
        Parallel.forChunks(64, Parallel.parallelism(), () -> null, (ignored, c) -> {
            Thread t = Thread.currentThread();
            Parallel.forRange(1 << 12, 16, (from, to) -> {
                if (Thread.currentThread() != t) {
                    nestedElsewhere.put(t, true);
                }
            });
        });
        assertTrue(nestedElsewhere.isEmpty(), "nested loops left their thread: " + nestedElsewhere.keySet());
    }

    @Test
    void aFailingChunkFailsTheLoop() {
        IllegalStateException boom = new IllegalStateException("chunk 3");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parallel.forChunks(1000, Parallel.parallelism(), () -> null, (ignored, c) -> {
                    if (c == 3) {
                        throw boom;
                    }
                }));
        assertSame(boom, e, "the worker's own exception, rethrown on the caller's thread");
    }

    /**
     * An error in a chunk (an OutOfMemoryError on a worker, here a stand-in) reaches the caller as it
     * is, so that a command line can report the heap it needs: recording it as the task's
     * exceptional completion allocates, and an OutOfMemoryError there once left the caller waiting
     * forever on a task whose worker had died.
     */
    @Test
    void anErrorInAChunkReachesTheCaller() {
        OutOfMemoryError oom = new OutOfMemoryError("stand-in");
        int workers = Math.max(2, Parallel.parallelism());
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
                () -> Parallel.forChunks(100, workers, () -> null, (ignored, c) -> {
                    if (c == 7) {
                        throw oom;
                    }
                }));
        assertSame(oom, e);
    }
}
