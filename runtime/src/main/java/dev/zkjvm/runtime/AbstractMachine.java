package dev.zkjvm.runtime;

/**
 * A machine that executes instructions and records every cell access: the seed's
 * {@code AbstractMachine}.
 *
 * @param <W> the machine's word type
 * @param <I> its instruction type
 */
public interface AbstractMachine<W extends Word<W>, I extends AbstractInstruction<W, ?>> {
    /** The machine's state apart from its cells. */
    AbstractContext<W> context();

    /**
     * Executes one instruction as one step.
     *
     * @throws VmException if it fails; the machine is then exactly as before the call
     */
    void exec(I instruction);

    /** The execution trace so far, in time order. */
    Trace<W> trace();
}
