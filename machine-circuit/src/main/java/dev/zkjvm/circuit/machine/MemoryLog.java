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
    /** 1 on the rows that carry a cell's value in (a segment's log only, else null). */
    final Column pageIn;
    /** 1 on the rows that carry a cell's value out (a segment's log only, else null). */
    final Column pageOut;
    private final int valueLimbs;

    MemoryLog(ConstraintSystemBuilder b, WordType<W> type, MemoryLayout layout, boolean padded) {
        this(b, type, layout, padded, false);
    }

    /**
     * The log of one segment of a longer run ({@link SegmentCircuit}): claimed by the segment's steps
     * and padded, and with two more kinds of unclaimed reads. A <b>page-in</b> row reads a cell's value
     * at the segment's start and receives (cell, value) from the statement on {@link #PAGE_IN_BUS};
     * a <b>page-out</b> row, after every step's accesses, reads its value at the end and sends it on
     * {@link #PAGE_OUT_BUS}. The first access to each cell is a page-in (or padding), instead of a
     * write or a read of zero.
     */
    static <W extends Word<W>> MemoryLog<W> carried(ConstraintSystemBuilder b, WordType<W> type, MemoryLayout layout) {
        return new MemoryLog<>(b, type, layout, true, true);
    }

    /** The bus on which page-in rows receive their (cell, value limbs) from the statement. */
    static final String PAGE_IN_BUS = "memory.in";
    /** The bus on which page-out rows send their (cell, value limbs) to the statement. */
    static final String PAGE_OUT_BUS = "memory.out";

    private MemoryLog(ConstraintSystemBuilder b, WordType<W> type, MemoryLayout layout, boolean padded,
            boolean carried) {
        this.type = type;
        this.layout = layout;
        this.valueLimbs = type.bytes() / 2;
        // The layout bounds every cell and every section's size, so the limb columns can be as few
        // as those bounds allow (Cpu64: offsets below 2^16 in one limb). The section rules below
        // hold each cell inside its section, hence below the layout's end: the gadget needs no cell
        // limbs of its own for its ordering argument.
        int cellLimbs = MemoryConsistency.limbsFor(layout.totalCells() - 1);
        Column carriedPad = null;
        if (carried) {
            carriedPad = b.main("vm.pad");
            pageIn = b.main("vm.page_in");
            pageOut = b.main("vm.page_out");
            // padding may open a cell too: it comes after every step, so a cell it opens is one no
            // step touched, and its reads claim nothing
            memory = MemoryConsistency.declareCarried(b, valueLimbs, cellLimbs, pageIn.cur().add(carriedPad.cur()));
        } else {
            pageIn = null;
            pageOut = null;
            memory = MemoryConsistency.declareForBoundedCells(b, valueLimbs, cellLimbs);
        }
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
        pad = carried ? carriedPad : padded ? b.main("vm.pad") : null;
        if (carried) {
            constrainPages(b);
        }
        if (pad != null) {
            b.everyRow("vm.pad.bool", pad.cur().mul(pad.cur().sub(1)));
            b.transition("vm.pad.suffix", pad.cur().mul(Expr.constant(1).sub(pad.next())));
            b.everyRow("vm.pad.read", pad.cur().mul(memory.rw.cur()));
        }
    }

    /**
     * Page rows are reads, at most one kind per row, and the page-outs with the padding form a
     * suffix of the log: after every access a step claims, so each page-out reads its cell's last
     * value.
     */
    private void constrainPages(ConstraintSystemBuilder b) {
        Expr one = Expr.constant(1);
        for (Column c : List.of(pageIn, pageOut)) {
            b.everyRow(c.name() + ".bool", c.cur().mul(c.cur().sub(1)));
            b.everyRow(c.name() + ".read", c.cur().mul(memory.rw.cur()));
        }
        b.everyRow("vm.page_in.alone", pageIn.cur().mul(pageOut.cur().add(pad.cur())));
        b.everyRow("vm.page_out.alone", pageOut.cur().mul(pad.cur()));
        Expr tail = pageOut.cur().add(pad.cur());
        b.transition("vm.page_out.suffix", tail.mul(one.sub(pageOut.next()).sub(pad.next())));
    }

    /** 1 on the rows a step claims: not padding, not a page row. */
    Expr claimed() {
        Expr out = Expr.constant(1).sub(pad.cur());
        return pageIn == null ? out : out.sub(pageIn.cur()).sub(pageOut.cur());
    }

    /** 1 on a row a step made: for the stack rules, which page rows do not follow. */
    private Expr stepRow(boolean next) {
        if (pageIn == null) {
            return Expr.constant(1);
        }
        return next ? Expr.constant(1).sub(pageIn.next()).sub(pageOut.next())
                : Expr.constant(1).sub(pageIn.cur()).sub(pageOut.cur());
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
        // In a segment's log page rows read stack cells at any depth and keep it; the depth its
        // steps start from is theirs, held to the statement's by the execution bus.
        b.everyRow("vm.stack.slot", selStack.cur().mul(stepRow(false)).mul(offset.sub(depth.cur()).add(rw.cur())));
        Expr move = rw.cur().mul(2).sub(1);
        if (pageIn == null) {
            b.firstRow("vm.stack.depth.first", depth.cur().sub(selStack.cur().mul(move)));
        }
        b.transition("vm.stack.depth.step", depth.next().sub(depth.cur())
                .sub(selStack.next().mul(stepRow(true)).mul(rw.next().mul(2).sub(1))));
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
        LogRows r = new LogRows(rows);
        r.copyRecords(trace, 0);
        // Padding reads the first memory cell and returns the value of its last access (0 if none).
        long padCell = layout.memory().firstCell();
        long[] padValue = new long[type.limbs()];
        for (int i = n - 1; i >= 0; i--) {
            if (r.cells[i] == padCell) {
                for (int l = 0; l < padValue.length; l++) {
                    padValue[l] = trace.valueLimb(i, l);
                }
                break;
            }
        }
        long lastDepth = n == 0 ? 0 : r.depths[n - 1];
        long lastTime = n == 0 ? -1 : r.times[n - 1];
        Parallel.forRange(rows - n, GRAIN, (from, to) -> {
            for (int i = n + from; i < n + to; i++) {
                r.read(i, lastTime + 1 + (i - n), padCell, lastDepth, padValue);
            }
        });
        int[] order = r.writeTo(w, null);
        if (pad != null) {
            long[] pads = new long[rows];
            Arrays.fill(pads, n, rows, 1);
            w.set(pad, pads);
        }
        return order;
    }

    /**
     * Fills a segment's log ({@link #carried}) from the segment's own records (timed from 0) and its
     * pages: {@code cells} ascending, with their words' 64-bit limbs at the segment's start
     * ({@code before}) and end ({@code after}). Rows: a page-in per cell, the records, a page-out per
     * cell, then padding reads of the first memory cell.
     *
     * @param startDepth the stack depth before the segment's first step
     */
    void fillSegment(WitnessBuilder w, Trace<W> trace, long[] cells, long[][] before, long[][] after,
            long startDepth) {
        int n = trace.size();
        int pages = cells.length;
        int rows = w.rows();
        if (2 * pages + n > rows) {
            throw new IllegalArgumentException("a log of " + rows + " rows cannot hold " + n + " records and "
                    + pages + " pages in and out");
        }
        LogRows r = new LogRows(rows);
        long[] pageIns = new long[rows];
        long[] pageOuts = new long[rows];
        long[] pads = new long[rows];
        long lastDepth = n == 0 ? startDepth : trace.stackDepth(n - 1);
        for (int k = 0; k < pages; k++) {
            int in = k;
            int out = pages + n + k;
            r.read(in, in, cells[k], startDepth, before[k]);
            r.read(out, out, cells[k], lastDepth, after[k]);
            pageIns[in] = 1;
            pageOuts[out] = 1;
        }
        r.copyRecords(trace, pages);
        long padCell = layout.memory().firstCell();
        int paged = Arrays.binarySearch(cells, padCell);
        long[] padWord = paged >= 0 ? after[paged] : new long[type.limbs()];
        for (int i = 2 * pages + n; i < rows; i++) {
            r.read(i, i, padCell, lastDepth, padWord);
            pads[i] = 1;
        }
        long[] opens = new long[rows];
        for (int i = 0; i < rows; i++) {
            opens[i] = pageIns[i] + pads[i];
        }
        r.writeTo(w, opens);
        w.set(pad, pads).set(pageIn, pageIns).set(pageOut, pageOuts);
    }

    /** The log's columns as plain arrays, filled row by row before they go into the witness. */
    private final class LogRows {
        final int rows;
        final long[] times;
        final long[] cells;
        final long[] writes;
        final long[] addresses;
        final long[] depths;
        final long[] seconds;
        final long[][] values;
        private final int shift = Integer.numberOfTrailingZeros(layout.wordSize());

        LogRows(int rows) {
            this.rows = rows;
            times = new long[rows];
            cells = new long[rows];
            writes = new long[rows];
            addresses = new long[rows];
            depths = new long[rows];
            seconds = new long[rows];
            values = new long[valueLimbs][rows];
        }

        /**
         * The trace's records into rows {@code offset..}, each timed {@code offset} plus its own time,
         * spread over the circuit's pool (the trace is read-only).
         */
        void copyRecords(Trace<W> trace, int offset) {
            int limbs64 = type.limbs();
            Parallel.forRange(trace.size(), GRAIN, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int i = offset + r;
                    long addr = trace.address(r);
                    times[i] = offset + trace.time(r);
                    addresses[i] = addr;
                    cells[i] = addr >>> shift;
                    writes[i] = trace.flag(r);
                    depths[i] = trace.stackDepth(r);
                    seconds[i] = trace.secondCell(r) ? 1 : 0;
                    for (int l = 0; l < limbs64; l++) {
                        split(trace.valueLimb(r, l), l, i);
                    }
                }
            });
        }

        /** Row {@code i}: a read of {@code cell} at {@code time} returning {@code word} (64-bit limbs). */
        void read(int i, long time, long cell, long stackDepth, long[] word) {
            times[i] = time;
            cells[i] = cell;
            addresses[i] = cell << shift;
            depths[i] = stackDepth;
            for (int l = 0; l < word.length; l++) {
                split(word[l], l, i);
            }
        }

        private void split(long limb, int l, int row) {
            for (int q = 0; q < 4 && 4 * l + q < valueLimbs; q++) {
                values[4 * l + q][row] = (limb >>> (16 * q)) & 0xFFFF;
            }
        }

        /**
         * The gadget's columns (opening flags for a carried log, else null), the sections' and the
         * log's own; returns the sort order.
         */
        int[] writeTo(WitnessBuilder w, long[] opens) {
            int[] order = opens == null ? memory.fill(w, times, cells, writes, values)
                    : memory.fill(w, times, cells, writes, values, opens);
            fillSections(w, cells, rows);
            w.set(address, Goldilocks.fromSignedInPlace(addresses)).set(depth, Goldilocks.fromSignedInPlace(depths))
                    .set(second, seconds);
            return order;
        }
    }

    /** The page tuples' fields: the cell, then the value's 16-bit limbs. */
    List<String> pageFields() {
        List<String> out = new ArrayList<>(List.of("cell"));
        for (int j = 0; j < valueLimbs; j++) {
            out.add("value[" + j + "]");
        }
        return out;
    }

    /** A page row's tuple: its cell and value limbs. */
    List<Expr> pageTuple() {
        List<Expr> out = new ArrayList<>(List.of(memory.cell.cur()));
        for (Column v : memory.value) {
            out.add(v.cur());
        }
        return out;
    }

    /** A page's public tuple: the cell and the 16-bit limbs of its word's 64-bit limbs. */
    long[] pageTuple(long cell, long[] word) {
        long[] out = new long[1 + valueLimbs];
        out[0] = cell;
        for (int l = 0; l < word.length; l++) {
            for (int q = 0; q < 4 && 4 * l + q < valueLimbs; q++) {
                out[1 + 4 * l + q] = (word[l] >>> (16 * q)) & 0xFFFF;
            }
        }
        return out;
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
