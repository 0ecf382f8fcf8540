package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.memory.AddressSort;
import dev.zkjvm.circuit.memory.MemoryConsistency;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Section;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The memory part of a machine's circuit: the time-ordered log of accesses, its sorted copy (the
 * memory-consistency gadget), and the rules of the machine's address space on the log (names
 * start with {@code vm.}; see {@link MachineCircuit}). Declared on a builder, filled from a trace.
 *
 * <p>A log that an execution claims ({@code padded}) has a padding flag: the log is padded to a
 * power of two with reads of the first memory cell that return its final value, and only rows
 * that are not padding are claimed by a step.
 *
 * @param <W> the machine's word type
 */
final class MemoryLog<W extends Word<W>> {
    private static final int GRAIN = 1 << 16;

    final WordType<W> type;
    final MemoryLayout layout;
    final MemoryConsistency memory;
    final Column address;
    final Column depth;
    final Column selMemory;
    final Column selStack;
    final Column selRegisters;
    final Column second;
    final List<Column> offsetLimbs;
    final List<Column> roomLimbs;
    /** 1 on padding rows; only in a log an execution claims. */
    final Column pad;
    private final int valueLimbs;

    MemoryLog(ConstraintSystemBuilder b, WordType<W> type, MemoryLayout layout, boolean padded) {
        this.type = type;
        this.layout = layout;
        this.valueLimbs = type.bytes() / 2;
        // The layout bounds every cell and every section's size, so the limb columns can be as few
        // as those bounds allow (Cpu64: offsets below 2^16 in one limb). The section rules below
        // hold each cell inside its section, hence below the layout's end: the gadget needs no cell
        // limbs of its own for its ordering argument.
        memory = MemoryConsistency.declareForBoundedCells(b, valueLimbs,
                MemoryConsistency.limbsFor(layout.totalCells() - 1));
        address = b.main("vm.address");
        depth = b.main("vm.depth");
        selMemory = b.main("vm.sel.memory");
        selStack = b.main("vm.sel.stack");
        selRegisters = b.main("vm.sel.registers");
        second = b.main("vm.second_cell");
        int sectionLimbs = sectionLimbs(layout);
        offsetLimbs = limbColumns(b, "vm.offset.limb", sectionLimbs);
        roomLimbs = limbColumns(b, "vm.room.limb", sectionLimbs);
        constrain(b);
        if (padded) {
            pad = b.main("vm.pad");
            b.everyRow("vm.pad.bool", pad.cur().mul(pad.cur().sub(1)));
            b.transition("vm.pad.suffix", pad.cur().mul(Expr.constant(1).sub(pad.next())));
            b.everyRow("vm.pad.read", pad.cur().mul(memory.rw.cur()));
        } else {
            pad = null;
        }
    }

    /**
     * A log row as the steps claim it: (time, cell, rw, depth after, section kind, second-cell
     * mark, value limbs...).
     */
    List<Expr> tuple() {
        List<Expr> log = new ArrayList<>(List.of(memory.time.cur(), memory.cell.cur(), memory.rw.cur(), depth.cur(),
                selStack.cur().add(selRegisters.cur().mul(2)), second.cur()));
        for (Column v : memory.value) {
            log.add(v.cur());
        }
        return log;
    }

    /** The columns of the time-ordered log: the gadget's and the machine's. */
    List<Column> logColumns() {
        List<Column> out = new ArrayList<>(List.of(memory.time, memory.cell, memory.rw, address, depth, selMemory,
                selStack, selRegisters, second));
        out.addAll(memory.value);
        out.addAll(offsetLimbs);
        out.addAll(roomLimbs);
        if (pad != null) {
            out.add(pad);
        }
        return out;
    }

    /** The columns of the sorted copy. */
    List<Column> sortedColumns() {
        List<Column> out = new ArrayList<>(List.of(memory.sortedTime, memory.sortedCell, memory.sortedRw, memory.same));
        out.addAll(memory.sortedValue);
        out.addAll(memory.deltaLimbs);
        return out;
    }

    /** Limbs for an offset or a room: they hold the largest section's size minus one. */
    private static int sectionLimbs(MemoryLayout layout) {
        long largest = Math.max(1, Math.max(layout.memory().cells(),
                Math.max(layout.stack().cells(), layout.registers().cells())));
        return MemoryConsistency.limbsFor(largest - 1);
    }

    private static List<Column> limbColumns(ConstraintSystemBuilder b, String prefix, int count) {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(b.main(prefix + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    private void constrain(ConstraintSystemBuilder b) {
        Column cell = memory.cell;
        Column rw = memory.rw;
        Section mem = layout.memory();
        Section stack = layout.stack();
        Section regs = layout.registers();
        for (Column s : List.of(selMemory, selStack, selRegisters)) {
            b.everyRow(s.name() + ".bool", s.cur().mul(s.cur().sub(1)));
        }
        b.everyRow("vm.sel.one", selMemory.cur().add(selStack.cur()).add(selRegisters.cur()).sub(1));
        b.everyRow("vm.address.cell", address.cur().sub(cell.cur().mul(layout.wordSize())));
        Expr first = selMemory.cur().mul(mem.firstCell())
                .add(selStack.cur().mul(stack.firstCell()))
                .add(selRegisters.cur().mul(regs.firstCell()));
        // The offset and the room are no columns: the constraints read the expressions of their
        // range-checked limbs.
        Expr offset = MemoryConsistency.recombine(offsetLimbs);
        Expr room = MemoryConsistency.recombine(roomLimbs);
        b.everyRow("vm.section.offset", cell.cur().sub(first).sub(offset));
        Expr last = selMemory.cur().mul(mem.cells() - 1)
                .add(selStack.cur().mul(stack.cells() - 1))
                .add(selRegisters.cur().mul(regs.cells() - 1));
        b.everyRow("vm.section.room", last.sub(offset).sub(room));
        for (int i = 0; i < offsetLimbs.size(); i++) {
            b.rangeCheck16("vm.offset.limb[" + i + "].range", offsetLimbs.get(i).cur());
            b.rangeCheck16("vm.room.limb[" + i + "].range", roomLimbs.get(i).cur());
        }
        // A push (rw = 1) wrote the slot just below the depth after it; a pop (rw = 0) read the slot
        // at the depth after it.
        b.everyRow("vm.stack.slot", selStack.cur().mul(offset.sub(depth.cur()).add(rw.cur())));
        Expr move = rw.cur().mul(2).sub(1);
        b.firstRow("vm.stack.depth.first", depth.cur().sub(selStack.cur().mul(move)));
        b.transition("vm.stack.depth.step", depth.next().sub(depth.cur())
                .sub(selStack.next().mul(rw.next().mul(2).sub(1))));
        b.everyRow("vm.second_cell.bool", second.cur().mul(second.cur().sub(1)));
        b.firstRow("vm.second_cell.first", second.cur());
        b.transition("vm.second_cell.next_cell", second.next().mul(cell.next().sub(cell.cur()).sub(1)));
        b.transition("vm.second_cell.same_kind", second.next().mul(rw.next().sub(rw.cur())));
        b.transition("vm.second_cell.memory", second.next().mul(Expr.constant(2).sub(selMemory.cur())
                .sub(selMemory.next())));
    }

    /**
     * Fills the log's and the sorted copy's MAIN columns of {@code w} (of any height that holds the
     * trace) from {@code trace}; returns the sort permutation (log row at each sorted row).
     */
    int[] fill(WitnessBuilder w, Trace<W> trace) {
        int n = trace.size();
        int rows = w.rows();
        int shift = Integer.numberOfTrailingZeros(layout.wordSize());
        long[] times = new long[rows];
        long[] cells = new long[rows];
        long[] writes = new long[rows];
        long[] addresses = new long[rows];
        long[] depths = new long[rows];
        long[] seconds = new long[rows];
        long[][] values = new long[valueLimbs][rows];
        int limbs64 = type.limbs();
        long padCell = layout.memory().firstCell();
        // Per-row conversion, spread over the circuit's pool (the trace is read-only).
        Parallel.forRange(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                long addr = trace.address(i);
                times[i] = trace.time(i);
                addresses[i] = addr;
                cells[i] = addr >>> shift;
                writes[i] = trace.flag(i);
                depths[i] = trace.stackDepth(i);
                seconds[i] = trace.secondCell(i) ? 1 : 0;
                for (int l = 0; l < limbs64; l++) {
                    long v = trace.valueLimb(i, l);
                    for (int q = 0; q < 4 && 4 * l + q < valueLimbs; q++) {
                        values[4 * l + q][i] = (v >>> (16 * q)) & 0xFFFF;
                    }
                }
            }
        });
        // Padding reads the first memory cell and returns the value of its last access (0 if none).
        long[] padValue = new long[limbs64];
        for (int i = n - 1; i >= 0; i--) {
            if (cells[i] == padCell) {
                for (int l = 0; l < limbs64; l++) {
                    padValue[l] = trace.valueLimb(i, l);
                }
                break;
            }
        }
        long lastDepth = n == 0 ? 0 : depths[n - 1];
        long lastTime = n == 0 ? -1 : times[n - 1];
        Parallel.forRange(rows - n, GRAIN, (from, to) -> {
            for (int i = n + from; i < n + to; i++) {
                times[i] = lastTime + 1 + (i - n);
                cells[i] = padCell;
                addresses[i] = padCell << shift;
                depths[i] = lastDepth;
                for (int l = 0; l < limbs64; l++) {
                    for (int q = 0; q < 4 && 4 * l + q < valueLimbs; q++) {
                        values[4 * l + q][i] = (padValue[l] >>> (16 * q)) & 0xFFFF;
                    }
                }
            }
        });
        int[] order = memory.fill(w, times, cells, writes, values);
        fillSections(w, cells, rows);
        w.set(address, Goldilocks.fromSignedInPlace(addresses)).set(depth, Goldilocks.fromSignedInPlace(depths))
                .set(second, seconds);
        if (pad != null) {
            long[] pads = new long[rows];
            Arrays.fill(pads, n, rows, 1);
            w.set(pad, pads);
        }
        return order;
    }

    /**
     * The sort permutation {@link #fill} makes for {@code trace} padded to {@code rows} rows: a
     * stable sort of the log's cells (padding reads the first memory cell).
     */
    int[] sortOrder(Trace<W> trace, int rows) {
        int shift = Integer.numberOfTrailingZeros(layout.wordSize());
        long[] cells = new long[rows];
        Arrays.fill(cells, layout.memory().firstCell());
        for (int i = 0; i < trace.size(); i++) {
            cells[i] = trace.address(i) >>> shift;
        }
        return AddressSort.order(cells, rows);
    }

    private void fillSections(WitnessBuilder w, long[] cells, int rows) {
        Section mem = layout.memory();
        Section stack = layout.stack();
        Section regs = layout.registers();
        long[] sm = new long[rows];
        long[] ss = new long[rows];
        long[] sr = new long[rows];
        long[] off = new long[rows];
        long[] rm = new long[rows];
        Parallel.forRange(rows, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                long c = cells[i];
                // A cell outside every section still gets a section (memory), so that the range
                // checks on its offset report it.
                Section s = stack.containsCell(c) ? stack : regs.containsCell(c) ? regs : mem;
                (s == stack ? ss : s == regs ? sr : sm)[i] = 1;
                off[i] = c - s.firstCell();
                rm[i] = s.cells() - 1 - off[i];
            }
        });
        MemoryConsistency.setLimbs(w, offsetLimbs, off);
        MemoryConsistency.setLimbs(w, roomLimbs, rm);
        w.set(selMemory, sm).set(selStack, ss).set(selRegisters, sr);
    }
}
