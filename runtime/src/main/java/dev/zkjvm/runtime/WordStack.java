package dev.zkjvm.runtime;

/**
 * The machine's stack as instruction bodies see it, through a {@code @Stack} field.
 * Push writes the value at the stack pointer and then advances it; pop steps back and then
 * reads. Every push and pop is one memory access, recorded in the trace.
 *
 * @param <W> the machine's word type
 */
public interface WordStack<W extends Word<W>> {
    /**
     * Pushes a word.
     *
     * @throws StackOverflowException if the stack already holds its declared depth
     */
    void push(W value);

    /**
     * Pops the top word.
     *
     * @throws StackUnderflowException if the stack is empty
     */
    W pop();

    /** Number of words on the stack now. */
    int depth();
}
