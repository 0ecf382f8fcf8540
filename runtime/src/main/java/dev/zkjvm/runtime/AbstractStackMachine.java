package dev.zkjvm.runtime;

/**
 * Stack pushes and pops, each one recorded write or read of the stack section: the seed's
 * {@code AbstractStackMachine}.
 *
 * @param <W> the machine's word type
 */
public interface AbstractStackMachine<W extends Word<W>> {
    /**
     * The stack depth after an access, with the access.
     *
     * @param depth       words on the stack after the access
     * @param interaction the cell written or read
     * @param <W>         word type
     */
    record StackAccess<W extends Word<W>>(int depth, CellInteraction<W> interaction) {
    }

    /** Writes {@code value} at the stack pointer, then advances it. */
    StackAccess<W> push(W value);

    /** Steps the stack pointer back, then reads. */
    StackAccess<W> pop();
}
