package dev.zkjvm.runtime;

/**
 * The machine API an instruction body receives as its last parameter. Addresses are byte
 * addresses in the machine's address space; the memory section starts at
 * {@link #memoryBase()}. Program counters are instruction indices in the program.
 *
 * @param <W> the machine's word type
 */
public interface Vm<W extends Word<W>> {
    /**
     * Reads the word at byte address {@code address} of the memory section. An aligned address
     * touches one cell; an unaligned one touches the two cells it straddles, and the word is
     * made of the bytes {@code address .. address + wordSize - 1}, most significant first.
     * A cell never written reads as zero.
     *
     * @throws InvalidAddressException   if the address is outside the address space
     * @throws SectionViolationException if any byte lies outside the memory section
     */
    W read(W address);

    /**
     * Writes {@code value} at byte address {@code address} of the memory section, with the same
     * alignment rules and errors as {@link #read}.
     */
    void write(W address, W value);

    /** Reads a register. */
    W get(Reg register);

    /** Writes a register. */
    void set(Reg register, W value);

    /** The constant {@code value} as a word. */
    W word(long value);

    /** {@code ifNonZero} if {@code condition} is not zero, else {@code ifZero}. Constrainable. */
    W select(W condition, W ifNonZero, W ifZero);

    /** Index of the instruction being executed. */
    W pc();

    /** Continues at instruction {@code target} after this one. */
    void jump(W target);

    /** Continues at instruction {@code target} if {@code condition} is not zero. */
    void jumpIf(W condition, W target);

    /** Stops the machine after this instruction. */
    void halt();

    /** First byte address of the memory section. */
    W memoryBase();

    /**
     * The next word of the public input. A proof's verifier is given the whole public input, and
     * a proof verifies only if the run read every word of it.
     *
     * @throws InputExhaustedException if every word has been read
     */
    W input();

    /**
     * The next word of the private input (advice): a word the prover supplies and the proof keeps
     * hidden. Nothing constrains it but what the program does with it.
     *
     * @throws InputExhaustedException if every word has been read
     */
    W advice();

    /** Appends {@code value} to the public output, which a proof states. */
    void output(W value);
}
