package dev.zkjvm.circuit.eval;

import dev.zkjvm.circuit.field.Goldilocks;

/**
 * A compiled, flat program that evaluates a set of expressions over a block of consecutive rows,
 * one {@code long[]} per scratch slot. Produced by {@link ProgramCompiler}; run by
 * {@link BlockEvaluator}. Immutable and shareable between threads.
 */
public final class Program {
    final int[] code;
    final int slotCount;
    final long[] constants;
    /** Per compiled root: operand of c0, operand of c1 (or {@link Operand#NONE} for base roots). */
    final int[] outputs;
    final boolean readsNextRow;
    /**
     * The first {@code prologueLength} instructions compute row-invariant values (from challenges
     * and constants); an evaluator runs them once and keeps their slots.
     */
    final int prologueLength;

    Program(int[] code, int slotCount, long[] constants, int[] outputs, boolean readsNextRow, int prologueLength) {
        this.prologueLength = prologueLength;
        this.code = code;
        this.slotCount = slotCount;
        this.constants = constants;
        this.outputs = outputs;
        this.readsNextRow = readsNextRow;
    }

    /** The number of instructions. */
    public int instructionCount() {
        return code.length / Op.STRIDE;
    }

    /** The number of leading instructions that compute row-invariant values, run once per evaluator. */
    public int prologueLength() {
        return prologueLength;
    }

    /** The number of scratch slots (each one block long) the program needs. */
    public int slotCount() {
        return slotCount;
    }

    /** Whether some instruction reads the next row (the block must then stop one row early). */
    public boolean readsNextRow() {
        return readsNextRow;
    }

    /** A listing of the instructions, for debugging. */
    public String listing() {
        StringBuilder sb = new StringBuilder();
        for (int pc = 0; pc < code.length; pc += Op.STRIDE) {
            sb.append(Op.name(code[pc]));
            for (int k = 1; k < Op.STRIDE; k++) {
                int v = code[pc + k];
                if (v != Operand.NONE) {
                    sb.append(' ').append(k == 1 && Op.isCheck(code[pc])
                            ? "#" + v : operandText(v));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private String operandText(int op) {
        int i = Operand.index(op);
        switch (Operand.tag(op)) {
            case Operand.SLOT: return "s" + i;
            case Operand.CUR: return "c" + i;
            case Operand.NEXT: return "c" + i + "'";
            case Operand.CONST: return Goldilocks.toString(constants[i]);
            case Operand.CHAL: return "ch" + (i / 2) + "." + (i % 2);
            default: return "?";
        }
    }
}
