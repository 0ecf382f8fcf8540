package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.runtime.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which instructions share an execution table. A table is as wide as its widest instruction plus
 * a flag per instruction, and every query of a proof opens a row of every table and of its bus
 * columns; so each table costs proof size, while a narrow instruction in a wide table pays for
 * columns it does not use. Measured on Cpu64 (fibonacci and bubble sort, 2^14 steps, see
 * {@code docs/benchmarks.md}): a table per instruction made proofs 1.5 to 2 times larger than one
 * table for all, and no faster; tables of instructions within a factor two of each other's width
 * proved fastest, at about 10 to 25% more size than one table.
 *
 * <p>The rule: instructions sorted by width, widest first, each joins the current table unless it
 * is less than half as wide (counting the table's flags); an instruction that halts runs once per
 * run, so it joins the narrowest table instead of opening one.
 */
final class TableGrouping {
    /** An instruction joins a table if its width is at least this share of the table's. */
    static final double SIMILAR = 0.5;

    private TableGrouping() {
    }

    /** The tables of {@code all}, each a non-empty list, in order of decreasing width. */
    static <W extends Word<W>> List<List<ExecutionTable.Compiled<W>>> groups(List<ExecutionTable.Compiled<W>> all) {
        List<ExecutionTable.Compiled<W>> byWidth = new ArrayList<>(all.stream().filter(c -> !c.halts()).toList());
        byWidth.sort(Comparator.comparingInt((ExecutionTable.Compiled<W> c) -> c.width()).reversed());
        List<List<ExecutionTable.Compiled<W>>> out = new ArrayList<>();
        List<ExecutionTable.Compiled<W>> current = new ArrayList<>();
        int widest = 0;
        for (ExecutionTable.Compiled<W> c : byWidth) {
            if (!current.isEmpty() && c.width() + 1 < SIMILAR * (widest + current.size())) {
                out.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                widest = c.width();
            }
            current.add(c);
        }
        current.addAll(all.stream().filter(ExecutionTable.Compiled::halts).toList());
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out.stream().map(List::copyOf).toList();
    }
}
