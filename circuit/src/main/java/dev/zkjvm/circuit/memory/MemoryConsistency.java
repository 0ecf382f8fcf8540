package dev.zkjvm.circuit.memory;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory-consistency gadget: a time-ordered access log, its copy sorted by (cell, time), and
 * the constraints that make every read return what the previous access to the same cell left.
 * It knows cells, times, reads, writes and values, nothing about machines.
 *
 * <p><b>Columns.</b> Time-ordered: {@code mem.time}, {@code mem.cell} (with L 16-bit limbs
 * {@code mem.cell.limb[i]}, L = 3 unless the caller knows a lower bound on its cells, none when the
 * caller's own constraints bound them),
 * {@code mem.rw} (1 = write) and the value as 16-bit limbs
 * {@code mem.v[j]}. Sorted: {@code mem.s.time}, {@code mem.s.cell}, {@code mem.s.rw},
 * {@code mem.s.v[j]}, {@code mem.s.same} (1 when the row's cell equals the previous row's) and the
 * {@code max(L, 2)} 16-bit limbs {@code mem.s.delta.limb[i]} of the ordering gap {@code delta}.
 * The gap itself is no column: the constraints read the expression of its limbs
 * ({@link #delta()}), so a committed column and its recombination constraint are saved.
 *
 * <p><b>Why the bounds rule out wrap-around.</b> Cells are range-checked below 2^(16·L) &le;
 * 2^48 (L limbs), or held below it by the caller's own constraints ({@link #declareForBoundedCells}), times are exactly 0..n-1 with n &lt; 2^31, and {@code delta} is the
 * recombination of {@code D = max(L, 2)} range-checked 16-bit limbs, so its field value is an
 * integer below 2^(16·D) &le; 2^48, large enough for any true gap (cells below 2^(16·L), times
 * below 2^32). Between two sorted rows, {@code delta = cell' - cell - 1} (new cell) or
 * {@code time' - time - 1} (same cell), with both sides read as field elements. If the true
 * difference were zero or negative, the right side would be at least p - 2^48 &gt; 2^63 as a
 * field value, which no D-limb value reaches. So the cell never decreases, a new cell is
 * strictly larger, and within a cell the time strictly increases.
 *
 * <p><b>Padding.</b> The gadget has no padding selector. A caller pads the log with honest
 * accesses, for example reads of one cell that return its final value, so every constraint holds
 * on every row.
 */
public final class MemoryConsistency {
    /** The most 16-bit limbs of a cell index: cells are below 2^48. */
    public static final int CELL_LIMBS = 3;
    /** Limbs of the ordering gap at least: a time gap needs two (times are below 2^31). */
    private static final int MIN_DELTA_LIMBS = 2;
    private static final int LIMB_BITS = 16;
    private static final long LIMB_MASK = (1L << LIMB_BITS) - 1;

    /** Time-ordered columns. */
    public final Column time;
    /** Cell index of the access (time-ordered). */
    public final Column cell;
    /** 1 for a write, 0 for a read (time-ordered). */
    public final Column rw;
    /** 16-bit limbs of the value, least significant first (time-ordered). */
    public final List<Column> value;
    /** 16-bit limbs of the cell index (time-ordered); none when the caller bounds the cells. */
    public final List<Column> cellLimbs;
    /** Sorted columns. */
    public final Column sortedTime;
    /** Cell index (sorted). */
    public final Column sortedCell;
    /** Read/write (sorted). */
    public final Column sortedRw;
    /** Value limbs (sorted). */
    public final List<Column> sortedValue;
    /** 1 when the sorted row's cell equals the previous sorted row's. */
    public final Column same;
    /** 16-bit limbs of the ordering difference minus one ({@link #delta()}), each range-checked. */
    public final List<Column> deltaLimbs;
    /**
     * For a carried log ({@link #declareCarried}): 1 on the sorted rows that may open a cell (the
     * log's {@code opens} expression, permuted); null otherwise.
     */
    public final Column sortedOpens;

    private MemoryConsistency(ConstraintSystemBuilder b, int valueLimbs, int cellLimbCount, boolean ownCellLimbs,
            boolean carried) {
        time = b.main("mem.time");
        cell = b.main("mem.cell");
        rw = b.main("mem.rw");
        value = columns(b, "mem.v", valueLimbs);
        cellLimbs = ownCellLimbs ? columns(b, "mem.cell.limb", cellLimbCount) : List.of();
        sortedTime = b.main("mem.s.time");
        sortedCell = b.main("mem.s.cell");
        sortedRw = b.main("mem.s.rw");
        sortedValue = columns(b, "mem.s.v", valueLimbs);
        same = b.main("mem.s.same");
        deltaLimbs = columns(b, "mem.s.delta.limb", Math.max(cellLimbCount, MIN_DELTA_LIMBS));
        sortedOpens = carried ? b.main("mem.s.opens") : null;
    }

    private static List<Column> columns(ConstraintSystemBuilder b, String prefix, int count) {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(b.main(prefix + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    /**
     * Declares the gadget's columns, constraints, range checks and permutation in {@code b}, for
     * cells anywhere below 2^48 ({@value #CELL_LIMBS} limbs).
     */
    public static MemoryConsistency declare(ConstraintSystemBuilder b, int valueLimbs) {
        return declare(b, valueLimbs, CELL_LIMBS);
    }

    /**
     * Declares the gadget for cells below {@code 2^(16·cellLimbs)}: a caller that knows its
     * highest cell (a machine's layout, see {@link #limbsFor}) commits fewer limb columns and
     * range-checks fewer inputs. The ordering gap gets as many limbs, and at least two.
     *
     * @param cellLimbs 1 to {@value #CELL_LIMBS}
     */
    public static MemoryConsistency declare(ConstraintSystemBuilder b, int valueLimbs, int cellLimbs) {
        return declare(b, valueLimbs, cellLimbs, true);
    }

    /**
     * Declares the gadget for a caller whose own constraints already hold every cell of the log
     * below {@code 2^(16·cellLimbs)}, for example as a cell that is its section's first cell plus a
     * range-checked offset no larger than the section's last. The gadget then commits no cell limbs
     * and range-checks no cell: the bound its ordering argument needs (see the class comment) is the
     * caller's. The sorted copy's cells are the log's (the permutation), so they share the bound.
     * The ordering gap still gets {@code max(cellLimbs, 2)} limbs.
     *
     * @param cellLimbs 1 to {@value #CELL_LIMBS}: the 16-bit limbs that the caller's bound fits in
     */
    public static MemoryConsistency declareForBoundedCells(ConstraintSystemBuilder b, int valueLimbs,
            int cellLimbs) {
        return declare(b, valueLimbs, cellLimbs, false);
    }

    /**
     * Declares the gadget for a log whose cells do not start at zero: a piece of a longer run (a
     * segment), whose cells hold what earlier pieces left. Instead of "the first access to a cell is
     * a write or a read of zero", the first access to each cell (in the sorted copy) must be a row on
     * which the caller's {@code opens} expression is 1: the caller makes those rows reads whose
     * values it ties to the outside (a public tuple per cell), so each cell's first value is the one
     * carried in. The sorted copy gets the column {@code mem.s.opens}, and the permutation carries
     * {@code opens} with every access, so a row cannot open a cell in the sorted copy unless the same
     * access opens it in the log. Cells are bounded by the caller as in {@link #declareForBoundedCells}.
     *
     * @param opens 0 or 1 on every log row (the caller's flags)
     */
    public static MemoryConsistency declareCarried(ConstraintSystemBuilder b, int valueLimbs, int cellLimbs,
            Expr opens) {
        return declare(b, valueLimbs, cellLimbs, false, java.util.Objects.requireNonNull(opens, "opens"));
    }

    private static MemoryConsistency declare(ConstraintSystemBuilder b, int valueLimbs, int cellLimbs,
            boolean ownCellLimbs) {
        return declare(b, valueLimbs, cellLimbs, ownCellLimbs, null);
    }

    /** The gadget; a carried log when {@code opens} is given. */
    private static MemoryConsistency declare(ConstraintSystemBuilder b, int valueLimbs, int cellLimbs,
            boolean ownCellLimbs, Expr opens) {
        if (valueLimbs < 1) {
            throw new IllegalArgumentException("a value needs at least one limb");
        }
        if (cellLimbs < 1 || cellLimbs > CELL_LIMBS) {
            throw new IllegalArgumentException("a cell index takes 1 to " + CELL_LIMBS + " limbs, got " + cellLimbs);
        }
        MemoryConsistency m = new MemoryConsistency(b, valueLimbs, cellLimbs, ownCellLimbs, opens != null);
        m.constrain(b, opens);
        return m;
    }

    /** The number of 16-bit limbs that hold every integer from 0 to {@code max} (at least one). */
    public static int limbsFor(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("a limb count for a negative bound: " + max);
        }
        int bits = Long.SIZE - Long.numberOfLeadingZeros(max);
        return Math.max(1, (bits + LIMB_BITS - 1) / LIMB_BITS);
    }

    /** {@code limbs} (16 bits each, least significant first) recombined: Horner from the top limb. */
    public static Expr recombine(List<Column> limbs) {
        return recombine(limbs, false);
    }

    /** {@link #recombine(List)} of the next row's cells. */
    public static Expr recombineNext(List<Column> limbs) {
        return recombine(limbs, true);
    }

    private static Expr recombine(List<Column> limbs, boolean next) {
        Expr sum = read(limbs.get(limbs.size() - 1), next);
        for (int i = limbs.size() - 2; i >= 0; i--) {
            sum = sum.mul(1L << LIMB_BITS).add(read(limbs.get(i), next));
        }
        return sum;
    }

    private static Expr read(Column c, boolean next) {
        return next ? c.next() : c.cur();
    }

    /** The ordering difference minus one, as the expression of its limbs (current row). */
    public Expr delta() {
        return recombine(deltaLimbs);
    }

    private void constrain(ConstraintSystemBuilder b, Expr opens) {
        Expr one = Expr.constant(1);
        // Time-ordered log: time is exactly the row index, every flag is a bit, every limb 16 bits.
        b.firstRow("mem.time.first", time.cur());
        b.transition("mem.time.step", time.next().sub(time.cur()).sub(1));
        b.everyRow("mem.rw.bool", rw.cur().mul(rw.cur().sub(1)));
        if (!cellLimbs.isEmpty()) {
            b.everyRow("mem.cell.limbs", cell.cur().sub(recombine(cellLimbs)));
            for (int i = 0; i < cellLimbs.size(); i++) {
                b.rangeCheck16("mem.cell.limb[" + i + "].range", cellLimbs.get(i).cur());
            }
        }
        for (int j = 0; j < value.size(); j++) {
            b.rangeCheck16("mem.v[" + j + "].range", value.get(j).cur());
        }

        // Sorted copy: ordered by (cell, time), ordering differences range-checked.
        b.everyRow("mem.s.same.bool", same.cur().mul(same.cur().sub(1)));
        b.firstRow("mem.s.same.first", same.cur());
        b.firstRow("mem.s.delta.first", delta());
        b.transition("mem.s.same.cell", same.next().mul(sortedCell.next().sub(sortedCell.cur())));
        Expr sameCellGap = sortedTime.next().sub(sortedTime.cur()).sub(1);
        Expr newCellGap = sortedCell.next().sub(sortedCell.cur()).sub(1);
        b.transition("mem.s.delta.order", recombineNext(deltaLimbs)
                .sub(same.next().mul(sameCellGap))
                .sub(one.sub(same.next()).mul(newCellGap)));
        for (int i = 0; i < deltaLimbs.size(); i++) {
            b.rangeCheck16("mem.s.delta.limb[" + i + "].range", deltaLimbs.get(i).cur());
        }

        // Reads: the value of the previous access to the same cell; the first access to a cell
        // is a write or a read of zero (the VM's never-written cells read as zero), or, in a
        // carried log, an access that opens the cell.
        for (int j = 0; j < value.size(); j++) {
            Expr v = sortedValue.get(j).cur();
            Expr vNext = sortedValue.get(j).next();
            b.transition("mem.s.read[" + j + "]",
                    one.sub(sortedRw.next()).mul(same.next()).mul(vNext.sub(v)));
            if (sortedOpens == null) {
                b.transition("mem.s.first_read_zero[" + j + "]",
                        one.sub(sortedRw.next()).mul(one.sub(same.next())).mul(vNext));
                b.firstRow("mem.s.first_read_zero[" + j + "].row0", one.sub(sortedRw.cur()).mul(v));
            }
        }
        if (sortedOpens != null) {
            b.transition("mem.s.first_opens", one.sub(same.next()).mul(one.sub(sortedOpens.next())));
            b.firstRow("mem.s.first_opens.row0", one.sub(sortedOpens.cur()));
        }

        // The sorted copy holds exactly the accesses of the log.
        List<Expr> left = new ArrayList<>(List.of(cell.cur(), time.cur(), rw.cur()));
        List<Expr> right = new ArrayList<>(List.of(sortedCell.cur(), sortedTime.cur(), sortedRw.cur()));
        if (sortedOpens != null) {
            left.add(opens);
            right.add(sortedOpens.cur());
        }
        for (int j = 0; j < value.size(); j++) {
            left.add(value.get(j).cur());
            right.add(sortedValue.get(j).cur());
        }
        b.permutation("mem.perm", left, right);
    }

    /**
     * Fills every column of the gadget from a padded, time-ordered log of {@code rows} accesses;
     * the sorted copy comes from a stable radix sort by cell. Values that would break a
     * constraint (times out of order, negative gaps) are still written, as field elements, so
     * that the checker reports them rather than the builder failing.
     *
     * @param times    time of each access (an honest log has 0, 1, 2, ...)
     * @param cells    cell index of each access, below 2^48
     * @param writes   1 for a write, 0 for a read
     * @param values   {@code values[j][row]}: 16-bit limb j of each access's value
     * @return the sorted order (row of the log at each sorted position), for callers' reports
     */
    public int[] fill(WitnessBuilder w, long[] times, long[] cells, long[] writes, long[][] values) {
        if (sortedOpens != null) {
            throw new IllegalStateException("a carried log is filled with its opening rows");
        }
        return fill(w, times, cells, writes, values, null);
    }

    /**
     * {@link #fill(WitnessBuilder, long[], long[], long[], long[][])} for a carried log
     * ({@link #declareCarried}): {@code opens} holds the caller's flag of each log row, 0 or 1.
     */
    public int[] fill(WitnessBuilder w, long[] times, long[] cells, long[] writes, long[][] values, long[] opens) {
        if ((opens != null) != (sortedOpens != null)) {
            throw new IllegalStateException(sortedOpens != null ? "a carried log needs its opening rows"
                    : "only a carried log has opening rows");
        }
        int rows = cells.length;
        // Sort first: it reads the raw cells; everything after is per-row work spread over the pool.
        int[] order = AddressSort.order(cells, rows);
        long[] sTime = new long[rows];
        long[] sCell = new long[rows];
        long[] sRw = new long[rows];
        long[] sSame = new long[rows];
        long[][] sValues = new long[value.size()][rows];
        long[][] dLimbs = new long[deltaLimbs.size()][rows];
        long[] sOpens = opens == null ? null : new long[rows];
        Parallel.forRange(rows, GRAIN, (from, to) -> {
            for (int k = from; k < to; k++) {
                int row = order[k];
                long c = cells[row];
                long t = times[row];
                sTime[k] = Goldilocks.fromSigned(t);
                sCell[k] = c;
                sRw[k] = Goldilocks.fromSigned(writes[row]);
                if (sOpens != null) {
                    sOpens[k] = opens[row];
                }
                if (k > 0) {
                    int prev = order[k - 1];
                    boolean sameCell = c == cells[prev];
                    sSame[k] = sameCell ? 1 : 0;
                    long d = sameCell ? t - times[prev] - 1 : c - cells[prev] - 1;
                    splitInto(d, dLimbs, k);
                }
                for (int j = 0; j < sValues.length; j++) {
                    sValues[j][k] = values[j][row];
                }
            }
        });
        for (int i = 0; i < dLimbs.length; i++) {
            w.set(deltaLimbs.get(i), dLimbs[i]);
        }
        w.set(sortedTime, sTime).set(sortedCell, sCell).set(sortedRw, sRw).set(same, sSame);
        if (sOpens != null) {
            w.set(sortedOpens, sOpens);
        }
        for (int j = 0; j < value.size(); j++) {
            w.set(sortedValue.get(j), sValues[j]);
        }
        if (!cellLimbs.isEmpty()) {
            setLimbs(w, cellLimbs, cells);
        }
        w.set(time, Goldilocks.fromSignedInPlace(times)).set(cell, cells).set(rw, Goldilocks.fromSignedInPlace(writes));
        for (int j = 0; j < value.size(); j++) {
            w.set(value.get(j), values[j]);
        }
        return order;
    }

    private static final int GRAIN = 1 << 16;

    /**
     * Writes {@code v} into {@code limbs[0..L)[row]}: the low L - 1 limbs are its 16-bit pieces, the
     * top limb is the rest, {@code v >> 16·(L-1)} as a field element. The recombination is always
     * v itself; an honest value in {@code [0, 2^(16·L))} gets its plain limbs, and any other (too
     * large, or negative: a cell before its section, a gap that goes back) gets a top limb outside
     * 16 bits, so that the range check on that limb reports it instead of the value being cut.
     */
    private static void splitInto(long v, long[][] limbs, int row) {
        int top = limbs.length - 1;
        for (int i = 0; i < top; i++) {
            limbs[i][row] = (v >>> (LIMB_BITS * i)) & LIMB_MASK;
        }
        limbs[top][row] = Goldilocks.fromSigned(v >> (LIMB_BITS * top));
    }


    /**
     * Splits {@code values} into 16-bit limb columns ({@link #splitInto}): a value that does not
     * fit, or a negative one, keeps its exact recombination and fails the top limb's range check.
     */
    public static void setLimbs(WitnessBuilder w, List<Column> limbs, long[] values) {
        long[][] out = new long[limbs.size()][values.length];
        Parallel.forRange(values.length, GRAIN, (from, to) -> {
            for (int r = from; r < to; r++) {
                splitInto(values[r], out, r);
            }
        });
        for (int i = 0; i < limbs.size(); i++) {
            w.set(limbs.get(i), out[i]);
        }
    }
}
