package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.List;

/**
 * The columns a body compiles against: a step's program counter, target and program length, its
 * stack depth, its operands, and pools of helper columns, slots and stream ports that grow as a
 * body asks for them. The one-table execution table offers one set shared by every instruction
 * ({@link ExecutionTable}); each table of {@link InstructionTables} offers its own.
 *
 * @param <W> the machine's word type
 */
interface StepColumns<W extends Word<W>> {
    /** The machine's word type. */
    WordType<W> type();

    /** 16-bit limbs per word. */
    default int limbs() {
        return type().bytes() / 2;
    }

    /** The machine's layout. */
    MemoryLayout layout();

    /** The machine's registers in index order. */
    List<Reg> registers();

    /** The step's program counter. */
    Column pc();

    /**
     * The program counter the step's body computes; null on a table none of whose instructions
     * jumps, where it is {@code pc + 1} (see {@code InstructionTable}).
     */
    Column nextPc();

    /** The length of the step's run (its program's lines). */
    Expr length();

    /** The stack depth before the step. */
    Column depth();

    /** The i-th pooled 16-bit range-checked column. */
    Column range16Pool(int i);

    /** The i-th pooled free column. */
    Column freePool(int i);

    /** The i-th pooled (x, y, x AND y) triple looked up in the byte table. */
    Column[] bytePool(int i);

    /** The i-th pooled column range-checked to 8 bits. */
    Column byteCellPool(int i);

    /** The k-th port of {@code stream}: a word's limb columns. */
    Column[] port(IoStream stream, int k);

    /** Slot {@code k}'s columns. */
    Slot slot(int k);

    /**
     * Operand {@code j}'s limb columns; null for a limb that is 0 on every step of the table's
     * instructions (see {@code InstructionTable#mayBeNonZero}).
     */
    Column[] operand(int j);

    /** The stack cell {@code offset} cells above the depth before the step. */
    default Expr stackCell(int offset) {
        return depth().cur().add(layout().stack().firstCell() + offset);
    }

    /** Takes the row's next record into slot {@code s}: used, cell and value; returns the value's limbs. */
    default long[] takeRecordInto(ExecRow<?> row, Slot s) {
        long[] cell = new long[1];
        long[] v = row.takeRecord(cell);
        if (!s.usedImplied()) {
            row.set(s.usedColumn(), 1);
        }
        if (!s.cellImplied()) {
            row.set(s.cellColumn(), dev.zkjvm.circuit.field.Goldilocks.fromSigned(cell[0]));
        }
        for (int m = 0; m < v.length; m++) {
            if (s.byteValue()) {
                row.set(s.bytes()[m][0], v[m] >>> 8);
                row.set(s.bytes()[m][1], v[m] & 0xFF);
            } else {
                row.set(s.valueColumns().get(m), v[m]);
            }
        }
        return v;
    }
}
