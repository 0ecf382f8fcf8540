package dev.zkjvm.circuit.machine.exec;

/**
 * One 16-bit limb of one operand of an instruction.
 *
 * @param operand the operand's position
 * @param limb    the limb, least significant first
 */
record OperandLimb(int operand, int limb) {
}
