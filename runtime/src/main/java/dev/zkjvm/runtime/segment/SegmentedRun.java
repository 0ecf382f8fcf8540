package dev.zkjvm.runtime.segment;

import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Word;
import java.util.List;

/**
 * What a segmented run leaves behind besides its segments: the steps of each run and the streams.
 *
 * @param runSteps steps of each run, in order
 * @param segments number of segments handed to the sink
 * @param streams  the public input and advice words read and the output words written, over all
 *                 runs: the lists a {@link SegmentReplay} takes
 * @param <W>      word type
 */
public record SegmentedRun<W extends Word<W>>(List<Long> runSteps, int segments, Streams<W> streams) {
    /** Copies the list. */
    public SegmentedRun {
        runSteps = List.copyOf(runSteps);
    }

    /** Steps of all runs together. */
    public long totalSteps() {
        return runSteps.stream().mapToLong(Long::longValue).sum();
    }

    /** The words written to the public output, in order. */
    public List<W> output() {
        return streams.output();
    }
}
