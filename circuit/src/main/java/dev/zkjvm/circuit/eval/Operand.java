package dev.zkjvm.circuit.eval;

/**
 * Encoding of instruction operands as {@code int}s: a 3-bit tag above a 28-bit index.
 * Column and constant operands are read in place, so loading a cell costs nothing.
 */
final class Operand {
    static final int SLOT = 0;
    static final int CUR = 1;
    static final int NEXT = 2;
    static final int CONST = 3;
    static final int CHAL = 4;
    static final int NONE = -1;

    private static final int SHIFT = 28;
    private static final int MASK = (1 << SHIFT) - 1;

    private Operand() {
    }

    static int of(int tag, int index) {
        if (index < 0 || index > MASK) {
            throw new IllegalArgumentException("operand index out of range: " + index);
        }
        return (tag << SHIFT) | index;
    }

    static int tag(int operand) {
        return operand >>> SHIFT;
    }

    static int index(int operand) {
        return operand & MASK;
    }
}
