package dev.zkjvm.circuit.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Data-parallel loops on a dedicated {@link ForkJoinPool} with one worker per available
 * processor. The common pool is not used: on a 2-core machine it has a single worker.
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
     * Runs {@code body} for chunks 0..chunks-1 on up to {@code workers} workers, each with its own
     * state from {@code stateFactory}.
     *
     * @return the states of the workers that ran (for merging results)
     */
    public static <S> List<S> forChunks(int chunks, int workers, Supplier<S> stateFactory, ChunkTask<S> body) {
        int w = Math.max(1, Math.min(workers, chunks));
        if (w == 1 || Thread.currentThread() instanceof ForkJoinWorkerThread t && t.getPool() == Holder.POOL) {
            S state = stateFactory.get();
            for (int c = 0; c < chunks; c++) {
                body.run(state, c);
            }
            return java.util.Collections.singletonList(state);
        }
        AtomicInteger next = new AtomicInteger();
        // A worker's failure is kept here and the task completes normally: recording an exceptional
        // completion allocates, and an OutOfMemoryError while recording it killed the worker with its
        // task never completed, so the caller waited forever instead of seeing the error.
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<ForkJoinTask<S>> tasks = new ArrayList<>(w);
        for (int i = 0; i < w; i++) {
            tasks.add(Holder.POOL.submit(() -> {
                try {
                    S state = stateFactory.get();
                    for (int c = next.getAndIncrement(); c < chunks && failure.get() == null;
                            c = next.getAndIncrement()) {
                        body.run(state, c);
                    }
                    return state;
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    return null;
                }
            }));
        }
        List<S> states = new ArrayList<>(w);
        for (ForkJoinTask<S> t : tasks) {
            states.add(t.join());
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return states;
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
