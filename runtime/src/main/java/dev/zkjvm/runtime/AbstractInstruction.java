package dev.zkjvm.runtime;

/**
 * One instruction: the seed's {@code AbstractInstruction}. Generated instruction records
 * implement it.
 *
 * @param <W> the machine's word type
 * @param <M> the machine that executes it
 */
public interface AbstractInstruction<W extends Word<W>, M extends AbstractMachine<W, ?>> {
    /** The opcode. */
    int opcode();

    /** The mnemonic in assembly text. */
    String mnemonic();

    /**
     * Executes this instruction on {@code machine} as one step: all of its accesses are recorded,
     * or, if it fails, none are and the machine is left as it was.
     */
    void execute(M machine);
}
