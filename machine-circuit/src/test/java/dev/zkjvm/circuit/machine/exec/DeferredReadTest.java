package dev.zkjvm.circuit.machine.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.check.RowFailure;
import dev.zkjvm.circuit.tables.check.TableCheckOptions;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.SectionOrder;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U32;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A memory read's value is its spliced bytes, of degree 2: pushed at once it takes no cells of its
 * own, and the push states the slot's value equal to the splice; taken by a gadget it is first put
 * in free cells tied to the splice ({@code read.value[m]}). Both hold on tables and on one table,
 * and a changed cell of either is refused.
 */
class DeferredReadTest {
    private static final MemoryLayout LAYOUT = new MemoryLayout(4, SectionOrder.HEAD, 8, 1, 2, 16);
    private static final List<Reg> REGISTERS = List.of(new Reg(0, "r0"));
    private static final int SEED = 0;
    private static final int LD = 1;
    private static final int LDINC = 2;
    private static final List<InstructionSpec<U32>> SPECS = List.of(
            new InstructionSpec<>("seed", SEED, List.of(), call -> {
                call.vm().write(call.vm().memoryBase().add(call.vm().word(4)), call.vm().word(0x1234_5678L));
                call.vm().write(call.vm().memoryBase().add(call.vm().word(8)), call.vm().word(0x4321_8765L));
            }),
            // the read word pushed as it is
            new InstructionSpec<>("ld", LD, List.of(),
                    call -> call.stack().push(call.vm().read(call.vm().memoryBase().add(call.vm().word(8))))),
            // an unaligned read taken by the adder
            new InstructionSpec<>("ldinc", LDINC, List.of(), call -> call.stack().push(
                    call.vm().read(call.vm().memoryBase().add(call.vm().word(6))).add(call.vm().word(1)))));
    private static final int[] PROGRAM = {SEED, LD, LDINC};

    private static MachineCircuit<U32> circuit() {
        List<long[]> rows = Arrays.stream(PROGRAM).mapToObj(op -> new long[] {op}).toList();
        ExecutionProgram<U32> program = ExecutionProgram.of(List.of(rows),
                (long[] line) -> Arrays.stream(line).mapToObj(U32::of).toList());
        return MachineCircuit.of("Reads", U32.TYPE, LAYOUT, REGISTERS, SPECS).forProgram(program);
    }

    private static Trace<U32> trace() {
        return ConcreteRun.run(SPECS, LAYOUT, PROGRAM, new long[0], new long[0]);
    }

    @Test
    void aReadPushedAtOnceTakesNoCellsAndOneTakenByAGadgetDoes() {
        MachineCircuit<U32> c = circuit();
        Trace<U32> t = trace();
        c.check(t, Integer::toString).assertSatisfied();
        assertTrue(c.checkTables(t).isSatisfied());
        Set<String> names = c.tables().system().tables().stream().flatMap(x -> x.air().constraints().stream())
                .map(x -> x.name()).collect(Collectors.toSet());
        assertTrue(names.contains("exec.ldinc.read.value[0]"), "the adder's read is in cells");
        assertFalse(names.contains("exec.ld.read.value[0]"), "the pushed read takes no cells");
        assertTrue(names.contains("exec.ld.push.value[0]"));
    }

    @Test
    void aPushedReadThatIsNotTheSpliceIsRefused() {
        MachineCircuit<U32> c = circuit();
        SystemTrace s = c.tablesTrace(trace());
        Table t = tableOf(s, "ld");
        int row = rowOf(s, t, "ld");
        Column value = pushSlotValue(s, t, row);
        add(s, t, value, row);
        assertTrue(failing(c, s).contains("exec.ld.push.value[0]"));
    }

    @Test
    void aReadCellAGadgetTakesIsTiedToTheSplice() {
        MachineCircuit<U32> c = circuit();
        Trace<U32> honest = trace();
        Table t = tableOf(c.tablesTrace(honest), "ldinc");
        boolean tied = false;
        for (Column free : t.columns().stream().filter(x -> x.name().startsWith(t.name() + ".aux.free[")).toList()) {
            SystemTrace s = c.tablesTrace(honest);
            int row = rowOf(s, t, "ldinc");
            if (s.column(t, free)[row] == 0) {
                continue;
            }
            add(s, t, free, row);
            Set<String> failing = failing(c, s);
            assertFalse(failing.isEmpty(), free.name() + " changed on the ldinc row is accepted");
            tied |= failing.contains("exec.ldinc.read.value[0]");
        }
        assertTrue(tied, "no cell of the ldinc row is tied to the read's low limb");
    }

    private static Set<String> failing(MachineCircuit<U32> c, SystemTrace s) {
        TableSystemReport r = new TableSystemChecker(s.system()).check(s, c.tablesStatement(trace()),
                new TableCheckOptions(1000, 8, 1));
        assertFalse(r.isSatisfied());
        return r.rowFailures().stream().map(RowFailure::failure).map(f -> f.constraint())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Table tableOf(SystemTrace s, String label) {
        return s.system().tables().stream().filter(x -> flag(x, label) != null).findFirst().orElseThrow();
    }

    /** The row flag of {@code label} in {@code t}: {@code .active} of its own table or {@code .is.<label>}. */
    private static Column flag(Table t, String label) {
        for (Column c : t.columns()) {
            if (c.name().equals("exec." + label + ".active") || c.name().equals(t.name() + ".is." + label)) {
                return c;
            }
        }
        return null;
    }

    private static int rowOf(SystemTrace s, Table t, String label) {
        long[] f = s.column(t, flag(t, label));
        for (int r = 0; r < f.length; r++) {
            if (f[r] == 1) {
                return r;
            }
        }
        throw new AssertionError("no row of " + label);
    }

    /** The low value limb of the last slot the row uses: the push of {@code ld} (read first, push last). */
    private static Column pushSlotValue(SystemTrace s, Table t, int row) {
        Column last = null;
        for (Column c : t.columns()) {
            if (c.name().matches(java.util.regex.Pattern.quote(t.name()) + "\\.slot\\[\\d+]\\.value\\[0]")
                    && s.column(t, c)[row] != 0) {
                last = c;
            }
        }
        return last;
    }

    private static void add(SystemTrace s, Table t, Column c, int row) {
        s.set(t, c, row, Goldilocks.add(s.column(t, c)[row], 1));
    }
}
