package dev.zkjvm.runtime;

/**
 * The state of a machine apart from its cells: the seed's {@code AbstractContext}. Cells
 * (memory, stack slots, registers) are read through the machine, which records the access.
 *
 * @param <W> the machine's word type
 */
public interface AbstractContext<W extends Word<W>> {
    /** The address space. */
    MemoryLayout layout();

    /** The word type. */
    WordType<W> wordType();

    /** Time the next access will get; equals the number of accesses recorded so far. */
    long timeLog();

    /** Number of words on the stack. */
    int stackDepth();

    /** Byte address the next push writes. */
    long stackPointer();

    /** Number of instructions executed so far (the next instruction's step number). */
    long step();

    /** Index of the next instruction to execute. */
    long programCounter();

    /** Whether the machine has halted. */
    boolean halted();
}
