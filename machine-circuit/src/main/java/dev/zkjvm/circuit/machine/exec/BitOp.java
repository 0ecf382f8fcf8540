package dev.zkjvm.circuit.machine.exec;

/** The bitwise operations, all checked through one byte table of {@code x & y}. */
enum BitOp {
    AND, OR, XOR;

    long apply(long x, long y) {
        return switch (this) {
            case AND -> x & y;
            case OR -> x | y;
            case XOR -> x ^ y;
        };
    }
}
