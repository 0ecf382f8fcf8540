package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.exec.InstructionTables;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.check.RowFailure;
import dev.zkjvm.circuit.tables.check.TableCheckOptions;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.check.UnmatchedTuple;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One targeted change per structural constraint of the execution tables (every constraint of an
 * {@code exec.*} table that is not an instruction body's own): the change is made to the tables of
 * an honest run, and the exact check must fail the targeted constraint on the changed row, no other
 * row constraint except those listed, and no bus except those listed. Where one change cannot
 * break a constraint alone the list is the smallest set found, and docs/constraints.md says why.
 */
class ExecutionTablesConstraintTargetTest {
    /** Two runs: the first ends by running off its end, the second by {@code halt}. */
    private static final String FIRST = ExecutionConstraintTargetTest.LOADER;
    private static final String SECOND = """
            push 3
            pop
            call sub
            get a
            pop
            get a
            push 0
            jz tail
            sub: push 5
            pop
            ret
            tail: push 40
            load
            pop
            push 8
            load
            jmp fin
            fin: jmp mid
            mid: jmp end
            end: halt
            """;

    private final MachineCircuit<U64> circuit;
    private final Trace<U64> trace;

    ExecutionTablesConstraintTargetTest() {
        Cpu64Machine vm = Cpu64Machine.create();
        List<Cpu64Program> runs = Stream.of(FIRST, SECOND).map(Cpu64Assembler::parse).toList();
        runs.forEach(vm::run);
        circuit = Cpu64Circuit.circuit(runs);
        trace = vm.trace();
    }

    private SystemTrace tables() {
        return circuit.tablesTrace(trace);
    }

    private List<Table> executionTables(SystemTrace t) {
        return t.system().tables().stream().filter(x -> x.name().startsWith("exec.")
                && !x.name().equals(InstructionTables.FINAL_TABLE)).toList();
    }

    private static Column col(Table t, String suffix) {
        return t.air().column(t.name() + "." + suffix);
    }

    private static long at(SystemTrace s, Table t, String suffix, int row) {
        return s.column(t, col(t, suffix))[row];
    }

    /** The row flags of a table: {@code .active}, or one {@code .is.<label>} per instruction. */
    private static List<Column> flags(Table t) {
        return t.columns().stream().filter(c -> c.name().equals(t.name() + ".active")
                || c.name().startsWith(t.name() + ".is.")).toList();
    }

    /** The first row of {@code t} that runs a step and satisfies {@code p}, or -1. */
    private static int row(SystemTrace s, Table t, Predicate<Integer> p) {
        for (int r = 0; r < s.height(t); r++) {
            int row = r;
            if (flags(t).stream().anyMatch(f -> s.column(t, f)[row] == 1) && p.test(r)) {
                return r;
            }
        }
        return -1;
    }

    /** The row of {@code t} whose {@code flag} is set. */
    private static int rowWhere(SystemTrace s, Table t, Column flag) {
        long[] v = s.column(t, flag);
        for (int r = 0; r < v.length; r++) {
            if (v[r] == 1) {
                return r;
            }
        }
        throw new AssertionError("no row of " + t.name() + " sets " + flag.name());
    }

    /** The first row of {@code t} that runs no step, or -1 (a full table). */
    private static int padding(SystemTrace s, Table t) {
        for (int r = 0; r < s.height(t); r++) {
            int row = r;
            boolean fin = t.columns().stream().anyMatch(c -> c.name().equals(t.name() + ".final")
                    && s.column(t, c)[row] == 1);
            if (!fin && flags(t).stream().allMatch(f -> s.column(t, f)[row] == 0)) {
                return r;
            }
        }
        return -1;
    }

    private record Outcome(Set<String> constraints, Set<String> buses, boolean atRow) {
    }

    private Outcome check(SystemTrace s, Table t, String target, int row) {
        TableSystemReport r = new TableSystemChecker(s.system()).check(s, circuit.tablesStatement(trace),
                new TableCheckOptions(10_000, 8, 1));
        Set<String> failing = new TreeSet<>();
        boolean atRow = false;
        for (RowFailure f : r.rowFailures()) {
            failing.add(f.failure().constraint());
            atRow |= f.table().equals(t.name()) && f.failure().constraint().equals(target)
                    && f.failure().row() == row;
        }
        Set<String> buses = r.unmatched().stream().map(UnmatchedTuple::bus).collect(Collectors.toCollection(TreeSet::new));
        return new Outcome(failing, buses, atRow);
    }

    private final List<String> checked = new ArrayList<>();

    private void expect(Table t, String constraint, int row, java.util.function.Consumer<SystemTrace> edit,
            SystemTrace s, Set<String> also, Set<String> buses) {
        assertTrue(row >= 0, t.name() + ": no row for " + constraint);
        edit.accept(s);
        Outcome o = check(s, t, constraint, row);
        Set<String> want = new TreeSet<>(also);
        want.add(constraint);
        assertTrue(o.atRow(), constraint + " at row " + row + " of " + t.name() + ": " + o);
        assertEquals(want, o.constraints(), constraint + " in " + t.name());
        assertEquals(new TreeSet<>(buses), o.buses(), constraint + " in " + t.name() + ": unbalanced buses");
        checked.add(constraint);
    }

    /**
     * The targeted constraint fails at the row, and every other failing constraint is a flag's,
     * the table's one-instruction rule, the rule that a running step's at_end flag says whether it
     * ran off its run, or a constraint of the flagged instructions' bodies (which a row that is not
     * theirs breaks): a flag cannot be broken without running some body on that row.
     */
    private void expectAmong(SystemTrace s, Table t, String constraint, int row, List<Column> flagged) {
        Outcome o = check(s, t, constraint, row);
        assertTrue(o.atRow(), constraint + " at row " + row + ": " + o);
        for (String c : o.constraints()) {
            boolean allowed = c.equals(t.name() + ".one_instruction") || c.equals(t.name() + ".at_end.witness")
                    || c.endsWith(".bool")
                    && c.startsWith(t.name() + ".") || flagged.stream().anyMatch(f -> c.startsWith("exec."
                    + label(t, f) + "."));
            assertTrue(allowed, constraint + ": " + c + " fails too: " + o);
        }
        checked.add(constraint);
    }

    private static String label(Table t, Column flag) {
        return flag.name().endsWith(".active") ? t.name().substring("exec.".length())
                : flag.name().substring((t.name() + ".is.").length());
    }

    private static void add(SystemTrace s, Table t, Column c, int row, long delta) {
        s.set(t, c, row, Goldilocks.add(s.column(t, c)[row], Goldilocks.fromSigned(delta)));
    }

    @Test
    void everyStructuralConstraintOfTheExecutionTablesHasATargetedChange() {
        SystemTrace base = tables();
        Set<String> structural = new TreeSet<>();
        for (Table t : executionTables(base)) {
            for (Constraint c : t.air().constraints()) {
                if (c.name().startsWith(t.name() + ".")) {
                    structural.add(c.name());
                }
            }
        }
        for (Table t : executionTables(base)) {
            String n = t.name();
            List<Column> flags = flags(t);
            boolean group = flags.size() > 1;
            // a flag that is neither 0 nor 1: on a padding row, as the flag of an instruction with no
            // constraint the zero row breaks, else with that instruction's constraints
            for (Column f : flags) {
                SystemTrace s = tables();
                int r = padding(s, t);
                if (r < 0) {
                    continue;
                }
                s.set(t, f, r, Goldilocks.fromSigned(-1));
                Column other = null;
                if (group) {
                    // another flag 2 keeps the row's sum of flags at 1: one instruction
                    other = flags.get(flags.get(0).equals(f) ? 1 : 0);
                    s.set(t, other, r, 2);
                }
                expectAmong(s, t, f.name() + ".bool", r, group ? List.of(f, other) : List.of(f));
            }
            if (t.columns().stream().anyMatch(c -> c.name().equals(n + ".final"))) {
                // the final state's row: a flag of 2 receives it twice, and counts as two kinds of row
                Column fin = col(t, "final");
                SystemTrace s = tables();
                int r = rowWhere(s, t, fin);
                expect(t, n + ".final.bool", r, x -> x.set(t, fin, r, 2), s, Set.of(n + ".one_instruction"),
                        Set.of(InstructionTables.STATE_BUS));
                if (!group) {
                    // a step's flag on the final state's row too
                    SystemTrace s2 = tables();
                    s2.set(t, flags.get(0), r, 1);
                    expectAmong(s2, t, n + ".one_instruction", r, flags);
                }
            }
            if (group) {
                // two instructions on one row
                SystemTrace s = tables();
                int r = padding(s, t);
                if (r >= 0) {
                    s.set(t, flags.get(0), r, 1);
                    s.set(t, flags.get(1), r, 1);
                    expectAmong(s, t, n + ".one_instruction", r, flags.subList(0, 2));
                }
            }
            for (Column used : t.columns().stream().filter(c -> c.name().matches(java.util.regex.Pattern.quote(n)
                    + "\\.slot\\[\\d+]\\.used")).toList()) {
                String slot = used.name().substring(0, used.name().length() - ".used".length());
                SystemTrace s = tables();
                int r = padding(s, t);
                if (r < 0) {
                    continue;
                }
                expect(t, slot + ".unused", r, x -> x.set(t, used, r, 1), s, Set.of(),
                        Set.of(InstructionTables.MEMORY_BUS));
            }
            if (t.columns().stream().anyMatch(c -> c.name().equals(n + ".at_end"))) {
                Column atEnd = col(t, "at_end");
                Column inverse = col(t, "at_end.inverse");
                // a step that does not end its run: at_end 0, its inverse the gap's
                SystemTrace s = tables();
                int mid = row(s, t, r -> at(s, t, "at_end", r) == 0 && flags.stream().anyMatch(f ->
                        s.column(t, f)[r] == 1 && !f.name().endsWith("halt")));
                expect(t, n + ".at_end.witness", mid, x -> add(x, t, inverse, mid, 1), s, Set.of(), Set.of());
                SystemTrace s2 = tables();
                // at_end 2, and the inverse negated so that gap * inverse = 1 - at_end still holds
                expect(t, n + ".at_end.bool", mid, x -> {
                    x.set(t, atEnd, mid, 2);
                    x.set(t, inverse, mid, Goldilocks.neg(x.column(t, inverse)[mid]));
                }, s2, Set.of(n + ".at_end.zero"), Set.of(InstructionTables.STATE_BUS));
                SystemTrace s3 = tables();
                expect(t, n + ".at_end.zero", mid, x -> {
                    x.set(t, atEnd, mid, 1);
                    x.set(t, inverse, mid, 0);
                }, s3, Set.of(), Set.of(InstructionTables.STATE_BUS));
                SystemTrace s4 = tables();
                int pad = padding(s4, t);
                if (pad >= 0) {
                    // the gap must stay 0 so that only the unused rule fails: on a table with no jump the
                    // target is pc + 1, not a zero next_pc column, so the padding row's length follows
                    boolean target = t.columns().stream().anyMatch(c -> c.name().equals(n + ".next_pc"));
                    expect(t, n + ".at_end.unused", pad, x -> {
                        x.set(t, atEnd, pad, 1);
                        if (!target) {
                            x.set(t, col(t, "length"), pad, Goldilocks.add(at(x, t, "pc", pad), 1));
                        }
                    }, s4, Set.of(), Set.of());
                }
            }
        }
        Set<String> missing = new TreeSet<>(structural);
        missing.removeAll(checked);
        System.out.println("structural constraints of the execution tables: " + structural.size() + ", targeted: "
                + new TreeSet<>(checked).size());
        assertTrue(missing.isEmpty(), "no targeted change for " + missing);
    }
}
