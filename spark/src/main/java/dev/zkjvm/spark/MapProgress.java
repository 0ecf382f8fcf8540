package dev.zkjvm.spark;

import dev.zkjvm.circuit.machine.segment.SegmentRunner.Progress;
import java.util.BitSet;

/**
 * The items of one {@code map} call that have completed: tells the caller's {@link Progress} of
 * each item exactly once, whether Spark's listener or the collected results report it first.
 */
final class MapProgress {
    private final int size;
    private final Progress progress;
    private final BitSet done = new BitSet();
    private int lastFailed = -1;

    MapProgress(int size, Progress progress) {
        this.size = size;
        this.progress = progress;
    }

    /** Item {@code index} completed; reported to the caller unless it already was. */
    synchronized void done(int index, long millis) {
        if (index < 0 || index >= size || done.get(index)) {
            return;
        }
        done.set(index);
        progress.done(index, millis);
        if (done.cardinality() == size) {
            notifyAll();
        }
    }

    /** An attempt at item {@code index} failed. */
    synchronized void failed(int index) {
        lastFailed = index;
    }

    /** The item whose attempt failed last, or -1. */
    synchronized int lastFailed() {
        return lastFailed;
    }

    /** The lowest index not reported done (the size if all were). */
    synchronized int firstUndone() {
        return Math.min(done.nextClearBit(0), size);
    }

    /** Waits up to {@code millis} for every item to be reported; true if all were. */
    synchronized boolean awaitAll(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (done.cardinality() < size) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
