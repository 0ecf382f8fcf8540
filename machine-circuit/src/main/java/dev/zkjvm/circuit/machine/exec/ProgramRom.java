package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.ArrayList;
import java.util.List;

/**
 * The program as FIXED columns, one row per line: its run, its pc, its run's length, the opcode
 * of what runs there ({@link ExecutionTable#UNEXECUTABLE} where nothing can), the register
 * variant when the machine has some, and the operands' 16-bit limbs. Every step is looked up in
 * it ({@code exec.fetch}), so the program is part of the system's description and of the key.
 */
final class ProgramRom {
    private ProgramRom() {
    }

    /**
     * Declares the program's columns on {@code b}.
     *
     * @param variants whether the ROM has a variant column
     * @param operands operand columns per line (the widest instruction's count)
     * @return the columns' current-row expressions, in the order above
     */
    static <W extends Word<W>> List<Expr> declare(ConstraintSystemBuilder b, ExecutionTable<W> analysis,
            boolean variants, int operands) {
        ExecutionProgram<W> program = analysis.program();
        WordType<W> type = analysis.type();
        int limbs = analysis.limbs();
        List<List<ExecutionProgram.Line<W>>> segs = program.segments();
        int size = Math.max(program.size(), 1);
        int v = variants ? 1 : 0;
        int width = 4 + v + operands * limbs;
        long[][] table = new long[width][size];
        int row = 0;
        for (int s = 0; s < segs.size(); s++) {
            List<ExecutionProgram.Line<W>> lines = segs.get(s);
            for (int p = 0; p < lines.size(); p++, row++) {
                ExecutionProgram.Line<W> line = lines.get(p);
                table[0][row] = s;
                table[1][row] = p;
                table[2][row] = lines.size();
                ExecutionTable.Compiled<W> c = analysis.compiledAt(s, p);
                table[3][row] = c == null ? ExecutionTable.UNEXECUTABLE : line.opcode();
                if (variants) {
                    table[4][row] = c == null ? 0 : c.variant();
                }
                for (int j = 0; j < line.operands().size() && j < operands; j++) {
                    long[] l = ExecutionTable.toLimbs16(type, line.operands().get(j));
                    for (int m = 0; m < limbs; m++) {
                        table[4 + v + j * limbs + m][row] = l[m];
                    }
                }
            }
        }
        List<String> names = new ArrayList<>(List.of("program.segment", "program.pc", "program.length",
                "program.opcode"));
        if (variants) {
            names.add("program.variant");
        }
        List<Expr> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            int k = i - names.size();
            String name = k < 0 ? names.get(i) : "program.operand[" + k / limbs + "].limb[" + k % limbs + "]";
            columns.add(b.fixed(name, FixedValues.values(table[i])).cur());
        }
        return columns;
    }
}
