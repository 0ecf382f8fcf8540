package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.air.RangeCheck;
import dev.zkjvm.circuit.check.ArgumentIssue;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.witness.RangeBatchColumns;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.circuit.Subjects.Subject;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Section;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One targeted break per named constraint, lookup, range check (each input by its own name, and
 * their batch {@code range16}) and permutation of the machine circuit (the names are read from
 * {@code Cpu64Circuit.circuit().system()}, so a new constraint without a case fails
 * {@link #everyNameHasACase}). Each case starts from an honest trace and either changes the trace
 * (the circuit's generator then derives every column) or changes cells of the generator's MAIN
 * columns and builds the witness honestly (new multiplicities, commitment, challenges and AUX
 * columns), choosing the edit so that every other constraint still holds: the report must name
 * exactly the expected constraints, on a row, and name first the record the edit is at (through
 * the sort permutation for a row of the sorted copy; the later record of a transition).
 *
 * <p>Where a constraint cannot fail alone, the case expects the smallest set and says why. Three
 * cases run on SeedMachine (same constraint names, HEAD layout: the stack starts at cell 0).
 */
@Tag("slow")
class ConstraintTargetTest {
    private static final Subject<U64> CPU = Subjects.cpu64Mixed();
    private static final Subject<U256> SEED = Subjects.seedUnaligned();

    // ---- an editable table -------------------------------------------------------------------

    /** The generator's MAIN columns for a trace, edited in place, then built honestly and checked. */
    static final class Table<W extends Word<W>> {
        final Subject<W> s;
        final Trace<W> trace;
        final MachineCircuit<W> c;
        final WitnessBuilder b;
        final long[][] cols;
        final ConstraintSystem cs;
        final int rows;

        Table(Subject<W> s, Trace<W> trace) {
            this.s = s;
            this.trace = trace;
            this.c = s.circuit();
            this.cs = c.system();
            this.b = c.witnessBuilder(trace);
            this.cols = LocalCheck.columnsOf(b);
            this.rows = c.rowsFor(trace.size());
        }

        long get(String column, int row) {
            return cols[cs.column(column).index()][row];
        }

        Table<W> set(String column, int row, long fieldValue) {
            cols[cs.column(column).index()][row] = fieldValue;
            return this;
        }

        Table<W> add(String column, int row, long delta) {
            return set(column, row, Goldilocks.add(get(column, row), Goldilocks.fromSigned(delta)));
        }

        boolean hasColumn(String column) {
            return cs.columns().stream().anyMatch(c -> c.name().equals(column));
        }

        /** The number of 16-bit limb columns {@code column.limb[i]} (the layout decides it). */
        int limbs(String column) {
            int count = 0;
            while (hasColumn(column + ".limb[" + count + "]")) {
                count++;
            }
            return count;
        }

        /**
         * The value of {@code column} on {@code row}: the column's cell, or, for a value that is no
         * column (the ordering gap, offsets and rooms), the recombination of its limbs.
         */
        long value(String column, int row) {
            if (hasColumn(column)) {
                return get(column, row);
            }
            long v = 0;
            for (int i = limbs(column) - 1; i >= 0; i--) {
                v = Goldilocks.add(Goldilocks.mul(v, 1 << 16), get(column + ".limb[" + i + "]", row));
            }
            return v;
        }

        /**
         * Sets the 16-bit limbs {@code column.limb[i]} to those of {@code v} (which must fit them),
         * and {@code column} too where it is a column.
         */
        Table<W> setWithLimbs(String column, int row, long v) {
            int limbs = limbs(column);
            assertTrue(v >= 0 && v < 1L << (16 * limbs), column + " value " + v + " in " + limbs + " limbs");
            if (hasColumn(column)) {
                set(column, row, v);
            }
            for (int i = 0; i < limbs; i++) {
                set(column + ".limb[" + i + "]", row, (v >>> (16 * i)) & 0xFFFF);
            }
            return this;
        }

        /**
         * Sets the limbs of {@code column} to {@code v} as the witness builder splits any value:
         * 16-bit low limbs, the rest in the top limb (out of range when v does not fit).
         */
        Table<W> setSplit(String column, int row, long v) {
            int top = limbs(column) - 1;
            for (int i = 0; i < top; i++) {
                set(column + ".limb[" + i + "]", row, (v >>> (16 * i)) & 0xFFFF);
            }
            return set(column + ".limb[" + top + "]", row, Goldilocks.fromSigned(v >> (16 * top)));
        }

        /**
         * Makes limb {@code target} of {@code column} leave the 16-bit range while the limbs still
         * recombine to the same value: another limb goes up by one, the target limb down by
         * 2^(16 other) / 2^(16 target) in the field.
         */
        Table<W> limbOutOfRange(String column, int row, int target) {
            int other = -1;
            for (int i = 0; i < limbs(column) && other < 0; i++) {
                if (i != target && get(column + ".limb[" + i + "]", row) < 0xFFFF) {
                    other = i;
                }
            }
            String o = column + ".limb[" + other + "]";
            String t = column + ".limb[" + target + "]";
            assertTrue(get(o, row) < 0xFFFF);
            add(o, row, 1);
            long x = Goldilocks.neg(Goldilocks.mul(1L << (16 * other), Goldilocks.inverse(1L << (16 * target))));
            set(t, row, Goldilocks.add(get(t, row), x));
            assertTrue(Long.compareUnsigned(get(t, row), 1 << 16) >= 0);
            return this;
        }

        /** The record the witness builder's sort put on sorted row {@code k} (its time: times are 0, 1, ...). */
        int recordAtSorted(int k) {
            return (int) get("mem.s.time", k);
        }

        /** The sorted row holding the access of log row {@code row} (times are unique). */
        int sortedRowOf(int row) {
            long t = get("mem.time", row);
            long[] st = cols[cs.column("mem.s.time").index()];
            for (int k = 0; k < rows; k++) {
                if (st[k] == t) {
                    return k;
                }
            }
            throw new AssertionError("no sorted row for log row " + row);
        }

        CheckReport check() {
            return c.check(b.build(), trace, s.mnemonics(), CheckOptions.defaults().withMaxFailures(50));
        }
    }

    static <W extends Word<W>> Table<W> table(Subject<W> s) {
        return new Table<>(s, s.trace());
    }

    static <W extends Word<W>> Table<W> table(Subject<W> s, Function<TraceEdits<W>, TraceEdits<W>> edit) {
        return new Table<>(s, edit.apply(TraceEdits.of(s.trace())).build());
    }

    // ---- trace searches ------------------------------------------------------------------------

    static <W extends Word<W>> long cell(Trace<W> t, int i, MemoryLayout layout) {
        return t.address(i) / layout.wordSize();
    }

    /** First record (after {@code from}) matching {@code p}. */
    static <W extends Word<W>> int find(Trace<W> t, int from, java.util.function.IntPredicate p) {
        for (int i = from; i < t.size(); i++) {
            if (p.test(i)) {
                return i;
            }
        }
        throw new AssertionError("no record found");
    }

    /** Whether an earlier record accessed the cell of record {@code i}. */
    static <W extends Word<W>> boolean touchedBefore(Trace<W> t, int i) {
        for (int j = 0; j < i; j++) {
            if (t.address(j) == t.address(i)) {
                return true;
            }
        }
        return false;
    }

    /** The next access to the cell of record {@code i}, or -1. */
    static <W extends Word<W>> int nextAccess(Trace<W> t, int i) {
        for (int j = i + 1; j < t.size(); j++) {
            if (t.address(j) == t.address(i)) {
                return j;
            }
        }
        return -1;
    }

    /** The value of byte address {@code address} just before record {@code i} (zero if never written). */
    static <W extends Word<W>> long[] valueBefore(Trace<W> t, int i, long address) {
        long[] v = new long[t.wordType().limbs()];
        for (int j = 0; j < i; j++) {
            if (t.address(j) == address && t.flag(j) == 1) {
                for (int l = 0; l < v.length; l++) {
                    v[l] = t.valueLimb(j, l);
                }
            }
        }
        return v;
    }

    static <W extends Word<W>> TraceEdits.Rec read(Trace<W> t, int before, long address, long[] value, boolean second) {
        return new TraceEdits.Rec(0, before == 0 ? 0 : t.stackDepth(before - 1), second ? Trace.SECOND_CELL_BIT : 0,
                address, value, -1, -1);
    }

    /** A write whose value nothing reads again (the next access to its cell is a write, or none), not cell 0. */
    static <W extends Word<W>> int deadWrite(Trace<W> t, MemoryLayout layout) {
        return find(t, 1, i -> {
            if (t.flag(i) != 1 || cell(t, i, layout) == layout.memory().firstCell()) {
                return false;
            }
            int next = nextAccess(t, i);
            return next < 0 || t.flag(next) == 1;
        });
    }

    static boolean isStack(MemoryLayout l, long cell) {
        return l.stack().containsCell(cell);
    }

    // ---- the cases -----------------------------------------------------------------------------

    /** No record is named: the break is a count of a table value, which no record holds. */
    static final int NO_RECORD = -1;

    /**
     * A targeted break: the table to check, the exact set of constraint names it must fail, and the
     * record (index into the trace, or a padding row of the log) whose access the report must name
     * first: the record the failing row of the failing table holds, through the sort permutation for
     * the sorted copy, the later of two records for a transition.
     */
    record Case(Table<?> table, Set<String> expected, String why, int named) {
        Case naming(int record) {
            return new Case(table, expected, why, record);
        }
    }

    /**
     * Claims the memory access of {@code row} as a register access: selectors moved, offset and room
     * set to what the register section implies for the row's cell (one limb each).
     */
    static Table<U64> registerClaim(Table<U64> x, MemoryLayout l, int row) {
        long offset = x.value("mem.cell", row) - l.registers().firstCell();
        return x.set("vm.sel.memory", row, 0).set("vm.sel.registers", row, 1)
                .set("vm.offset.limb[0]", row, Goldilocks.fromSigned(offset))
                .set("vm.room.limb[0]", row, Goldilocks.fromSigned(l.registers().cells() - 1 - offset));
    }

    static Case exactly(Table<?> t, String... names) {
        return new Case(t, new TreeSet<>(List.of(names)), null, NO_RECORD);
    }

    static Case minimal(Table<?> t, String why, String... names) {
        return new Case(t, new TreeSet<>(List.of(names)), why, NO_RECORD);
    }

    /** How a report starts naming record {@code r} of {@code x}'s trace (or the padding read at row r). */
    static String nameOf(Table<?> x, int r) {
        return r < x.trace.size() ? "record " + r + " (" : "padding read at row " + r + " ";
    }

    /** The first description of a record in a report: of its first detailed failure, else of an issue. */
    static String firstNamed(CheckReport r) {
        return Stream.concat(r.failures().stream().map(Failure::context),
                r.argumentIssues().stream().map(ArgumentIssue::context))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Every case by constraint (or argument) name. */
    static Map<String, java.util.function.Supplier<Case>> cases() {
        Map<String, java.util.function.Supplier<Case>> m = new LinkedHashMap<>();
        Trace<U64> t = CPU.trace();
        MemoryLayout l = CPU.circuit().layout();
        int ws = l.wordSize();
        int n = t.size();
        int pad = Cpu64Circuit.circuit().rowsFor(n) / 2;   // a padding row: a read of memory cell 0
        ConstraintSystem cs = CPU.circuit().system();
        int valueLimbs = (int) cs.columns().stream().filter(c -> c.name().matches("mem\\.v\\[\\d+]")).count();

        // -- the time-ordered log
        m.put("mem.time.first", () -> {
            Table<U64> x = table(CPU);
            for (int r = 0; r < x.rows; r++) {      // every time one later: steps hold, row 0 is not 0
                x.add("mem.time", r, 1).add("mem.s.time", r, 1);
            }
            return exactly(x, "mem.time.first").naming(0);
        });
        m.put("mem.time.step", () -> {
            int i = find(t, 1, k -> k + 1 < n && cell(t, k, l) != cell(t, k + 1, l));
            return exactly(table(CPU, e -> e.time(i, i + 1).time(i + 1, i)), "mem.time.step").naming(i);
        });
        m.put("mem.rw.bool", () -> {
            // a register read that is not the first access to its register; rw = 2 on both copies
            int i = find(t, 1, k -> t.flag(k) == 0 && l.registers().containsCell(cell(t, k, l)) && touchedBefore(t, k)
                    && !t.secondCell(k) && !t.secondCell(k + 1));
            Table<U64> x = table(CPU);
            return exactly(x.set("mem.rw", i, 2).set("mem.s.rw", x.sortedRowOf(i), 2), "mem.rw.bool").naming(i);
        });
        for (int j = 0; j < valueLimbs; j++) {
            int limb = j;
            m.put("mem.v[" + j + "].range", () -> {
                // a 17-bit limb in a write that nothing reads again, on both copies
                int i = deadWrite(t, l);
                Table<U64> x = table(CPU);
                int k = x.sortedRowOf(i);
                x.add("mem.v[" + limb + "]", i, 1 << 16).add("mem.s.v[" + limb + "]", k, 1 << 16);
                return exactly(x, "range16.last").naming(i);
            });
        }

        // -- the batch of all 16-bit range checks (each input above has its own case)
        m.put("range16", () -> {
            // one more look-up of the value 5 claimed: the sum no longer balances
            Table<U64> x = table(CPU);
            RangeBatch batch = cs.rangeBatches().get(0);
            long[] counts = RangeBatchColumns.multiplicities(batch, x.cols, x.rows);
            counts[5] = Goldilocks.add(counts[5], 1);
            x.b.set(batch.multiplicity(), counts);
            return exactly(x, "range16.last");     // a count of a table value: no record to name
        });

        // -- the sorted copy
        m.put("mem.s.same.bool", () -> {
            Table<U64> x = table(CPU);
            int k = sortedRow(x, r -> x.get("mem.s.same", r) == 1 && x.get("mem.s.rw", r) == 1
                    && x.get("mem.s.time", r) - x.get("mem.s.time", r - 1) >= 2);
            long gap = x.get("mem.s.time", k) - x.get("mem.s.time", k - 1) - 1;
            // delta = same * gap + (1 - same) * (cell gap = -1) with same = 2
            x.set("mem.s.same", k, 2).setWithLimbs("mem.s.delta", k, 2 * gap + 1);
            return exactly(x, "mem.s.same.bool").naming(x.recordAtSorted(k));
        });
        m.put("mem.s.same.first", () -> {
            Table<U64> x = table(CPU);
            return exactly(x.set("mem.s.same", 0, 1), "mem.s.same.first").naming(x.recordAtSorted(0));
        });
        m.put("mem.s.delta.first", () -> {
            Table<U64> x = table(CPU);
            return exactly(x.setWithLimbs("mem.s.delta", 0, 1), "mem.s.delta.first").naming(x.recordAtSorted(0));
        });
        m.put("mem.s.same.cell", () -> {
            // claim "same cell" at the first (write) access of a cell that comes later than the last
            // access of the previous cell, with the time gap as delta
            Table<U64> x = table(CPU);
            int k = sortedRow(x, r -> x.get("mem.s.same", r) == 0 && x.get("mem.s.rw", r) == 1
                    && x.get("mem.s.time", r) > x.get("mem.s.time", r - 1));
            x.set("mem.s.same", k, 1).setWithLimbs("mem.s.delta", k,
                    x.get("mem.s.time", k) - x.get("mem.s.time", k - 1) - 1);
            return exactly(x, "mem.s.same.cell").naming(x.recordAtSorted(k));
        });
        m.put("mem.s.delta.order", () -> {
            Table<U64> x = table(CPU);
            return exactly(x.setWithLimbs("mem.s.delta", 5, x.value("mem.s.delta", 5) + 1), "mem.s.delta.order")
                    .naming(x.recordAtSorted(5));
        });
        for (int i = 0; i < table(CPU).limbs("mem.s.delta"); i++) {
            int limb = i;
            m.put("mem.s.delta.limb[" + i + "].range", () -> {
                Table<U64> x = table(CPU);
                return exactly(x.limbOutOfRange("mem.s.delta", pad, limb), "range16.last").naming(x.recordAtSorted(pad));
            });
        }
        for (int j = 0; j < valueLimbs; j++) {
            int limb = j;
            m.put("mem.s.read[" + j + "]", () -> {
                // a read (not the first access of its cell) returns another value in 16-bit limb j
                int i = find(t, 1, k -> t.flag(k) == 0 && touchedBefore(t, k));
                long delta = ((t.valueLimb(i, limb / 4) >>> (16 * (limb % 4))) & 0xFFFF) == 0xFFFF ? -1 : 1;
                long v = t.valueLimb(i, limb / 4) + (delta << (16 * (limb % 4)));
                return exactly(table(CPU, e -> e.valueLimb(i, limb / 4, v)), "mem.s.read[" + limb + "]").naming(i);
            });
            m.put("mem.s.first_read_zero[" + j + "]", () -> {
                // a fabricated read of a never-written memory cell that returns a non-zero limb j
                long[] v = new long[t.wordType().limbs()];
                v[limb / 4] = 1L << (16 * (limb % 4));
                // not just before the second record of an unaligned access, which must follow its first
                int at = find(t, n / 2, k -> !t.secondCell(k));
                return exactly(table(CPU, e -> e.insert(at, read(t, at, 1000L * ws, v, false)).renumberTimes()),
                        "mem.s.first_read_zero[" + limb + "]").naming(at);
            });
            m.put("mem.s.first_read_zero[" + j + "].row0", () -> {
                // the same at the start: the read becomes sorted row 0 (cell 0 is the smallest cell)
                long[] v = new long[t.wordType().limbs()];
                v[limb / 4] = 1L << (16 * (limb % 4));
                return exactly(table(CPU, e -> e.insert(0, read(t, 0, 0, v, false)).renumberTimes()),
                        "mem.s.first_read_zero[" + limb + "].row0").naming(0);
            });
        }
        m.put("mem.perm", () -> {
            // the sorted copy of a dead write holds another value: only the permutation sees it
            int i = deadWrite(t, l);
            Table<U64> x = table(CPU);
            int k = x.sortedRowOf(i);
            x.set("mem.s.v[0]", k, x.get("mem.s.v[0]", k) ^ 1);
            return exactly(x, "mem.perm.last").naming(i);
        });

        // -- sections and selectors
        m.put("vm.sel.memory.bool", () -> minimal(table(CPU).set("vm.sel.memory", pad, 2)
                        .setSplit("vm.room", pad, 2 * (l.memory().cells() - 1)),
                "a non-boolean selector keeps the sum 1 only as -1 next to two selectors 1, which turns the "
                        + "stack rules on for a row that is no stack access; 2 is caught by vm.sel.one as well, and "
                        + "the doubled end of Cpu64's memory, 2 (2^16 - 1), does not fit the room's one limb",
                "vm.sel.memory.bool", "vm.sel.one", "range16.last").naming(pad));
        m.put("vm.sel.stack.bool", () -> {
            // SeedMachine (HEAD: the stack starts at cell 0, so the offset still holds with 2)
            Trace<U256> st = SEED.trace();
            MemoryLayout sl = SEED.circuit().layout();
            int i = find(st, 1, k -> isStack(sl, cell(st, k, sl)));
            Table<U256> x = table(SEED);
            x.set("vm.sel.stack", i, 2).setWithLimbs("vm.room", i, 2 * (sl.stack().cells() - 1) - x.value("vm.offset", i));
            return minimal(x, "besides vm.sel.one (see vm.sel.memory.bool), a stack selector of 2 doubles the "
                    + "depth move the row must make; the depth cannot follow without breaking the next step",
                    "vm.sel.stack.bool", "vm.sel.one", "vm.stack.depth.step").naming(i);
        });
        m.put("vm.sel.registers.bool", () -> {
            // SeedMachine: a memory access at a cell in [2 first, 2 first + 2 (size - 1)] of the
            // registers is an offset in range for a register selector of 2
            Trace<U256> st = SEED.trace();
            MemoryLayout sl = SEED.circuit().layout();
            Section regs = sl.registers();
            int i = find(st, 1, k -> {
                long c = cell(st, k, sl);
                return sl.memory().containsCell(c) && c >= 2 * regs.firstCell()
                        && c - 2 * regs.firstCell() <= 2 * (regs.cells() - 1) && !st.secondCell(k)
                        && (k + 1 >= st.size() || !st.secondCell(k + 1));
            });
            Table<U256> x = table(SEED);
            long off = cell(st, i, sl) - 2 * regs.firstCell();
            x.set("vm.sel.memory", i, 0).set("vm.sel.registers", i, 2).setWithLimbs("vm.offset", i, off)
                    .setWithLimbs("vm.room", i, 2 * (regs.cells() - 1) - off);
            return minimal(x, "a non-boolean selector cannot keep the sum 1 (see vm.sel.memory.bool)",
                    "vm.sel.registers.bool", "vm.sel.one").naming(i);
        });
        m.put("vm.sel.one", () -> exactly(table(CPU).set("vm.sel.memory", pad, 0).setWithLimbs("vm.room", pad, 0),
                "vm.sel.one").naming(pad));
        m.put("vm.address.cell", () -> exactly(table(CPU, e -> e.address(2, t.address(2) + 1)), "vm.address.cell")
                .naming(2));
        m.put("vm.section.offset", () -> {
            int i = find(t, 0, k -> !isStack(l, cell(t, k, l)));
            Table<U64> x = table(CPU);
            x.setWithLimbs("vm.offset", i, x.value("vm.offset", i) + 1).setWithLimbs("vm.room", i, x.value("vm.room", i) - 1);
            return exactly(x, "vm.section.offset").naming(i);
        });
        m.put("vm.section.room", () -> {
            Table<U64> x = table(CPU);
            return exactly(x.setWithLimbs("vm.room", 0, x.value("vm.room", 0) + 1), "vm.section.room").naming(0);
        });
        int sectionLimbs = table(CPU).limbs("vm.offset");
        for (int i = 0; i < sectionLimbs; i++) {
            int limb = i;
            if (sectionLimbs > 1) {
                m.put("vm.offset.limb[" + i + "].range", () -> exactly(table(CPU).limbOutOfRange("vm.offset", pad, limb),
                        "range16.last").naming(pad));
                m.put("vm.room.limb[" + i + "].range", () -> exactly(table(CPU).limbOutOfRange("vm.room", pad, limb),
                        "range16.last").naming(pad));
            } else {
                // One limb holds the whole offset, so no limb can leave its range while the value
                // stays; and offset + room is the section's size - 1, so a negative offset makes the
                // room too large. The padding row's access to memory cell 0 claimed as a register
                // access: offset 0 - first register (negative), room 3 + first register (17 bits),
                // both inputs of the one batch fail, every other constraint holds.
                m.put("vm.offset.limb[0].range", () -> exactly(registerClaim(table(CPU), l, pad), "range16.last")
                        .naming(pad));
                m.put("vm.room.limb[0].range", () -> exactly(registerClaim(table(CPU), l, pad), "range16.last")
                        .naming(pad));
            }
        }

        // -- the stack
        m.put("vm.stack.slot", () -> {
            // a pop reads the slot above the one its depth implies (and returns that slot's value)
            int i = find(t, 1, k -> t.flag(k) == 0 && isStack(l, cell(t, k, l)));
            long above = t.address(i) + ws;
            long[] v = valueBefore(t, i, above);
            return exactly(table(CPU, e -> e.address(i, above).value(i, v)), "vm.stack.slot").naming(i);
        });
        m.put("vm.stack.depth.first", () -> exactly(table(CPU, e -> {
            // the whole stack one slot higher, every depth one more: only the start is wrong
            for (int i = 0; i < n; i++) {
                e.depth(i, t.stackDepth(i) + 1);
                if (isStack(l, cell(t, i, l))) {
                    e.address(i, t.address(i) + ws);
                }
            }
            return e;
        }), "vm.stack.depth.first").naming(0));
        m.put("vm.stack.depth.step", () -> {
            int i = find(t, 1, k -> !isStack(l, cell(t, k, l)));
            return exactly(table(CPU, e -> e.depth(i, t.stackDepth(i) + 1)), "vm.stack.depth.step").naming(i);
        });

        // -- double-cell accesses
        m.put("vm.second_cell.bool", () -> {
            int i = find(t, 1, t::secondCell);
            return exactly(table(CPU).set("vm.second_cell", i, 2), "vm.second_cell.bool").naming(i);
        });
        m.put("vm.second_cell.first", () -> exactly(table(CPU, e -> e.secondCell(0, true)), "vm.second_cell.first")
                .naming(0));
        m.put("vm.second_cell.next_cell", () -> exactly(table(CPU).set("vm.second_cell", pad, 1),
                "vm.second_cell.next_cell").naming(pad));   // two padding reads of one cell: same kind, memory, not the next cell
        m.put("vm.second_cell.same_kind", () -> {
            // after a memory write, a "second cell" that reads the next cell (with its right value)
            int i = find(t, 0, k -> t.flag(k) == 1 && l.memory().containsCell(cell(t, k, l) + 1)
                    && l.memory().containsCell(cell(t, k, l)) && !t.secondCell(k));
            long next = t.address(i) + ws;
            return exactly(table(CPU, e -> e.insert(i + 1, read(t, i + 1, next, valueBefore(t, i + 1, next), true))
                    .renumberTimes()), "vm.second_cell.same_kind").naming(i + 1);
        });
        m.put("vm.second_cell.memory", () -> {
            // after a register read, a "second cell" that reads the next register (right value)
            int i = find(t, 0, k -> t.flag(k) == 0 && l.registers().containsCell(cell(t, k, l))
                    && l.registers().containsCell(cell(t, k, l) + 1));
            long next = t.address(i) + ws;
            return exactly(table(CPU, e -> e.insert(i + 1, read(t, i + 1, next, valueBefore(t, i + 1, next), true))
                    .renumberTimes()), "vm.second_cell.memory").naming(i + 1);
        });
        return m;
    }

    static int sortedRow(Table<?> x, java.util.function.IntPredicate p) {
        for (int r = 1; r < x.rows; r++) {
            if (p.test(r)) {
                return r;
            }
        }
        throw new AssertionError("no sorted row found");
    }

    /**
     * Constraint names, with the constraints of each lookup, range batch and permutation replaced by
     * its name, and the name of every range check input of a batch.
     */
    static Set<String> targets(ConstraintSystem cs) {
        Set<String> out = new LinkedHashSet<>();
        for (Constraint c : cs.constraints()) {
            out.add(c.argument() != null ? c.argument() : c.name());
        }
        for (RangeCheck rc : cs.rangeChecks()) {
            out.add(rc.name());
        }
        return out;
    }

    @Test
    void everyNameHasACase() {
        ConstraintSystem cs = Cpu64Circuit.circuit().system();
        Set<String> missing = new TreeSet<>(targets(cs));
        missing.removeAll(cases().keySet());
        assertEquals(Set.of(), missing, "constraints without a targeted break");
        Set<String> unknown = new TreeSet<>(cases().keySet());
        unknown.removeAll(targets(cs));
        assertEquals(Set.of(), unknown, "cases for constraints that no longer exist");
        assertTrue(CPU.circuit().check(CPU.trace(), CPU.mnemonics()).isSatisfied());
        assertTrue(SEED.circuit().check(SEED.trace(), SEED.mnemonics()).isSatisfied());
    }

    @TestFactory
    Stream<DynamicTest> eachConstraintBreaksAlone() {
        ConstraintSystem cpu = Cpu64Circuit.circuit().system();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, java.util.function.Supplier<Case>> e : cases().entrySet()) {
            String name = e.getKey();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Case c = e.getValue().get();
                CheckReport r = c.table().check();
                assertEquals(c.expected(), new TreeSet<>(r.failingConstraintNames()),
                        name + (c.why() != null ? " (minimal set: " + c.why() + ")" : "") + "\n" + r);
                assertFalse(r.failures().isEmpty());
                for (Failure f : r.failures()) {
                    assertTrue(f.row() >= 0 && f.row() < r.rows());
                    // a row of a table of the trace is described; an argument's own last-row sum is not
                    assertTrue(f.argument() != null || f.context() != null, "context of " + f);
                    assertTrue(r.toString().contains(f.constraint() + " failed at row " + f.row()), r::toString);
                }
                if (c.named() != NO_RECORD) {
                    String named = firstNamed(r);
                    assertNotNull(named, () -> name + " names no record:\n" + r);
                    assertTrue(named.startsWith(nameOf(c.table(), c.named())),
                            () -> name + ": expected " + nameOf(c.table(), c.named()) + "..., named " + named + "\n" + r);
                }
                ConstraintSystem cs = c.table().cs;
                Lookup lookup = cs.lookups().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                Permutation perm = cs.permutations().stream().filter(x -> x.name().equals(name)).findFirst()
                        .orElse(null);
                RangeBatch batch = cs.rangeBatches().stream().filter(x -> x.name().equals(name)).findFirst()
                        .orElse(null);
                RangeCheck range = cs.rangeChecks().stream().filter(x -> x.name().equals(name)).findFirst()
                        .orElse(null);
                if (lookup != null || perm != null || batch != null || range != null) {
                    // a range check input fails its batch's constraints; the issue names the input
                    String argument = range != null ? "range" + range.bits() : name;
                    for (String f : r.failingConstraintNames()) {
                        assertEquals(argument, cs.constraint(f).argument(), f + " belongs to " + argument);
                    }
                    List<ArgumentIssue> issues = r.argumentIssues();
                    assertTrue(issues.stream().anyMatch(i -> i.argument().equals(name) && i.row() >= 0),
                            "an issue names " + name + ": " + issues);
                    assertTrue(r.toString().contains(name), r::toString);
                } else {
                    assertTrue(c.expected().contains(name));
                    assertTrue(cs.constraint(name) != null && cpu.constraint(name) != null);
                }
            }));
        }
        return tests.stream();
    }

    /**
     * The report names the constraint, the row, the cells it read and the access at that row (its
     * record, time, address, step and instruction); the record check names the record too, since no
     * machine stores an address that is not a cell's first byte.
     */
    @Test
    void reportNamesConstraintRowCellsAndAccess() {
        Trace<U64> t = CPU.trace();
        int i = find(t, 1, k -> t.opcode(k) >= 0 && t.step(k) > 0);
        long bad = t.address(i) + 1;
        Table<U64> x = table(CPU, e -> e.address(i, bad));
        CheckReport r = x.check();
        assertEquals(Set.of("vm.address.cell"), r.failingConstraintNames());
        Failure f = r.failures().get(0);
        assertEquals("vm.address.cell", f.constraint());
        assertEquals(i, f.row());
        assertEquals(bad, f.cells().get("vm.address"));
        assertEquals(t.address(i) / 8, f.cells().get("mem.cell"));
        String mnemonic = CPU.mnemonics().apply(t.opcode(i));
        String access = "record " + i + " (t=" + t.time(i) + ", " + (t.flag(i) == 1 ? "write" : "read") + ", address "
                + bad + " (not a cell's first byte), value " + t.value(i) + "; step " + t.step(i) + ": " + mnemonic + ")";
        assertEquals(access, f.context());
        String text = r.toString();
        assertTrue(text.contains("vm.address.cell failed at row " + i + " (" + access + ")"), text);
        assertTrue(text.contains("vm.address = " + bad), text);
        assertTrue(text.contains("mem.cell = " + t.address(i) / 8), text);
        assertTrue(text.contains("vm.address - mem.cell * 8"), text);
        assertEquals(Set.of(dev.zkjvm.circuit.machine.TraceRecordCheck.ADDRESS_ALIGNED), r.failingRecordChecks(), text);
        assertEquals(i, r.recordIssues().get(0).record());
        assertEquals(t.step(i), r.recordIssues().get(0).step());
        assertEquals(access, r.recordIssues().get(0).context());
    }

    /**
     * A cell in the buffer zone after memory: the witness gives it the memory selector, offset 65540
     * and room -5, split into limbs that recombine to -5 with the rest in the top limb (-5 itself
     * with Cpu64's one limb, as a field element), so the report names the range check of that limb,
     * on that row.
     */
    @Test
    void aCellOutsideEverySectionIsNamedByTheRangeCheckOfItsLimb() {
        Trace<U64> t = CPU.trace();
        MemoryLayout l = CPU.circuit().layout();
        long buffer = l.memory().firstCell() + l.memory().cells() + 4;
        assertFalse(l.stack().containsCell(buffer) || l.registers().containsCell(buffer) || l.memory().containsCell(buffer));
        int i = find(t, 1, k -> t.flag(k) == 1 && l.memory().containsCell(cell(t, k, l)) && !t.secondCell(k)
                && (k + 1 >= t.size() || !t.secondCell(k + 1)) && nextAccess(t, k) < 0);
        Table<U64> x = table(CPU, e -> e.address(i, buffer * l.wordSize()));
        assertEquals(Goldilocks.fromSigned(-5), x.value("vm.room", i));
        int top = x.limbs("vm.room") - 1;
        assertEquals(Goldilocks.fromSigned(-5L >> (16 * top)), x.get("vm.room.limb[" + top + "]", i));
        CheckReport r = x.check();
        assertEquals(Set.of("range16.last"), r.failingConstraintNames(), r.toString());
        assertTrue(r.argumentIssues().stream().anyMatch(is -> is.argument().equals("vm.room.limb[" + top + "].range")
                && is.row() == i && is.context().startsWith("record " + i + " (")), r::toString);
        assertEquals(Set.of(dev.zkjvm.circuit.machine.TraceRecordCheck.CELL_IN_SECTION), r.failingRecordChecks(),
                r.toString());
        assertEquals(i, r.recordIssues().get(0).record(), r.toString());
    }

    /**
     * The permutation's step, which the checker evaluates apart from the compiled programs
     * ({@code PermutationSteps}): a changed cell of the grand product z of an honest Cpu64 witness is
     * reported by the step from the row before and from its own row, with the cells and the access.
     */
    @Test
    void aChangedGrandProductCellIsNamedByThePermutationStep() {
        Trace<U64> t = CPU.trace();
        MachineCircuit<U64> c = CPU.circuit();
        dev.zkjvm.circuit.witness.Witness w = c.witness(t);
        Permutation perm = c.system().permutations().get(0);
        int row = 7;
        w.set(perm.product().c1(), row, Goldilocks.add(w.get(perm.product().c1(), row), 1));
        CheckReport r = c.check(w, t, CPU.mnemonics(), CheckOptions.defaults());
        assertEquals(Set.of("mem.perm.step"), r.failingConstraintNames(), r.toString());
        assertEquals(List.of(row - 1, row), r.failures().stream().map(Failure::row).toList(), r.toString());
        Failure f = r.failures().get(0);
        assertEquals(w.get(perm.product().c1(), row), f.cells().get("mem.perm.z.1'"));
        assertEquals(w.get(c.memory().sortedCell, row), f.cells().get("mem.s.cell'"));
        // the step from row - 1 multiplies in the factors of row: both copies of that row are named
        assertTrue(f.context().contains("record " + row + " (t=" + t.time(row) + ","), r.toString());
        assertTrue(r.toString().contains("mem.perm.step failed at row " + (row - 1)), r.toString());
    }
}
