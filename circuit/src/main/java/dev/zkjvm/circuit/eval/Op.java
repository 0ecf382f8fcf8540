package dev.zkjvm.circuit.eval;

/** Instruction opcodes; every instruction occupies {@link #STRIDE} ints: op, d0, d1, a0, a1, b0, b1. */
final class Op {
    static final int STRIDE = 7;
    /** d0 = a0 + b0. */
    static final int ADD = 1;
    /** d0 = a0 - b0. */
    static final int SUB = 2;
    /** d0 = a0 · b0. */
    static final int MUL = 3;
    /** d0 = -a0. */
    static final int NEG = 4;
    /** (d0, d1) = (a0 + a1·x)(b0 + b1·x) in GF(p²). */
    static final int EMUL = 5;
    /** Report rows where a0 != 0; d0 holds the constraint index. */
    static final int CHECK = 6;
    /** Report rows where (a0, a1) != 0; d0 holds the constraint index. */
    static final int CHECK2 = 7;
    /** Report rows where a0, a1, b0 and b1 are all non-zero (a zero-test of a product of base factors). */
    static final int CHECK_NZ = 8;
    /** Report rows where (a0, a1) != 0 and (b0, b1) != 0 (a zero-test of a product of two GF(p²) factors). */
    static final int CHECK_NZ2 = 9;
    /** Report rows where a0 != b0 (a zero-test of a base difference). */
    static final int CHECK_EQ = 10;
    /** Report rows where (a0, a1) != (b0, b1) (a zero-test of a GF(p²) difference). */
    static final int CHECK_EQ2 = 11;

    private Op() {
    }

    /** Whether {@code op} is a check (reads operands, writes nothing, d0 holds the constraint index). */
    static boolean isCheck(int op) {
        return op >= CHECK && op <= CHECK_EQ2;
    }

    static String name(int op) {
        switch (op) {
            case ADD: return "add";
            case SUB: return "sub";
            case MUL: return "mul";
            case NEG: return "neg";
            case EMUL: return "emul";
            case CHECK: return "check";
            case CHECK2: return "check2";
            case CHECK_NZ: return "check_nonzero_product";
            case CHECK_NZ2: return "check_nonzero_product2";
            case CHECK_EQ: return "check_equal";
            case CHECK_EQ2: return "check_equal2";
            default: return "op" + op;
        }
    }
}
