package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.check.RecordIssue;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Section;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The record check in front of the constraints: every field of every trace record must be one a
 * machine of this layout and word size can produce. The witness cannot always show a record that
 * breaks this: it keeps a 32-bit value as two 16-bit limbs, so a stored value off by 2^32 (and
 * every later read of it, off the same way) reaches the constraints as the honest value, and they
 * hold. The check names each such record, field and value, and what the field may hold.
 *
 * <p>Families (each a field range the machine guarantees):
 * <ul>
 *   <li>{@value #TIME}: record i has time i (a machine's times are 0, 1, 2, ...);</li>
 *   <li>{@value #FLAGS}: only bit 0 (write) and bit 1 (second cell) may be set;</li>
 *   <li>{@value #SECOND_CELL}: a second-cell record follows its access's first record: the next
 *       memory cell, the same read or write;</li>
 *   <li>{@value #ADDRESS_ALIGNED}: the address is a cell's first byte, a multiple of the word size;</li>
 *   <li>{@value #CELL_IN_SECTION}: the cell lies in the memory, stack or register section (not in a
 *       buffer zone, not outside the address space);</li>
 *   <li>{@value #DEPTH}: the stack depth lies in [0, stack cells];</li>
 *   <li>{@value #VALUE_FITS_WORD}: the value's limbs hold no bit above the word's width;</li>
 *   <li>{@value #STEP}: the step is -1 exactly when the opcode is -1 (an access outside any
 *       instruction), and otherwise at least 0;</li>
 *   <li>{@value #OPCODE}: the opcode is -1 or one of the machine's opcodes.</li>
 * </ul>
 *
 * <p>One linear pass over the trace's primitive columns; a failing record costs a text only while
 * fewer than the report's detail limit have been kept, the rest are counted.
 */
public final class TraceRecordCheck {
    /** Record i has time i. */
    public static final String TIME = "trace.record.time";
    /** Only the write and second-cell bits may be set. */
    public static final String FLAGS = "trace.record.flags";
    /** A second-cell record directly follows its first cell's record. */
    public static final String SECOND_CELL = "trace.record.second_cell";
    /** The address is a multiple of the word size. */
    public static final String ADDRESS_ALIGNED = "trace.record.address_aligned";
    /** The cell lies in the memory, stack or register section. */
    public static final String CELL_IN_SECTION = "trace.record.cell_in_section";
    /** The stack depth lies in [0, stack cells]. */
    public static final String DEPTH = "trace.record.depth";
    /** The value fits the word. */
    public static final String VALUE_FITS_WORD = "trace.record.value_fits_word";
    /** The step is -1 exactly for an access outside any instruction, else at least 0. */
    public static final String STEP = "trace.record.step";
    /** The opcode is the machine's, or -1. */
    public static final String OPCODE = "trace.record.opcode";

    /**
     * The outcome of one pass.
     *
     * @param kept   the invalid records kept in detail, in record order
     * @param counts invalid records per family (all of them), in family order
     */
    record Result(List<RecordIssue> kept, Map<String, Long> counts) {
        boolean clean() {
            return counts.isEmpty();
        }
    }

    private static final String[] FAMILIES = {TIME, FLAGS, SECOND_CELL, ADDRESS_ALIGNED, CELL_IN_SECTION, DEPTH,
        VALUE_FITS_WORD, STEP, OPCODE};
    private static final int KNOWN_FLAGS = 1 | Trace.SECOND_CELL_BIT;

    private final int wordSize;
    private final int wordBits;
    private final Section memory;
    private final Section stack;
    private final Section registers;
    private final long maxDepth;
    private final int topLimb;
    /** Bits of the top 64-bit value limb above the word's width (0 when the width is a multiple of 64). */
    private final long overWidth;
    /** Known opcodes, or null when the circuit was built without its instructions (any opcode >= 0). */
    private final boolean[] opcodes;
    private final String sections;
    private final String opcodeList;

    /** The check for a machine of {@code layout} and {@code type} with these opcodes (empty: unknown). */
    TraceRecordCheck(MemoryLayout layout, WordType<?> type, Collection<Integer> knownOpcodes) {
        this.wordSize = layout.wordSize();
        this.wordBits = type.bits();
        this.memory = layout.memory();
        this.stack = layout.stack();
        this.registers = layout.registers();
        this.maxDepth = layout.stackDepth();
        this.topLimb = type.limbs() - 1;
        int topBits = type.bits() - 64 * topLimb;
        this.overWidth = topBits >= 64 ? 0 : -1L << topBits;
        if (knownOpcodes.isEmpty()) {
            this.opcodes = null;
            this.opcodeList = "any opcode >= 0";
        } else {
            this.opcodes = new boolean[knownOpcodes.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
            knownOpcodes.forEach(o -> opcodes[o] = true);
            this.opcodeList = "one of the machine's opcodes " + new TreeSet<>(knownOpcodes);
        }
        this.sections = "a cell of the memory " + range(memory) + ", stack " + range(stack) + " or register "
                + range(registers) + " section (byte address = cell * " + wordSize + ")";
    }

    private static String range(Section s) {
        return "[" + s.firstCell() + ", " + s.endCell() + ")";
    }

    /**
     * Checks every record of {@code trace}.
     *
     * @param keep     how many invalid records to keep in detail
     * @param describe the report's description of a record (its access and instruction)
     */
    <W extends Word<W>> Result run(Trace<W> trace, int keep, IntFunction<String> describe) {
        Collector c = new Collector(trace, keep, describe);
        int n = trace.size();
        long prevCell = Long.MIN_VALUE;
        int prevFlags = 0;
        for (int i = 0; i < n; i++) {
            long t = trace.time(i);
            if (t != i) {
                c.fail(TIME, i, "time", Long.toString(t), i + " (a machine's record i has time i)");
            }
            int flags = trace.flags(i);
            if ((flags & ~KNOWN_FLAGS) != 0) {
                c.fail(FLAGS, i, "flags", "0x" + Integer.toHexString(flags),
                        "bit 0 (write) and bit 1 (second cell) only");
            }
            long address = trace.address(i);
            long cell = Math.floorDiv(address, wordSize);
            if (address - cell * wordSize != 0) {
                c.fail(ADDRESS_ALIGNED, i, "address", Long.toString(address),
                        "a multiple of the word size " + wordSize + " (a record holds a cell's first byte)");
            }
            boolean inMemory = memory.containsCell(cell);
            if (!inMemory && !stack.containsCell(cell) && !registers.containsCell(cell)) {
                c.fail(CELL_IN_SECTION, i, "address", address + " (cell " + cell + ")", sections);
            }
            if ((flags & Trace.SECOND_CELL_BIT) != 0
                    && (i == 0 || cell != prevCell + 1 || ((flags ^ prevFlags) & 1) != 0 || !inMemory
                    || !memory.containsCell(prevCell))) {
                c.fail(SECOND_CELL, i, "second-cell flag", "set", "only on the record right after its access's"
                        + " first record: the next memory cell, both reads or both writes");
            }
            int depth = trace.stackDepth(i);
            if (depth < 0 || depth > maxDepth) {
                c.fail(DEPTH, i, "stack depth", Integer.toString(depth), "[0, " + maxDepth + "]");
            }
            if ((trace.valueLimb(i, topLimb) & overWidth) != 0) {
                c.fail(VALUE_FITS_WORD, i, topLimb == 0 ? "value" : "value limb " + topLimb,
                        Long.toUnsignedString(trace.valueLimb(i, topLimb)),
                        "[0, 2^" + (wordBits - 64 * topLimb) + "): a " + wordBits + "-bit word");
            }
            long step = trace.step(i);
            int opcode = trace.opcode(i);
            if (step < -1 || (step == -1) != (opcode == -1)) {
                c.fail(STEP, i, "step", step + " (opcode " + opcode + ")",
                        "-1 exactly when the opcode is -1 (an access outside any instruction), otherwise >= 0");
            }
            if (opcode != -1 && (opcode < 0 || opcodes != null && (opcode >= opcodes.length || !opcodes[opcode]))) {
                c.fail(OPCODE, i, "opcode", Integer.toString(opcode), opcodeList + ", or -1 outside any instruction");
            }
            prevCell = cell;
            prevFlags = flags;
        }
        return c.result();
    }

    /** Counts invalid records per family and keeps the first few in detail. */
    private static final class Collector {
        private final Trace<?> trace;
        private final int keep;
        private final IntFunction<String> describe;
        private final long[] counts = new long[FAMILIES.length];
        private final List<RecordIssue> kept = new ArrayList<>();

        Collector(Trace<?> trace, int keep, IntFunction<String> describe) {
            this.trace = trace;
            this.keep = keep;
            this.describe = describe;
        }

        void fail(String family, int record, String field, String value, String allowed) {
            for (int f = 0; f < FAMILIES.length; f++) {
                if (FAMILIES[f].equals(family)) {
                    counts[f]++;
                }
            }
            if (kept.size() < keep) {
                long step = trace.step(record);
                kept.add(new RecordIssue(family, record, step >= 0 ? step : -1, field, value, allowed,
                        describe == null ? null : describe.apply(record)));
            }
        }

        Result result() {
            Map<String, Long> byFamily = new LinkedHashMap<>();
            for (int f = 0; f < FAMILIES.length; f++) {
                if (counts[f] > 0) {
                    byFamily.put(FAMILIES[f], counts[f]);
                }
            }
            return new Result(List.copyOf(kept), byFamily);
        }
    }
}
