package dev.zkjvm.circuit.machine;

import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.segment.SegmentState;
import java.util.List;

/**
 * What a segment's proof states, all of it public: where the segment starts and ends, the cells it
 * touches with their words before and after it (its pages), the public input words it reads and the
 * output words it writes, and the context that binds it to its place in one run.
 *
 * @param context field elements the proof is bound to (the run's digest, the segment's index and
 *     the number of segments)
 * @param start the state before its first step
 * @param end the state after its last step
 * @param records the accesses its steps make (its log's rows between the pages)
 * @param cells the cells it touches, strictly ascending
 * @param before per cell, the word's 64-bit limbs at the start
 * @param after per cell, the word's 64-bit limbs at the end
 * @param input the public input words it reads, from word {@code start.inputRead()} on
 * @param output the output words it writes, from word {@code start.outputWritten()} on
 * @param <W> the machine's word type
 */
public record SegmentStatement<W extends Word<W>>(long[] context, SegmentState start, SegmentState end, int records,
        long[] cells, long[][] before, long[][] after, List<W> input, List<W> output) {
    /** Validates the shape: as many words before and after as cells, cells ascending, streams that fit the states. */
    public SegmentStatement {
        context = context.clone();
        input = List.copyOf(input);
        output = List.copyOf(output);
        if (before.length != cells.length || after.length != cells.length) {
            throw new IllegalArgumentException("a segment has a word before and after per cell: " + cells.length
                    + " cells, " + before.length + " and " + after.length + " words");
        }
        for (int i = 1; i < cells.length; i++) {
            if (cells[i] <= cells[i - 1]) {
                throw new IllegalArgumentException("a segment's cells are strictly ascending; cell " + cells[i]
                        + " follows " + cells[i - 1]);
            }
        }
        if (records < 0) {
            throw new IllegalArgumentException("a segment's records cannot be negative: " + records);
        }
        if (end.inputRead() - start.inputRead() != input.size()
                || end.outputWritten() - start.outputWritten() != output.size()) {
            throw new IllegalArgumentException("the segment reads " + input.size() + " input words and writes "
                    + output.size() + " output words, its states say " + (end.inputRead() - start.inputRead())
                    + " and " + (end.outputWritten() - start.outputWritten()));
        }
    }

    @Override
    public long[] context() {
        return context.clone();
    }
}
