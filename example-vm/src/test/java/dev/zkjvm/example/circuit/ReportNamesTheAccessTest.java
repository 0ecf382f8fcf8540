package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.ArgumentIssue;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One regression test per constraint family: the report names the access that is actually wrong
 * (its record, time, cell, value), the step that made it and the instruction's program line, not
 * whatever other table keeps a row at the same index. Runs on the execution circuit of a small
 * Cpu64 program, so each step has a program line.
 */
@Tag("slow")
class ReportNamesTheAccessTest {
    private static final String SOURCE = """
            push 5
            set a
            push 6
            set a
            get a
            push 12
            and
            push 7
            set b
            push 2
            add
            halt
            """;
    private static final Cpu64Program PROGRAM = Cpu64Assembler.parse(SOURCE);
    private static final MachineCircuit<U64> CIRCUIT = Cpu64Circuit.circuit(List.of(PROGRAM));
    private static final Trace<U64> TRACE = run();
    private static final MemoryLayout LAYOUT = CIRCUIT.layout();

    private static Trace<U64> run() {
        Cpu64Machine vm = Cpu64Machine.create();
        vm.run(PROGRAM);
        return vm.trace();
    }

    /** The step (= program line here: no jumps) of the first instruction with this text. */
    private static int stepOf(String text) {
        String[] lines = SOURCE.split("\n");
        for (int s = 0; s < lines.length; s++) {
            if (lines[s].trim().equals(text)) {
                return s;
            }
        }
        throw new AssertionError("no line " + text);
    }

    /** The first record of {@code step} that matches. */
    private static int record(int step, IntPredicate p) {
        for (int i = 0; i < TRACE.size(); i++) {
            if (TRACE.step(i) == step && p.test(i)) {
                return i;
            }
        }
        throw new AssertionError("no such record of step " + step);
    }

    /** How the report names step {@code s}: its index, run, pc and program line. */
    private static String stepName(int s) {
        return "step " + s + " (run 0, pc " + s + "): " + SOURCE.split("\n")[s].trim();
    }

    /** How the report names record {@code i} and the step that made it, as the trace holds it. */
    private static String recordName(Trace<U64> t, int i) {
        long cell = t.address(i) / LAYOUT.wordSize();
        return "record " + i + " (t=" + i + ", " + (t.flag(i) == 1 ? "write" : "read") + ", cell " + cell;
    }

    private static CheckReport check(Trace<U64> trace) {
        return CIRCUIT.check(trace, Cpu64Trace::mnemonicOf);
    }

    /** Checks an honest witness of the program's trace with MAIN cells changed by {@code edit}. */
    private static CheckReport checkEdited(Consumer<WitnessBuilder> edit) {
        WitnessBuilder w = CIRCUIT.witnessBuilder(TRACE);
        edit.accept(w);
        return CIRCUIT.check(w.build(), TRACE, Cpu64Trace::mnemonicOf, CheckOptions.defaults());
    }

    private static void add(WitnessBuilder w, String column, int row, long delta) {
        long[] c = w.suppliedColumns()[CIRCUIT.system().column(column).index()];
        c[row] = Goldilocks.add(c[row], Goldilocks.fromSigned(delta));
    }

    private static Failure failure(CheckReport r, String constraint) {
        return r.failures().stream().filter(f -> f.constraint().equals(constraint)).findFirst()
                .orElseThrow(() -> new AssertionError("no failure of " + constraint + ":\n" + r));
    }

    private static ArgumentIssue issue(CheckReport r, String argument) {
        return r.argumentIssues().stream().filter(i -> i.argument().equals(argument) && i.context() != null)
                .findFirst().orElseThrow(() -> new AssertionError("no issue of " + argument + ":\n" + r));
    }

    @Test
    void theHonestRunIsAccepted() {
        check(TRACE).assertSatisfied();
    }

    /**
     * Sorted copy: {@code get a} reads 5, the value {@code a} had before {@code set a} made it 6, and
     * passes it on (its push and the read by {@code and} agree, and 5 & 12 is 4 as 6 & 12 is). Only
     * the read-consistency constraint of the sorted copy fails, on the sorted row before the read;
     * the report names the stale read (not the log's or the execution table's row of that index),
     * then the write it should have returned.
     */
    @Test
    void aStaleReadIsNamedAsThatReadWithItsStepAndInstruction() {
        int get = stepOf("get a");
        int read = record(get, i -> TRACE.flag(i) == 0);
        int push = record(get, i -> TRACE.flag(i) == 1);
        int andRead = record(stepOf("and"), i -> TRACE.flag(i) == 0 && TRACE.address(i) == TRACE.address(push)
                && i > push);
        int lastWrite = record(stepOf("set a") + 2, i -> TRACE.flag(i) == 1);
        Trace<U64> stale = TraceEdits.of(TRACE).valueLimb(read, 0, 5).valueLimb(push, 0, 5).valueLimb(andRead, 0, 5)
                .build();
        CheckReport r = check(stale);
        assertEquals(java.util.Set.of("mem.s.read[0]"), r.failingConstraintNames(), r::toString);
        assertTrue(r.failingRecordChecks().isEmpty(), r::toString);
        Failure f = failure(r, "mem.s.read[0]");
        assertTrue(f.row() != read, "the sorted row is not the log row of the read");
        assertTrue(f.context().startsWith(recordName(stale, read) + " = registers[0], value 5; " + stepName(get) + ")"),
                f.context());
        assertTrue(f.context().contains(", after " + recordName(stale, lastWrite) + " = registers[0], value 6; "
                + stepName(stepOf("set a") + 2) + ")"), f.context());
    }

    /**
     * Permutation: the sorted copy of the write by {@code set b} (nothing reads b again) holds another
     * value. Both unmatched tuples are named by the record they copy: the log's at its row, the
     * sorted copy's through the sort permutation.
     */
    @Test
    void anUnmatchedTupleOfThePermutationIsNamedByItsRecord() {
        int setB = stepOf("set b");
        int write = record(setB, i -> TRACE.flag(i) == 1);
        int sortedRow = sortedRowOf(write);
        CheckReport r = checkEdited(w -> add(w, "mem.s.v[0]", sortedRow, 1));
        assertEquals(java.util.Set.of("mem.perm.last"), r.failingConstraintNames(), r::toString);
        List<ArgumentIssue> issues = r.argumentIssues().stream().filter(i -> i.argument().equals("mem.perm")).toList();
        assertEquals(2, issues.size(), r::toString);
        for (ArgumentIssue i : issues) {
            assertTrue(i.context().startsWith(recordName(TRACE, write) + " = registers[1], value 7; " + stepName(setB)),
                    i.toString());
        }
        assertEquals(write, issues.get(0).row());
        assertEquals(sortedRow, issues.get(1).row());
        assertTrue(issues.get(1).context().endsWith("[sorted row " + sortedRow + "]"), issues.get(1).toString());
    }

    private static int sortedRowOf(int record) {
        long[] sortedTime = CIRCUIT.witness(TRACE).column(CIRCUIT.memory().sortedTime);
        for (int k = 0; k < sortedTime.length; k++) {
            if (sortedTime[k] == record) {
                return k;
            }
        }
        throw new AssertionError("record " + record + " is on no sorted row");
    }

    /**
     * Range lookup: the write by {@code set b} lands in the buffer zone after memory; the range
     * check of the section room names that record (and the record check refuses it first).
     */
    @Test
    void aValueOutsideItsRangeIsNamedByItsRecord() {
        int setB = stepOf("set b");
        int write = record(setB, i -> TRACE.flag(i) == 1);
        long buffer = LAYOUT.memory().endCell() + 4;
        Trace<U64> moved = TraceEdits.of(TRACE).address(write, buffer * LAYOUT.wordSize()).build();
        CheckReport r = check(moved);
        ArgumentIssue range = r.argumentIssues().stream().filter(i -> i.kind().equals("range check")
                && i.argument().startsWith("vm.")).findFirst().orElseThrow(() -> new AssertionError(r.toString()));
        assertEquals(write, range.row());
        assertTrue(range.context().startsWith(recordName(moved, write) + " = a buffer zone, value 7; " + stepName(setB)),
                range.toString());
        assertEquals(write, r.recordIssues().get(0).record(), r::toString);
    }

    /** Byte-table lookup: a wrong AND of one byte pair at {@code and} names that step and its records. */
    @Test
    void aByteTripleOutsideTheTableIsNamedByItsStep() {
        int and = stepOf("and");
        CheckReport r = checkEdited(w -> add(w, "exec.aux.byte[0].and", and, 1));
        assertFalse(r.isSatisfied());
        ArgumentIssue i = issue(r, "exec.aux.byte[0].table");
        assertEquals(and, i.row());
        assertTrue(i.context().startsWith(stepName(and) + " ["), i.toString());
        assertTrue(i.context().contains("slot 0: " + recordName(TRACE, record(and, x -> true))), i.toString());
    }

    /** Fetch lookup: a {@code push 6} whose operand is 7 in the table is named by its step and line. */
    @Test
    void aStepThatIsNoProgramLineIsNamedByItsStep() {
        int push = stepOf("push 6");
        CheckReport r = checkEdited(w -> add(w, "exec.operand[0].limb[0]", push, 1));
        ArgumentIssue i = issue(r, "exec.fetch");
        assertEquals(push, i.row());
        assertTrue(i.context().startsWith(stepName(push)), i.toString());
    }

    /**
     * Execution bus: slot 0 of {@code get a} claims a read of 7 where the log has 6: the issue
     * names the step and the record the slot claims.
     */
    @Test
    void aClaimedAccessMissingFromTheLogIsNamedByItsStepAndRecord() {
        int get = stepOf("get a");
        int read = record(get, i -> TRACE.flag(i) == 0);
        CheckReport r = checkEdited(w -> add(w, "exec.slot[0].value[0]", get, 1));
        ArgumentIssue i = issue(r, "exec.bus[0]");
        assertEquals(get, i.row());
        assertTrue(i.context().startsWith(stepName(get) + " [slot 0: " + recordName(TRACE, read)
                + " = registers[0], value 6; " + stepName(get) + ")]"), i.toString());
    }

    /**
     * Execution rows: {@code add} stores 7 for 4 + 2 (nothing reads it again, so memory stays
     * consistent): the instruction's constraint fails on that step, and the report names the step,
     * its line and the written record.
     */
    @Test
    void aWrongResultIsNamedByItsStepLineAndRecord() {
        int add = stepOf("add");
        int write = record(add, i -> TRACE.flag(i) == 1);
        Trace<U64> wrong = TraceEdits.of(TRACE).valueLimb(write, 0, 7).build();
        CheckReport r = check(wrong);
        assertFalse(r.failingConstraintNames().isEmpty(), r::toString);
        for (String name : r.failingConstraintNames()) {
            assertTrue(name.startsWith("exec.add."), r::toString);
        }
        Failure f = r.failures().get(0);
        assertEquals(add, f.row());
        assertNotNull(f.context());
        assertTrue(f.context().startsWith(stepName(add) + " ["), f.context());
        assertTrue(f.context().contains(recordName(wrong, write) + " = stack[0], value 7; " + stepName(add) + ")"),
                f.context());
    }
}
