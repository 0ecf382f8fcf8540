package dev.zkjvm.example.circuit;

import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Section;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a machine circuit states (MachineCircuit and MemoryConsistency Javadoc), restated on a
 * trace in plain Java, independently of the constraints: the oracle of the mutation tests. A
 * mutant that breaks one of these rules must be rejected by the circuit; a mutant that keeps all of
 * them is an <em>equivalent</em> mutant (still an honest-looking memory log: the circuit checks
 * memory consistency and the address-space rules, not what each instruction computes) and must be
 * accepted.
 *
 * <ol>
 *   <li>times are 0, 1, 2, ... (the circuit's time column is the row index);</li>
 *   <li>the byte address is a multiple of the word size and its cell lies in exactly one of the
 *       memory, stack and register sections;</li>
 *   <li>a stack access is at slot {@code depth - rw} (depth after the access), the depth starts at
 *       0 and moves +1 per push, -1 per pop, and not at all on other accesses;</li>
 *   <li>a second-cell record follows a memory access of the same kind at the previous cell, and
 *       is itself in memory; record 0 is not a second cell;</li>
 *   <li>a read returns the value of the latest earlier write of its cell, or zero if there is none
 *       (never-written cells read as zero, as in the VM).</li>
 * </ol>
 */
final class ReferenceRules {
    private ReferenceRules() {
    }

    /** The first rule {@code trace} breaks, or {@code null} if it keeps them all. */
    static <W extends Word<W>> String violation(Trace<W> trace, MemoryLayout layout) {
        int ws = layout.wordSize();
        int limbs = trace.wordType().limbs();
        Section stack = layout.stack();
        Map<Long, long[]> memory = new HashMap<>();
        long depth = 0;
        long prevCell = -1;
        boolean prevMemory = false;
        int prevRw = -1;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.time(i) != i) {
                return "record " + i + ": time " + trace.time(i) + " is not " + i;
            }
            long address = trace.address(i);
            if (address < 0 || address % ws != 0) {
                return "record " + i + ": address " + address + " is not a multiple of " + ws;
            }
            long cell = address / ws;
            int sections = 0;
            for (Section s : List.of(layout.memory(), layout.stack(), layout.registers())) {   // not the buffers
                if (s.containsCell(cell)) {
                    sections++;
                }
            }
            if (sections != 1) {
                return "record " + i + ": cell " + cell + " is in " + sections + " sections";
            }
            int rw = trace.flag(i);
            boolean inStack = stack.containsCell(cell);
            boolean inMemory = layout.memory().containsCell(cell);
            if (inStack) {
                depth += rw == 1 ? 1 : -1;
                if (cell - stack.firstCell() != depth - rw) {
                    return "record " + i + ": stack slot " + (cell - stack.firstCell()) + " but depth " + depth
                            + " after a " + (rw == 1 ? "push" : "pop");
                }
            }
            if (trace.stackDepth(i) != depth) {
                return "record " + i + ": depth " + trace.stackDepth(i) + " but " + depth + " expected";
            }
            if (trace.secondCell(i)) {
                if (i == 0 || !inMemory || !prevMemory || cell != prevCell + 1 || rw != prevRw) {
                    return "record " + i + ": second cell does not follow a first cell";
                }
            }
            long[] v = new long[limbs];
            for (int l = 0; l < limbs; l++) {
                v[l] = trace.valueLimb(i, l);
            }
            if (rw == 1) {
                memory.put(cell, v);
            } else {
                long[] expected = memory.getOrDefault(cell, new long[limbs]);
                if (!Arrays.equals(expected, v)) {
                    return "record " + i + ": read of cell " + cell + " returns " + Arrays.toString(v) + ", not "
                            + Arrays.toString(expected);
                }
            }
            prevCell = cell;
            prevMemory = inMemory;
            prevRw = rw;
        }
        return null;
    }
}
