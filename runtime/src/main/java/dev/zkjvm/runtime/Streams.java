package dev.zkjvm.runtime;

import java.util.List;

/**
 * The words a run exchanged with the world through {@link Vm#input()}, {@link Vm#advice()} and
 * {@link Vm#output}: the public input words it read, the private input (advice) words it read, and
 * the public output words it wrote, each in order. A proof's statement is the program, the public
 * input and the output; the advice is a witness that stays hidden.
 *
 * @param input  public input words read, in order
 * @param advice private input words read, in order
 * @param output words written, in order
 * @param <W>    the machine's word type
 */
public record Streams<W extends Word<W>>(List<W> input, List<W> advice, List<W> output) {
    /** Copies the lists. */
    public Streams {
        input = List.copyOf(input);
        advice = List.copyOf(advice);
        output = List.copyOf(output);
    }

    /** No word read or written. */
    public static <W extends Word<W>> Streams<W> empty() {
        return new Streams<W>(List.<W>of(), List.<W>of(), List.<W>of());
    }

    /** Whether no word was read or written. */
    public boolean isEmpty() {
        return input.isEmpty() && advice.isEmpty() && output.isEmpty();
    }
}
