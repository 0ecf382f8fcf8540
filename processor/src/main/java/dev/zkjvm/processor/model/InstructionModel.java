package dev.zkjvm.processor.model;

import java.util.List;

/**
 * One {@code @Instruction} method.
 *
 * @param methodName the method's name in the annotated class
 * @param mnemonic   its name in assembly text
 * @param recordName the name of its record in the instruction set (UpperCamelCase)
 * @param opcode     its opcode
 * @param operands   its operands in declaration order
 * @param takesVm    whether the method takes the {@code Vm} as its last parameter
 */
public record InstructionModel(String methodName, String mnemonic, String recordName, int opcode,
                               List<OperandModel> operands, boolean takesVm) {
    /** Words the instruction occupies when encoded: the opcode, then one per operand. */
    public int encodedLength() {
        return 1 + operands.size();
    }
}
