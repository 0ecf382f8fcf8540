package dev.zkjvm.runtime;

/**
 * The cells one access touched, as returned by the seed-level interfaces
 * ({@link AbstractMemoryMachine}, {@link AbstractStackMachine}, {@link AbstractRegisterMachine}).
 *
 * @param <W> the machine's word type
 */
public sealed interface CellInteraction<W extends Word<W>> {
    /** Read or write. */
    MemoryInstruction instruction();

    /** The byte address the access asked for. */
    long address();

    /** The word read or written at {@link #address()}. */
    W value();

    /**
     * An aligned access: one cell.
     *
     * @param instruction read or write
     * @param address     the cell's byte address
     * @param value       the word read or written
     * @param <W>         word type
     */
    record SingleCell<W extends Word<W>>(MemoryInstruction instruction, long address, W value)
            implements CellInteraction<W> {
    }

    /**
     * An unaligned access: the two cells it straddles, each with its full value after the access.
     *
     * @param instruction read or write
     * @param address     the unaligned byte address asked for
     * @param value       the word read or written, spliced from both cells
     * @param lowCell     byte address of the first cell
     * @param lowValue    that cell's value
     * @param highCell    byte address of the second cell ({@code lowCell + wordSize})
     * @param highValue   that cell's value
     * @param <W>         word type
     */
    record DoubleCell<W extends Word<W>>(MemoryInstruction instruction, long address, W value,
                                         long lowCell, W lowValue, long highCell, W highValue)
            implements CellInteraction<W> {
    }
}
