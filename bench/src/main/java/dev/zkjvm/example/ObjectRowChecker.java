package dev.zkjvm.example;

import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Section;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The straightforward memory checker, the baseline of {@code CheckerBenchmark}: one object per
 * trace record in a {@code List}, a copy sorted with a {@code Comparator} by (cell, time), and a
 * loop over the rows that checks the rules of {@code MachineCircuit} with plain Java arithmetic.
 *
 * <p>It is a generous baseline: it works on 64-bit integers instead of field elements, splits
 * nothing into limbs, commits to nothing, draws no challenges and needs no permutation or lookup
 * argument (its sorted copy is a copy by construction). It checks the same rules:
 * <ul>
 *   <li>time is 0, 1, 2, ... in log order;</li>
 *   <li>every access is a whole cell (address = cell x word size) inside the memory, stack or
 *       register section;</li>
 *   <li>a stack access is at the slot its depth implies, and the depth moves by +1 per push,
 *       -1 per pop and not otherwise, from an empty stack;</li>
 *   <li>the second record of a double-cell access is the next memory cell, of the same kind,
 *       right after the first (and the first record is not one);</li>
 *   <li>in (cell, time) order: cells never decrease, times strictly increase within a cell, a read
 *       returns the value of the previous access to its cell, the first access to a cell is a
 *       write or a read of zero.</li>
 * </ul>
 */
public final class ObjectRowChecker {
    /** One trace record as an object. */
    public record Access(long time, long cell, long address, boolean write, boolean second, long depth,
                         long[] value) {
    }

    private final MemoryLayout layout;

    /** A checker for machines with this layout. */
    public ObjectRowChecker(MemoryLayout layout) {
        this.layout = layout;
    }

    /** The rows of {@code trace} as objects. */
    public static <W extends Word<W>> List<Access> rows(Trace<W> trace, int wordSize) {
        int shift = Integer.numberOfTrailingZeros(wordSize);
        int limbs = trace.wordType().limbs();
        List<Access> out = new ArrayList<>(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            long[] v = new long[limbs];
            for (int l = 0; l < limbs; l++) {
                v[l] = trace.valueLimb(i, l);
            }
            long addr = trace.address(i);
            out.add(new Access(trace.time(i), addr >>> shift, addr, trace.flag(i) == 1, trace.secondCell(i),
                    trace.stackDepth(i), v));
        }
        return out;
    }

    /** Checks {@code trace}; returns the number of violations found (0 for an honest trace). */
    public <W extends Word<W>> long check(Trace<W> trace) {
        return check(rows(trace, layout.wordSize()));
    }

    /** Checks time-ordered rows; returns the number of violations found. */
    public long check(List<Access> log) {
        Section mem = layout.memory();
        Section stack = layout.stack();
        Section regs = layout.registers();
        long wordSize = layout.wordSize();
        long failures = 0;
        long depth = 0;
        Access prev = null;
        for (int i = 0; i < log.size(); i++) {
            Access a = log.get(i);
            if (a.time() != i) {
                failures++;
            }
            if (a.address() != a.cell() * wordSize) {
                failures++;
            }
            boolean inMem = mem.containsCell(a.cell());
            boolean inStack = stack.containsCell(a.cell());
            if (!inMem && !inStack && !regs.containsCell(a.cell())) {
                failures++;
            }
            if (inStack && a.cell() - stack.firstCell() != a.depth() - (a.write() ? 1 : 0)) {
                failures++;
            }
            long expectedDepth = depth + (inStack ? (a.write() ? 1 : -1) : 0);
            if (a.depth() != expectedDepth) {
                failures++;
            }
            depth = a.depth();
            if (a.second() && (prev == null || a.cell() != prev.cell() + 1 || a.write() != prev.write()
                    || !inMem || !mem.containsCell(prev.cell()))) {
                failures++;
            }
            prev = a;
        }

        List<Access> sorted = new ArrayList<>(log);
        sorted.sort(Comparator.comparingLong(Access::cell).thenComparingLong(Access::time));
        prev = null;
        for (Access a : sorted) {
            boolean sameCell = prev != null && prev.cell() == a.cell();
            if (sameCell && a.time() <= prev.time()) {
                failures++;
            }
            if (!a.write()) {
                if (sameCell) {
                    if (!Arrays.equals(a.value(), prev.value())) {
                        failures++;
                    }
                } else {
                    for (long limb : a.value()) {
                        if (limb != 0) {
                            failures++;
                            break;
                        }
                    }
                }
            }
            prev = a;
        }
        return failures;
    }
}
