package dev.zkjvm.circuit.machine.exec;

/** What an instruction operand is, as the circuit sees it. */
public enum OperandKind {
    /** An immediate machine word. */
    WORD,
    /** A register, encoded as its index. */
    REGISTER
}
