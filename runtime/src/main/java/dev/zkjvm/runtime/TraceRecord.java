package dev.zkjvm.runtime;

/**
 * A record view of one row of a {@link Trace}, for machines without a generated record type.
 *
 * @param time        time of the access
 * @param stackDepth  words on the stack after the access
 * @param instruction read or write
 * @param address     byte address of the cell
 * @param value       the cell's value
 * @param step        step of the instruction that made the access, or -1
 * @param opcode      that instruction's opcode, or -1
 * @param <W>         word type
 */
public record TraceRecord<W extends Word<W>>(long time, int stackDepth, MemoryInstruction instruction,
                                             long address, W value, long step, int opcode)
        implements AbstractTraceRecord<W> {
}
