package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordStack;

/**
 * What a generated circuit hands an instruction body when it runs it symbolically: the operands,
 * the machine API and the stack, all recording instead of computing.
 *
 * @param <W> the machine's word type
 */
public interface SymbolicCall<W extends Word<W>> {
    /** Operand {@code index} (counting every operand of the instruction), a word. */
    W word(int index);

    /** Operand {@code index}, a register. */
    Reg register(int index);

    /** The machine API. */
    Vm<W> vm();

    /** The stack, for the definition's {@code @Stack} field. */
    WordStack<W> stack();
}
