package dev.zkjvm.circuit.machine.segment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs segment work on this JVM's own threads, {@code workers} items at a time: for tests and for
 * tools without a cluster engine on the class path. No retries: a failed item fails the map.
 */
public final class LocalSegmentRunner implements SegmentRunner {
    private final int workers;
    private final ExecutorService pool;

    /** @param workers items run at once, at least 1 */
    public LocalSegmentRunner(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        this.workers = workers;
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "zkjvm-segment");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, Work<T, R> work,
            Progress progress) {
        List<Future<R>> futures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            T item = items.get(i);
            futures.add(pool.submit(() -> {
                long start = System.nanoTime();
                R r = work.apply(item);
                progress.done(index, (System.nanoTime() - start) / 1_000_000);
                return r;
            }));
        }
        List<R> out = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                out.add(futures.get(i).get());
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re && !(cause instanceof SegmentWorkException)) {
                    throw new SegmentWorkException(i, re.getMessage(), re);
                }
                throw new SegmentWorkException(i, String.valueOf(cause), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SegmentWorkException(i, "interrupted", e);
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "local threads (" + workers + ")";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
