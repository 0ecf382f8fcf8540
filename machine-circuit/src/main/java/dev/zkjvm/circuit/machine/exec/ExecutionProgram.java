package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.runtime.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The programs a trace ran, in order: the public input of an execution check. A machine's trace
 * may hold several runs (a loader, then the program); each is a segment whose program counter
 * starts at 0, and memory, stack and time carry over. Empty programs run no step and are dropped.
 *
 * @param <W> the machine's word type
 */
public final class ExecutionProgram<W extends Word<W>> {
    /**
     * One instruction of a segment.
     *
     * @param opcode   the opcode
     * @param operands the operand words (a register operand is its index)
     * @param text     the assembly text, for reports
     */
    public record Line<W>(int opcode, List<W> operands, String text) {
        /** Copies the operands. */
        public Line {
            operands = List.copyOf(operands);
        }
    }

    private final List<List<Line<W>>> segments;

    private ExecutionProgram(List<List<Line<W>>> segments) {
        this.segments = segments;
    }

    /**
     * The programs {@code runs}, each a list of instructions that {@code encode} turns into words,
     * opcode first (the generated instruction's {@code encode}).
     */
    public static <W extends Word<W>, I> ExecutionProgram<W> of(List<? extends List<? extends I>> runs,
            Function<? super I, List<W>> encode) {
        List<List<Line<W>>> out = new ArrayList<>();
        for (List<? extends I> run : runs) {
            List<Line<W>> lines = new ArrayList<>();
            for (I instruction : run) {
                List<W> words = encode.apply(instruction);
                lines.add(new Line<>((int) words.get(0).longValue(), words.subList(1, words.size()),
                        instruction.toString()));
            }
            if (!lines.isEmpty()) {
                out.add(List.copyOf(lines));
            }
        }
        return new ExecutionProgram<>(List.copyOf(out));
    }

    /** The non-empty segments in run order. */
    public List<List<Line<W>>> segments() {
        return segments;
    }

    /** Total instructions over all segments. */
    public int size() {
        return segments.stream().mapToInt(List::size).sum();
    }

    /**
     * Equal when the segments are: the same opcodes, operands and texts in the same order (what
     * the circuit of the program is built from, so equal programs have equal circuits).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ExecutionProgram<?> other && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
