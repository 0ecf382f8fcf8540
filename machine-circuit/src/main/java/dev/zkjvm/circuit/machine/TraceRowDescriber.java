package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.check.RowDescriber;
import dev.zkjvm.runtime.Word;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names, for each failing row, the records that the failing constraint or argument side actually
 * reads. One witness row holds four unrelated things at the same index: a record of the
 * time-ordered log, a row of the sorted copy (some other record), a step of the execution table
 * and a program line. The cells read tell which of them the failure is about:
 * <ul>
 *   <li>sorted copy ({@code mem.s.*}): the record that sorted row holds, found through the sort
 *       permutation; a transition names the next sorted row's record first (the read that
 *       disagrees with the access before it), then that access;</li>
 *   <li>log ({@code mem.*}, {@code vm.*}, and the multiplicities of lookups into the log): the
 *       record at that row, and the next one for a transition;</li>
 *   <li>execution table ({@code exec.*}): the step, its program line, and the record each slot
 *       read there claims;</li>
 *   <li>program ROM ({@code program.*}): the program line.</li>
 * </ul>
 * Each record is named with its access, value, step and instruction ({@link RecordText}).
 *
 * @param <W> the machine's word type
 */
final class TraceRowDescriber<W extends Word<W>> implements RowDescriber {
    static final byte NONE = 0;
    static final byte LOG = 1;
    static final byte SORTED = 2;
    static final byte EXEC = 3;
    static final byte PROGRAM = 4;
    private static final Pattern SLOT = Pattern.compile("exec\\.slot\\[(\\d+)]\\..*");

    private final byte[] tables;
    private final RecordText<W> text;
    private final Supplier<int[]> sortOrder;
    private int[] order;

    /**
     * @param tables    the table of each column ({@link #classify})
     * @param sortOrder the log row at each sorted position, computed on first use
     */
    TraceRowDescriber(byte[] tables, RecordText<W> text, Supplier<int[]> sortOrder) {
        this.tables = tables;
        this.text = text;
        this.sortOrder = sortOrder;
    }

    /**
     * The table each column of {@code system} belongs to: the given log and sorted-copy columns,
     * MAIN columns named {@code exec.*}, FIXED columns named {@code program.*}; a lookup's
     * multiplicity belongs to the table of the lookup's table side (the log for the execution
     * bus, the program for the fetch).
     */
    static byte[] classify(ConstraintSystem system, Collection<Column> log, Collection<Column> sorted) {
        byte[] out = new byte[system.columns().size()];
        for (Column c : system.columns()) {
            if (c.phase() == Phase.MAIN && c.name().startsWith("exec.")) {
                out[c.index()] = EXEC;
            } else if (c.phase() == Phase.FIXED && c.name().startsWith("program.")) {
                out[c.index()] = PROGRAM;
            }
        }
        for (Column c : log) {
            out[c.index()] = LOG;
        }
        for (Column c : sorted) {
            out[c.index()] = SORTED;
        }
        for (Lookup l : system.lookups()) {
            byte side = NONE;
            for (Expr e : l.table()) {
                for (Expr.Cell cell : Exprs.cells(e)) {
                    side = (byte) Math.max(side, out[cell.column().index()]);
                }
            }
            out[l.multiplicity().index()] = side;
        }
        return out;
    }

    /** Record {@code i} of the trace, described ({@link RecordText#record}). */
    String record(int i) {
        return text.record(i);
    }

    @Override
    public String describe(int row, Collection<Expr.Cell> cells) {
        boolean[] cur = new boolean[PROGRAM + 1];
        boolean[] next = new boolean[PROGRAM + 1];
        Set<Integer> slots = new TreeSet<>();
        for (Expr.Cell cell : cells) {
            byte t = tables[cell.column().index()];
            (cell.next() ? next : cur)[t] = true;
            if (t == EXEC) {
                Matcher m = SLOT.matcher(cell.column().name());
                if (m.matches()) {
                    slots.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (cur[SORTED] || next[SORTED]) {
            parts.add(sorted(row, next[SORTED]));
        }
        if (cur[LOG] || next[LOG]) {
            parts.add(next[LOG] ? text.record(row + 1) + ", after " + text.record(row) : text.record(row));
        }
        if (cur[EXEC] || next[EXEC]) {
            parts.add(execution(row, next[EXEC], slots));
        }
        if (cur[PROGRAM]) {
            parts.add(text.programLine(row));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** Sorted row {@code row} (and the next): the records the sort put there. */
    private String sorted(int row, boolean withNext) {
        if (order == null) {
            order = sortOrder.get();
        }
        if (withNext && row + 1 < order.length) {
            return text.record(order[row + 1]) + ", after " + text.record(order[row]) + " in (cell, time) order"
                    + " [sorted rows " + row + ", " + (row + 1) + "]";
        }
        return text.record(order[row]) + " [sorted row " + row + "]";
    }

    /** Step {@code row} (and the next), with the records of the slots read. */
    private String execution(int row, boolean withNext, Set<Integer> slots) {
        StringBuilder sb = new StringBuilder(text.step(row));
        List<String> claims = new ArrayList<>();
        for (int k : slots) {
            int r = text.slotRecord(row, k);
            if (r >= 0) {
                claims.add("slot " + k + ": " + text.record(r));
            }
        }
        if (slots.isEmpty()) {
            String all = text.stepRecords(row);
            if (!all.isEmpty()) {
                claims.add(all);
            }
        }
        if (!claims.isEmpty()) {
            sb.append(" [").append(String.join(", ", claims)).append(']');
        }
        if (withNext) {
            sb.append("; then ").append(text.step(row + 1));
        }
        return sb.toString();
    }
}
