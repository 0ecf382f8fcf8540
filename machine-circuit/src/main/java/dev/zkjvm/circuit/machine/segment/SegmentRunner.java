package dev.zkjvm.circuit.machine.segment;

import java.io.Serializable;
import java.util.List;

/**
 * Runs independent pieces of work (a segment's commit or proof) somewhere: on this JVM's threads,
 * or as tasks of a cluster engine. The segmented prover hands it serializable work items and a
 * serializable function, and gets the results back in the items' order.
 *
 * <p>A runner may run an item more than once (a retried or speculative task); the function must
 * then give the same result, which the segmented prover's functions do: they are deterministic in
 * their item.
 */
public interface SegmentRunner extends AutoCloseable {
    /**
     * Applies {@code work} to every item, in parallel as the runner sees fit.
     *
     * @param progress told of each item as it completes (from any thread)
     * @return the results, in the order of {@code items}
     * @throws SegmentWorkException if an item fails for good (after the runner's retries)
     */
    <T extends Serializable, R extends Serializable> List<R> map(List<T> items, Work<T, R> work, Progress progress);

    /** A short description for progress output, e.g. {@code "spark local[2]"}. */
    String describe();

    @Override
    void close();

    /** A function that can be shipped to another JVM. */
    @FunctionalInterface
    interface Work<T, R> extends Serializable {
        R apply(T item) throws Exception;
    }

    /** Hears of each completed item. */
    @FunctionalInterface
    interface Progress {
        /** Item {@code index} completed after {@code millis} ms of its own work. */
        void done(int index, long millis);

        /** Hears nothing. */
        Progress NONE = (index, millis) -> {
        };
    }
}
