package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.eval.FailureSink;
import java.util.Arrays;

/**
 * Counts failures per constraint and keeps the {@code cap} smallest (row, constraint) pairs in a
 * bounded max-heap of packed keys, without allocating per failure.
 */
final class FailureCollector implements FailureSink {
    private static final int CONSTRAINT_BITS = 24;

    final long[] counts;
    private final long[] heap;
    private int size;

    FailureCollector(int constraints, int cap) {
        this.counts = new long[constraints];
        this.heap = new long[cap];
    }

    static long key(int row, int constraint) {
        return ((long) row << CONSTRAINT_BITS) | constraint;
    }

    static int row(long key) {
        return (int) (key >>> CONSTRAINT_BITS);
    }

    static int constraint(long key) {
        return (int) (key & ((1L << CONSTRAINT_BITS) - 1));
    }

    @Override
    public void fail(int constraint, int row) {
        counts[constraint]++;
        if (heap.length == 0) {
            return;
        }
        long k = key(row, constraint);
        if (size < heap.length) {
            heap[size] = k;
            siftUp(size++);
        } else if (k < heap[0]) {
            heap[0] = k;
            siftDown(0);
        }
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] >= heap[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int largest = i;
            if (l < size && heap[l] > heap[largest]) {
                largest = l;
            }
            if (r < size && heap[r] > heap[largest]) {
                largest = r;
            }
            if (largest == i) {
                return;
            }
            swap(i, largest);
            i = largest;
        }
    }

    private void swap(int a, int b) {
        long t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }

    /** The kept keys in ascending order. */
    long[] sortedKeys() {
        long[] k = Arrays.copyOf(heap, size);
        Arrays.sort(k);
        return k;
    }

    /** Adds another collector's counts and keys into this one. */
    void merge(FailureCollector other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        for (long k : other.sortedKeys()) {
            long c = k;
            if (heap.length == 0) {
                break;
            }
            if (size < heap.length) {
                heap[size] = c;
                siftUp(size++);
            } else if (c < heap[0]) {
                heap[0] = c;
                siftDown(0);
            }
        }
    }
}
