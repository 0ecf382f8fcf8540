package dev.zkjvm.circuit.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Data-parallel loops on the calling thread and a dedicated {@link ForkJoinPool} with one worker
 * per available processor. The common pool is not used: on a 2-core machine it has a single
 * worker. A loop nested in another's chunk runs on the thread that runs the chunk.
 *
 * <p>Work is split into chunks handed out in increasing order through an atomic counter, so each
 * worker sees its chunks in ascending order.
 */
public final class Parallel {
    private Parallel() {
    }

    private static final class Holder {
        /**
         * Numbers the workers for profiles and thread dumps: a worker's pool index is not assigned
         * until it starts, so naming by {@code getPoolIndex()} gave every worker the name
         * {@code zkjvm-circuit-0}.
         */
        private static final AtomicInteger WORKERS = new AtomicInteger();

        static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("zkjvm-circuit-" + WORKERS.getAndIncrement());
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    /**
     * Whether this thread is running its share of a {@link #forChunks} call: its nested calls then
     * run inline, as a pool worker's do, instead of queueing behind the pool's workers.
     */
    private static final ThreadLocal<boolean[]> IN_SHARE = ThreadLocal.withInitial(() -> new boolean[1]);

    /** The number of workers: {@link Runtime#availableProcessors()}. */
    public static int parallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** One chunk of work with per-worker state. */
    @FunctionalInterface
    public interface ChunkTask<S> {
        /** Processes chunk {@code chunk} using the worker's {@code state}. */
        void run(S state, int chunk);
    }

    /** A range of indices {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        /** Processes indices {@code [from, to)}. */
        void run(int from, int to);
    }

    /**
     * Runs {@code body} for chunks 0..chunks-1 on up to {@code workers} threads, each with its own
     * state from {@code stateFactory}: the calling thread and up to {@code workers - 1} pool workers.
     *
     * <p>Why the caller takes a share: it would otherwise only wait, and a parked pool worker can
     * take longer to wake than a chunk takes to run (on a shared 2-core machine, transforms of
     * 2^18 points ran 2-3 times slower spread over two woken workers than on one thread); now a
     * late worker finds fewer chunks left instead of holding the caller up.
     *
     * @return the states of the threads that ran (for merging results)
     */
    public static <S> List<S> forChunks(int chunks, int workers, Supplier<S> stateFactory, ChunkTask<S> body) {
        int w = Math.max(1, Math.min(workers, chunks));
        boolean[] inShare = IN_SHARE.get();
        if (w == 1 || inShare[0] || Thread.currentThread() instanceof ForkJoinWorkerThread t && t.getPool() == Holder.POOL) {
            S state = stateFactory.get();
            for (int c = 0; c < chunks; c++) {
                body.run(state, c);
            }
            return java.util.Collections.singletonList(state);
        }
        AtomicInteger next = new AtomicInteger();
        List<ForkJoinTask<S>> helpers = new ArrayList<>(w - 1);
        for (int i = 1; i < w; i++) {
            helpers.add(Holder.POOL.submit(() -> share(chunks, next, stateFactory, body)));
        }
        List<S> states = new ArrayList<>(w);
        Throwable failure = null; // a chunk body throws only unchecked exceptions
        inShare[0] = true;
        try {
            states.add(share(chunks, next, stateFactory, body));
        } catch (RuntimeException | Error e) {
            next.set(chunks); // the helpers stop after their current chunk
            failure = e;
        } finally {
            inShare[0] = false;
        }
        for (ForkJoinTask<S> t : helpers) {
            try {
                states.add(t.join());
            } catch (RuntimeException | Error e) {
                next.set(chunks);
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return states;
    }

    /** One thread's share: chunks taken in increasing order until none is left. */
    private static <S> S share(int chunks, AtomicInteger next, Supplier<S> stateFactory, ChunkTask<S> body) {
        S state = stateFactory.get();
        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
            body.run(state, c);
        }
        return state;
    }

    /** Runs {@code body} over {@code [0, n)} in pieces of about {@code grain} indices, on all workers. */
    public static void forRange(int n, int grain, RangeTask body) {
        int g = Math.max(1, grain);
        int chunks = (int) ((n + (long) g - 1) / g);
        forChunks(chunks, parallelism(), () -> null, (ignored, c) -> {
            int from = c * g;
            body.run(from, Math.min(n, from + g));
        });
    }
}
