package dev.zkjvm.runtime;

/**
 * Reg reads and writes, each a recorded access of the register's cell: the seed's
 * {@code AbstractRegisterMachine}.
 *
 * @param <W> the machine's word type
 */
public interface AbstractRegisterMachine<W extends Word<W>> {
    /** Writes a register. */
    CellInteraction<W> set(Reg register, W value);

    /** Reads a register. */
    CellInteraction<W> get(Reg register);
}
