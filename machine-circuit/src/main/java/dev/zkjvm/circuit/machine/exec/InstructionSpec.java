package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.runtime.Word;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One instruction as the circuit needs it: its mnemonic, opcode and operand kinds, and a way to run
 * its body on a {@link SymbolicCall}. Generated circuits list one per {@code @Instruction}.
 *
 * @param mnemonic assembly name, also the prefix of the instruction's constraint names
 * @param opcode   the opcode
 * @param operands operand kinds in declaration order
 * @param body     runs the instruction's body with the call's operands, machine API and stack
 * @param <W>      the machine's word type
 */
public record InstructionSpec<W extends Word<W>>(String mnemonic, int opcode, List<OperandKind> operands,
                                                 Consumer<SymbolicCall<W>> body) {
    /** Checks and copies the components. */
    public InstructionSpec {
        Objects.requireNonNull(mnemonic, "mnemonic");
        operands = List.copyOf(operands);
        Objects.requireNonNull(body, "body");
    }
}
