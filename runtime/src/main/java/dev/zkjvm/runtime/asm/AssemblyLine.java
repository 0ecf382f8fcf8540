package dev.zkjvm.runtime.asm;

import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.List;
import java.util.Map;

/**
 * One instruction of assembly text: a mnemonic and its operand tokens, with positions for
 * error messages, and the program's labels for resolving jump targets.
 *
 * @param line           1-based line number
 * @param column         1-based column of the mnemonic
 * @param mnemonic       the mnemonic as written
 * @param operands       operand tokens
 * @param operandColumns 1-based column of each operand
 * @param labels         every label of the program, with the instruction index it names
 */
public record AssemblyLine(int line, int column, String mnemonic, List<String> operands, List<Integer> operandColumns,
                           Map<String, Integer> labels) {

    /** Fails unless the line has exactly {@code count} operands. */
    public void expectOperands(int count) {
        if (operands.size() != count) {
            throw new AssemblyException(line, column, "`" + mnemonic + "` takes " + count + " operand"
                    + (count == 1 ? "" : "s") + ", not " + operands.size());
        }
    }

    /** Operand {@code i} as a word: a number or a label. */
    public <W extends Word<W>> W word(int i, WordType<W> type) {
        String token = operands.get(i);
        Integer label = labels.get(token);
        if (label != null) {
            return type.of(label);
        }
        try {
            return type.parse(token);
        } catch (NumberFormatException e) {
            throw new AssemblyException(line, operandColumns.get(i), "`" + token
                    + "` is neither a number nor a label" + Suggestions.didYouMean(token, labels.keySet()));
        }
    }

    /** Operand {@code i} as a Java {@code long}. */
    public long longValue(int i) {
        try {
            return Long.decode(operands.get(i).replace("_", ""));
        } catch (NumberFormatException e) {
            Integer label = labels.get(operands.get(i));
            if (label != null) {
                return label;
            }
            throw new AssemblyException(line, operandColumns.get(i), "`" + operands.get(i) + "` is not a long");
        }
    }

    /** Operand {@code i} as a Java {@code int}. */
    public int intValue(int i) {
        long v = longValue(i);
        if (v != (int) v) {
            throw new AssemblyException(line, operandColumns.get(i), "`" + operands.get(i) + "` does not fit an int");
        }
        return (int) v;
    }

    /** Operand {@code i} as one of {@code registers}, by name. */
    public Reg register(int i, List<Reg> registers) {
        String token = operands.get(i);
        for (Reg r : registers) {
            if (r.name().equals(token)) {
                return r;
            }
        }
        throw new AssemblyException(line, operandColumns.get(i), "`" + token + "` is not a register"
                + Suggestions.didYouMean(token, registers.stream().map(Reg::name).toList()));
    }

    /** The error for a mnemonic the machine does not have. */
    public AssemblyException unknownMnemonic(List<String> mnemonics) {
        return new AssemblyException(line, column, "unknown instruction `" + mnemonic + "`"
                + Suggestions.didYouMean(mnemonic, mnemonics));
    }
}
