package dev.zkjvm.processor.model;

/** The kinds of instruction operand, each encoded as one word. */
public enum OperandKind {
    /** An immediate of the machine's word type. */
    WORD,
    /** A register, encoded as its index. */
    REGISTER,
    /** A Java {@code long} immediate (not on 32-bit machines). */
    LONG,
    /** A Java {@code int} immediate, sign-extended into a word. */
    INT
}
