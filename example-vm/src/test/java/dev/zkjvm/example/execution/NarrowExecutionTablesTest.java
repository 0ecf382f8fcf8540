package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
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
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Columns the instruction tables of Cpu64's bubble sort leave out because the row's instruction
 * fixes them (docs/constraints.md, "Columns an instruction fixes"): a register operand's upper
 * limbs, the used flag of an access every user makes on each step, the cell of an access every
 * user pushes or pops at, the cells of a read that is pushed at once, the run and its length when
 * the program is one run, the target where no instruction of the table jumps, and the at_end flag
 * where no step of the table can run off its run's end.
 */
class NarrowExecutionTablesTest {
    private static final String MEMORY = "exec.str-ldr-load";
    private static final String ALU = "exec.addi-ltu-dup-jz-jnz-get-set";
    private static final String IO = "exec.push-in-out";

    private final Programs.Outcome sort = Programs.bubbleSort(new long[] {5, -1, 3, 0x1234_5678_9ABCL, 2});
    private final MachineCircuit<U64> circuit = Cpu64Circuit.circuit(sort.runs());

    private Table table(String name) {
        return circuit.tables().system().table(name);
    }

    /** The slot indices k of {@code table} that have a column {@code slot[k].<part>}. */
    private Set<Integer> slotsWith(String table, String part) {
        Pattern p = Pattern.compile(Pattern.quote(table) + "\\.slot\\[(\\d+)]\\." + Pattern.quote(part));
        Set<Integer> out = new TreeSet<>();
        for (Column c : table(table).columns()) {
            Matcher m = p.matcher(c.name());
            if (m.matches()) {
                out.add(Integer.parseInt(m.group(1)));
            }
        }
        return out;
    }

    private boolean has(String table, String suffix) {
        return table(table).columns().stream().anyMatch(c -> c.name().equals(table + "." + suffix));
    }

    @Test
    void theTablesAreTheOnesMeasured() {
        List<String> names = circuit.tables().system().tables().stream().map(Table::name)
                .filter(n -> n.startsWith("exec.")).toList();
        assertEquals(List.of(MEMORY, ALU, IO, "exec.jmp-halt"), names);
        assertTrue(circuit.checkTables(sort.machine().trace()).isSatisfied());
    }

    @Test
    void aRegisterOperandKeepsOnlyItsFirstLimb() {
        // str and ldr name a register first and a word offset second
        assertTrue(has(MEMORY, "operand[0].limb[0]"));
        for (int m = 1; m < 4; m++) {
            assertFalse(has(MEMORY, "operand[0].limb[" + m + "]"), "limb " + m);
        }
        for (int m = 0; m < 4; m++) {
            assertTrue(has(MEMORY, "operand[1].limb[" + m + "]"), "offset limb " + m);
        }
        // jz and jnz share the first operand position with a word (their target): every limb stays
        for (int m = 0; m < 4; m++) {
            assertTrue(has(ALU, "operand[0].limb[" + m + "]"), "target limb " + m);
        }
    }

    @Test
    void aJumpTargetsLimbsAboveTheSecondAreNoColumns() {
        // jmp requires them 0 (a pc is below 2^32); halt has no operand
        assertTrue(has("exec.jmp-halt", "operand[0].limb[0]"));
        assertTrue(has("exec.jmp-halt", "operand[0].limb[1]"));
        assertFalse(has("exec.jmp-halt", "operand[0].limb[2]"));
        assertFalse(has("exec.jmp-halt", "operand[0].limb[3]"));
        Set<String> names = table("exec.jmp-halt").air().constraints().stream().map(c -> c.name())
                .collect(Collectors.toSet());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("exec.jmp.jump.target.high")), names::toString);
    }

    /** A jmp line whose target has a non-zero third limb is not fetched: the fetch compares it with 0. */
    @Test
    void aJumpTargetPastTwoToTheThirtyTwoIsNotFetched() {
        Cpu64Program honest = Cpu64Assembler.parse("push 1\npop\njmp 3\nhalt\n");
        Cpu64Program far = Cpu64Program.builder().push(1).pop().jmp(3 + (1L << 32)).halt().build();
        Cpu64Machine vm = Cpu64Machine.create();
        vm.run(honest);
        assertTrue(Cpu64Circuit.circuit(List.of(honest)).checkTables(vm.trace()).isSatisfied());
        // the honest run's trace passed off as the run of `jmp 3 + 2^32`
        TableSystemReport r = Cpu64Circuit.circuit(List.of(far)).checkTables(vm.trace());
        assertFalse(r.isSatisfied());
        assertTrue(r.toString().contains(".fetch"), r::toString);
    }

    @Test
    void onlyAnAccessSomeStepsSkipHasAUsedColumn() {
        // str: get, pop, the write's old first and second cells (unaligned only), first, second
        // (unaligned only); ldr and load: get or pop, the read's first and second (unaligned
        // only), push
        assertEquals(Set.of(2, 3, 5), slotsWith(MEMORY, "used"));
        assertEquals(Set.of(), slotsWith(ALU, "used"));
        assertEquals(Set.of(), slotsWith(IO, "used"));
    }

    @Test
    void onlyAnAccessNotEveryUserPushesOrPopsHasACellColumn() {
        // slot 2 of the ALU table is ltu's and dup's push; slot 0 of push-in-out a push or a pop
        assertEquals(Set.of(0, 1), slotsWith(ALU, "cell"));
        assertEquals(Set.of(), slotsWith(IO, "cell"));
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), slotsWith(MEMORY, "cell"));
    }

    /**
     * str splits the word it pops (slot 1) and the old first cell (slot 2) into bytes, ldr and load
     * their read's cells (slots 1 and 2): those slots hold bytes; slot 3 is a push for ldr and load.
     */
    @Test
    void aSlotEveryUserSplitsIntoBytesHoldsTheBytes() {
        assertEquals(Set.of(1, 2), slotsWith(MEMORY, "byte[0]"));
        assertEquals(Set.of(1, 2), slotsWith(MEMORY, "byte[7]"));
        assertEquals(Set.of(0, 3, 4, 5), slotsWith(MEMORY, "value[0]"));
        assertEquals(Set.of(), slotsWith(ALU, "byte[0]"));
        // the bytes of str's old second cell are the only pooled ones left
        assertTrue(has(MEMORY, "aux.u8[7]"));
        assertFalse(has(MEMORY, "aux.u8[8]"));
    }

    /** A read cell's byte changed on an ldr row: the pushed word is no longer the splice, and the log disagrees. */
    @Test
    void aChangedByteOfAReadCellIsRefused() {
        SystemTrace s = circuit.tablesTrace(sort.machine().trace());
        Table t = table(MEMORY);
        long[] ldr = s.column(t, t.air().column(MEMORY + ".is.ldr"));
        int row = 0;
        while (ldr[row] != 1) {
            row++;
        }
        Column low = t.air().column(MEMORY + ".slot[1].byte[1]");
        s.set(t, low, row, (s.column(t, low)[row] + 1) % 256);
        TableSystemReport r = new TableSystemChecker(s.system()).check(s, circuit.tablesStatement(sort.machine().trace()),
                new TableCheckOptions(1000, 8, 1));
        Set<String> failing = r.rowFailures().stream().map(RowFailure::failure).map(f -> f.constraint())
                .collect(Collectors.toSet());
        assertEquals(Set.of("exec.ldr.push.value[0]"), failing);
        // the byte is still a byte, but the range table's counts are the honest trace's
        assertEquals(Set.of(InstructionTables.MEMORY_BUS, "range8"),
                r.unmatched().stream().map(UnmatchedTuple::bus).collect(Collectors.toSet()));
    }

    @Test
    void aReadThatIsPushedTakesNoCellsForItsValue() {
        Set<String> names = table(MEMORY).air().constraints().stream().map(c -> c.name()).collect(Collectors.toSet());
        assertTrue(names.stream().noneMatch(n -> n.contains(".read.value[")), "read cells: " + names);
        assertTrue(names.contains("exec.ldr.push.value[0]"));
        assertTrue(names.contains("exec.load.push.value[0]"));
    }

    @Test
    void oneRunNeedsNoRunOrLengthColumnAndATableWithNoJumpNoTargetColumn() {
        for (String t : List.of(MEMORY, ALU, IO, "exec.jmp-halt")) {
            assertFalse(has(t, "segment"), t);
            assertFalse(has(t, "length"), t);
        }
        // str, ldr, load, push, in, out go to the next line; jz, jnz and jmp do not
        assertFalse(has(MEMORY, "next_pc"));
        assertFalse(has(IO, "next_pc"));
        assertTrue(has(ALU, "next_pc"));
        assertTrue(has("exec.jmp-halt", "next_pc"));
    }

    @Test
    void aTableNoStepOfWhichCanRunOffTheEndHasNoAtEndFlag() {
        // bubble sort's last line is halt; str, ldr, load, push, in and out go to the next line
        assertFalse(has(MEMORY, "at_end"));
        assertFalse(has(MEMORY, "at_end.inverse"));
        assertFalse(has(IO, "at_end"));
        // jz, jnz and jmp jump to their operand
        assertTrue(has(ALU, "at_end"));
        assertTrue(has("exec.jmp-halt", "at_end"));
    }

    /**
     * A run that ends by running off its last line, in a table whose target is {@code pc + 1} and
     * whose run length is the program's: it checks, and its last step cannot claim to go on.
     */
    @Test
    void aRunEndsOffItsLastLineWithTheImpliedTargetAndLength() {
        Cpu64Program p = Cpu64Assembler.parse("push 7\nset a\npush 40\npush 8\nstore\n");
        Cpu64Machine vm = Cpu64Machine.create();
        vm.run(p);
        MachineCircuit<U64> c = Cpu64Circuit.circuit(List.of(p));
        assertTrue(c.checkTables(vm.trace()).isSatisfied());
        SystemTrace s = c.tablesTrace(vm.trace());
        for (Table t : s.system().tables()) {
            Column atEnd = t.columns().stream().filter(x -> x.name().equals(t.name() + ".at_end")).findFirst()
                    .orElse(null);
            int row = atEnd == null ? -1 : indexOf(s.column(t, atEnd), 1);
            if (row < 0) {
                continue;
            }
            assertFalse(t.columns().stream().anyMatch(x -> x.name().equals(t.name() + ".next_pc")
                    || x.name().equals(t.name() + ".length")), t.name());
            s.set(t, atEnd, row, 0);
            TableSystemReport r = new TableSystemChecker(s.system()).check(s, c.tablesStatement(vm.trace()),
                    new TableCheckOptions(1000, 8, 1));
            Set<String> failing = r.rowFailures().stream().map(RowFailure::failure).map(f -> f.constraint())
                    .collect(Collectors.toSet());
            assertEquals(Set.of(t.name() + ".at_end.witness"), failing);
            assertEquals(Set.of(InstructionTables.STATE_BUS),
                    r.unmatched().stream().map(UnmatchedTuple::bus).collect(Collectors.toSet()));
            return;
        }
        throw new AssertionError("no step ran off the end");
    }

    private static int indexOf(long[] column, long value) {
        for (int r = 0; r < column.length; r++) {
            if (column[r] == value) {
                return r;
            }
        }
        return -1;
    }

    /** jz jumps on its eq's result, a 0/1 limb: no non-zero test of it; jnz tests the word it pops. */
    @Test
    void aComparisonsResultIsItsOwnJumpFlag() {
        Set<String> names = table(ALU).air().constraints().stream().map(c -> c.name()).collect(Collectors.toSet());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("exec.jz.jump_if.nz")
                || n.startsWith("exec.jz.jump_if.zero") || n.startsWith("exec.jz.jump_if.witness")), names::toString);
        assertTrue(names.contains("exec.jz.eq.nz.bool"));
        assertTrue(names.contains("exec.jz.jump_if.next_pc"));
        assertTrue(names.contains("exec.jnz.jump_if.nz.bool"));
    }

    /**
     * The implied flag and cell still send the access: a dup's pushed copy changed on its row
     * leaves the memory bus unbalanced, and dup's own push rule fails there.
     */
    @Test
    void anImpliedAccessIsStillSentAndChecked() {
        SystemTrace s = circuit.tablesTrace(sort.machine().trace());
        Table t = table(ALU);
        long[] dup = s.column(t, t.air().column(ALU + ".is.dup"));
        int row = 0;
        while (dup[row] != 1) {
            row++;
        }
        Column value = t.air().column(ALU + ".slot[2].value[0]");
        s.set(t, value, row, Goldilocks.add(s.column(t, value)[row], 1));
        TableSystemReport r = new TableSystemChecker(s.system()).check(s, circuit.tablesStatement(sort.machine().trace()),
                new TableCheckOptions(1000, 8, 1));
        Set<String> failing = r.rowFailures().stream().map(RowFailure::failure).map(f -> f.constraint())
                .collect(Collectors.toSet());
        assertEquals(Set.of("exec.dup.push.value[0]#2"), failing);
        assertEquals(Set.of(InstructionTables.MEMORY_BUS),
                r.unmatched().stream().map(UnmatchedTuple::bus).collect(Collectors.toSet()));
    }
}
