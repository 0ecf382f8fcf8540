package dev.zkjvm.circuit.machine;

import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.util.List;

/**
 * What a proof of a run states besides its programs: the public input the run read and the
 * output it wrote, every word in order. The advice (private input) is no part of it. A proof
 * verifies only with exactly its statement: a word changed, added or removed on either side
 * fails it.
 *
 * @param input  the public input words, in the order the run reads them
 * @param output the output words, in the order the run writes them
 * @param <W>    the machine's word type
 */
public record Statement<W extends Word<W>>(List<W> input, List<W> output) {
    /** Copies the lists. */
    public Statement {
        input = List.copyOf(input);
        output = List.copyOf(output);
    }

    /** The statement of a run: the input it read and the output it wrote. */
    public static <W extends Word<W>> Statement<W> of(Trace<W> trace) {
        Streams<W> s = trace.streams();
        return new Statement<>(s.input(), s.output());
    }

    /** No input and no output. */
    public static <W extends Word<W>> Statement<W> none() {
        return new Statement<W>(List.<W>of(), List.<W>of());
    }
}
