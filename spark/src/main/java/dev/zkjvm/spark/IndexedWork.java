package dev.zkjvm.spark;

import dev.zkjvm.circuit.machine.segment.SegmentRunner.Work;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;

/**
 * The task body: applies the work to the items of one partition (one item per partition, so the
 * partition index is the item index), times it, and tags a failure with the item's index.
 */
final class IndexedWork<T, R extends Serializable> implements Function2<Integer, Iterator<T>, Iterator<TimedResult<R>>> {
    private static final long serialVersionUID = 1L;

    private final Work<T, R> work;

    IndexedWork(Work<T, R> work) {
        this.work = work;
    }

    @Override
    public Iterator<TimedResult<R>> call(Integer index, Iterator<T> items) {
        List<TimedResult<R>> out = new ArrayList<>(1);
        while (items.hasNext()) {
            T item = items.next();
            long start = System.nanoTime();
            R result;
            try {
                result = work.apply(item);
            } catch (Exception e) {
                throw new WorkItemFailure(index, e);
            }
            out.add(new TimedResult<>(result, (System.nanoTime() - start) / 1_000_000));
        }
        return out.iterator();
    }
}
