package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.exec.ExecutionProgram;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Section;
import dev.zkjvm.runtime.SectionKind;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Report text for the records of a trace and the steps of its execution table: which access a
 * record is (index, time, read or write, cell and section, value) and which step and instruction
 * made it. With an execution table, the step is the one whose slots claim the record in the
 * witness ({@code exec.time} plus the used slots before it), and the instruction is that step's
 * program line; without, the step and opcode the record carries.
 *
 * <p>Only called for what a report shows in detail (a few dozen records), never per row.
 *
 * @param <W> the machine's word type
 */
final class RecordText<W extends Word<W>> {
    private final Trace<W> trace;
    private final MemoryLayout layout;
    private final IntFunction<String> mnemonicOf;
    private final Replay replay;
    private final ExecutionProgram<W> program;
    private final long[] execTime;
    private final long[][] slotUsed;

    /**
     * @param replay   the replayed steps, or {@code null} for a memory-only circuit
     * @param program  the execution table's program, or {@code null}
     * @param execTime the witness's {@code exec.time} column, or {@code null}
     * @param slotUsed the witness's {@code exec.slot[k].used} columns in slot order, or {@code null}
     */
    RecordText(Trace<W> trace, MemoryLayout layout, IntFunction<String> mnemonicOf, Replay replay,
            ExecutionProgram<W> program, long[] execTime, long[][] slotUsed) {
        this.trace = trace;
        this.layout = layout;
        this.mnemonicOf = mnemonicOf;
        this.replay = replay;
        this.program = program;
        this.execTime = execTime;
        this.slotUsed = slotUsed;
    }

    /** Number of records in the trace. */
    int records() {
        return trace.size();
    }

    /**
     * Record {@code i} of the log (or the padding read at row {@code i}):
     * {@code record 17 (t=17, read, cell 3 = stack[3], value 5; step 9 (run 0, pc 4): add)}.
     */
    String record(int i) {
        if (i < 0) {
            return "no record";
        }
        if (i >= trace.size()) {
            long cell = layout.memory().firstCell();
            return "padding read at row " + i + " (cell " + cell + " = " + place(cell) + ")";
        }
        long address = trace.address(i);
        int ws = layout.wordSize();
        String cell = Math.floorMod(address, ws) == 0
                ? "cell " + Math.floorDiv(address, ws) + " = " + place(Math.floorDiv(address, ws))
                : "address " + address + " (not a cell's first byte)";
        return "record " + i + " (t=" + trace.time(i) + ", " + (trace.flag(i) == 1 ? "write" : "read")
                + (trace.secondCell(i) ? " of a second cell" : "") + ", " + cell + ", value " + value(i) + "; "
                + madeBy(i) + ")";
    }

    /** Where a cell lies: {@code stack[3]}, {@code memory[0]}, a buffer zone, or outside. */
    private String place(long cell) {
        Section s = layout.sectionOfCell(cell);
        if (s == null) {
            return "outside the address space";
        }
        if (s.kind() == SectionKind.BUFFER) {
            return "a buffer zone";
        }
        return s.kind().name().toLowerCase(Locale.ROOT) + "[" + (cell - s.firstCell()) + "]";
    }

    /** The value as the record stores it, every limb unsigned (also bits a word cannot hold). */
    String value(int i) {
        int limbs = trace.wordType().limbs();
        if (limbs == 1) {
            return Long.toUnsignedString(trace.valueLimb(i, 0));
        }
        BigInteger v = BigInteger.ZERO;
        for (int l = limbs - 1; l >= 0; l--) {
            v = v.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(trace.valueLimb(i, l))));
        }
        return v.toString();
    }

    /** The step and instruction that made record {@code i}. */
    private String madeBy(int i) {
        if (replay == null) {
            long step = trace.step(i);
            return step < 0 ? "no instruction" : "step " + step + ": " + mnemonicOf.apply(trace.opcode(i));
        }
        int s = ownerStep(i);
        if (s < 0) {
            return "claimed by no step (the record says step " + trace.step(i) + ", "
                    + mnemonicOf.apply(trace.opcode(i)) + ")";
        }
        return step(s) + (trace.step(i) == s ? "" : " (the record says step " + trace.step(i) + ")");
    }

    /**
     * The replayed step whose slots claim record {@code i}, or -1: the last step starting at or
     * before it, if its used slots reach it.
     */
    int ownerStep(int i) {
        int[] starts = replay.recordStart();
        int lo = 0;
        int hi = replay.steps() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= i) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && i < starts[found] + claimed(found) ? found : -1;
    }

    /** How many records step {@code s} claims: its used slots (all records up to the next step without them). */
    private int claimed(int s) {
        if (slotUsed == null) {
            return s + 1 < replay.steps() ? replay.recordStart()[s + 1] - replay.recordStart()[s] : Integer.MAX_VALUE;
        }
        int n = 0;
        for (long[] used : slotUsed) {
            n += used[s] != 0 ? 1 : 0;
        }
        return n;
    }

    /** Step {@code s} of the execution table: {@code step 9 (run 0, pc 4): add}. */
    String step(int s) {
        if (replay == null || s < 0 || s >= replay.steps()) {
            return "row " + s + " of the execution table, after the last step";
        }
        return "step " + s + " (run " + replay.segment()[s] + ", pc " + replay.pc()[s] + "): "
                + replay.text(program, s);
    }

    /**
     * The record slot {@code k} of step {@code s} claims in the witness: {@code exec.time} plus the
     * used slots before it; -1 if the slot is unused or the claim is no record of the trace.
     */
    int slotRecord(int s, int k) {
        if (execTime == null || slotUsed == null || k >= slotUsed.length || slotUsed[k][s] == 0) {
            return -1;
        }
        long t = Goldilocks.toSigned(execTime[s]);
        for (int j = 0; j < k; j++) {
            t += slotUsed[j][s] != 0 ? 1 : 0;
        }
        return t >= 0 && t < trace.size() ? (int) t : -1;
    }

    /** The records step {@code s} claims, each described. */
    String stepRecords(int s) {
        if (replay == null || slotUsed == null || s < 0 || s >= replay.steps()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < slotUsed.length; k++) {
            int r = slotRecord(s, k);
            if (r >= 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append("slot ").append(k).append(": ").append(record(r));
            }
        }
        return sb.toString();
    }

    /** Row {@code row} of the program ROM: {@code program line 4 (run 0, pc 4): add}. */
    String programLine(int row) {
        if (program == null) {
            return "program row " + row;
        }
        List<List<ExecutionProgram.Line<W>>> segments = program.segments();
        int r = row;
        for (int g = 0; g < segments.size(); g++) {
            List<ExecutionProgram.Line<W>> lines = segments.get(g);
            if (r < lines.size()) {
                return "program line " + row + " (run " + g + ", pc " + r + "): " + lines.get(r).text();
            }
            r -= lines.size();
        }
        return "program row " + row + ", past the program's " + program.size() + " lines";
    }
}
