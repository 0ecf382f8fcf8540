package dev.zkjvm.runtime.asm;

import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.UnknownOpcodeException;
import dev.zkjvm.runtime.Word;
import java.util.List;

/**
 * Decoding helpers for generated instruction sets. An encoded instruction is its opcode word
 * followed by one word per operand; registers are encoded as their index, {@code int} and
 * {@code long} operands as their value mod 2^bits.
 */
public final class InstructionCodec {
    private InstructionCodec() {
    }

    /** The opcode in {@code words[offset]}, or -1 if that word is no valid opcode. */
    public static <W extends Word<W>> int opcode(List<W> words, int offset) {
        if (offset < 0 || offset >= words.size()) {
            throw new UnknownOpcodeException("no instruction at word " + offset + " of " + words.size(), -1);
        }
        W w = words.get(offset);
        return w.compareTo(w.type().of(65_535)) <= 0 ? (int) w.longValue() : -1;
    }

    /** Fails unless {@code length} words are available from {@code offset}. */
    public static void require(List<?> words, int offset, int length, String mnemonic) {
        if (offset + length > words.size()) {
            throw new UnknownOpcodeException("`" + mnemonic + "` at word " + offset + " needs " + length
                    + " words but only " + (words.size() - offset) + " remain", -1);
        }
    }

    /** The register whose index the word holds. */
    public static <W extends Word<W>> Reg register(W word, List<Reg> registers) {
        if (word.compareTo(word.type().of(registers.size())) >= 0) {
            throw new UnknownOpcodeException("operand " + word + " is not a register index (the machine has "
                    + registers.size() + ")", -1);
        }
        return registers.get((int) word.longValue());
    }

    /** The {@code long} the word encodes. */
    public static <W extends Word<W>> long longOperand(W word) {
        long v = word.longValue();
        if (!word.type().of(v).equals(word)) {
            throw new UnknownOpcodeException("operand " + word + " does not encode a long", -1);
        }
        return v;
    }

    /** The {@code int} the word encodes. */
    public static <W extends Word<W>> int intOperand(W word) {
        long v = word.longValue();
        int i = (int) v;
        if (!word.type().of(i).equals(word)) {
            throw new UnknownOpcodeException("operand " + word + " does not encode an int", -1);
        }
        return i;
    }

    /** The error for a word that is no opcode of the machine. */
    public static <W extends Word<W>> UnknownOpcodeException unknown(List<W> words, int offset) {
        return new UnknownOpcodeException("unknown opcode " + words.get(offset) + " at word " + offset, -1);
    }
}
