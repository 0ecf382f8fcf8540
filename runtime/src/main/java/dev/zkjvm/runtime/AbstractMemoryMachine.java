package dev.zkjvm.runtime;

/**
 * Memory reads and writes at byte addresses of the memory section, each recorded in the
 * trace: the seed's {@code AbstractMemoryMachine}. An unaligned address touches the two cells
 * it straddles and records two accesses.
 *
 * @param <W> the machine's word type
 */
public interface AbstractMemoryMachine<W extends Word<W>> {
    /** Reads the word at {@code address}; a never-written cell reads as zero. */
    CellInteraction<W> read(long address);

    /** Writes {@code value} at {@code address}. */
    CellInteraction<W> write(long address, W value);
}
