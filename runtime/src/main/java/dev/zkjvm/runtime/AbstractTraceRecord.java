package dev.zkjvm.runtime;

/**
 * One recorded cell access: the seed's {@code AbstractTraceRecord}, plus the step number and
 * opcode of the instruction that made it so that reports can name the instruction.
 *
 * @param <W> the machine's word type
 */
public interface AbstractTraceRecord<W extends Word<W>> {
    /** Time of the access: 0 for the first, then +1 per access. */
    long time();

    /** Words on the stack after the access. */
    int stackDepth();

    /** Read or write. */
    MemoryInstruction instruction();

    /** Byte address of the cell (always a multiple of the word size). */
    long address();

    /** The cell's value: what a read found, what a write left. */
    W value();

    /** Step number of the instruction that made the access, or -1 for a direct access. */
    long step();

    /** Opcode of that instruction, or -1 for a direct access. */
    int opcode();
}
