package dev.zkjvm.circuit.machine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.SectionOrder;
import dev.zkjvm.runtime.U32;
import dev.zkjvm.runtime.core.MachineCore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the instruction tables are laid out for hand-written instruction specs. */
class InstructionTablesTest {
    private static final MemoryLayout LAYOUT = new MemoryLayout(4, SectionOrder.HEAD, 8, 1, 2, 16);
    private static final List<Reg> REGISTERS = List.of(new Reg(0, "r0"));

    private static MachineCircuit<U32> circuit(List<InstructionSpec<U32>> specs, int... lines) {
        List<long[]> rows = Arrays.stream(lines).mapToObj(op -> new long[] {op}).toList();
        ExecutionProgram<U32> program = ExecutionProgram.of(List.of(rows),
                (long[] line) -> Arrays.stream(line).mapToObj(U32::of).toList());
        return MachineCircuit.of("Tables", U32.TYPE, LAYOUT, REGISTERS, specs).forProgram(program);
    }

    private static InstructionSpec<U32> push(String mnemonic, int opcode) {
        return new InstructionSpec<>(mnemonic, opcode, List.of(), call -> call.stack().push(call.vm().word(opcode)));
    }

    @Test
    void instructionsOfAWidthShareATableAndTheNarrowestHoldsTheFinalState() {
        InstructionSpec<U32> halt = new InstructionSpec<>("halt", 2, List.of(), call -> call.vm().halt());
        MachineCircuit<U32> c = circuit(List.of(push("one", 0), push("two", 1), halt), 0, 1, 2);
        List<String> tables = c.tables().system().tables().stream().map(t -> t.name())
                .filter(n -> n.startsWith("exec.")).toList();
        // two pushes of one slot each are alike; halt runs once per run and joins them
        assertEquals(List.of("exec.one-two-halt"), tables);
        assertTrue(c.tables().system().table("exec.one-two-halt").air().columns().stream()
                .anyMatch(col -> col.name().equals("exec.one-two-halt.final")));
    }

    /**
     * A program of no runs has no instruction tables: its final state, the initial one, is
     * received by a one-row table of its own, and the empty trace checks.
     */
    @Test
    void aProgramOfNoRunsReceivesItsFinalStateInATableOfItsOwn() {
        ExecutionProgram<U32> none = ExecutionProgram.of(List.of(),
                (long[] line) -> Arrays.stream(line).mapToObj(U32::of).toList());
        MachineCircuit<U32> c = MachineCircuit.of("Tables", U32.TYPE, LAYOUT, REGISTERS, List.of(push("one", 0)))
                .forProgram(none);
        assertTrue(c.tables().system().tables().stream().anyMatch(t -> t.name().equals(InstructionTables.FINAL_TABLE)));
        assertTrue(c.checkTables(new MachineCore<>(U32.TYPE, LAYOUT).trace()).isSatisfied());
    }

    /** Table names are cut at '.' and joined with '-': a mnemonic with either is refused, not misplaced. */
    @Test
    void aMnemonicThatCannotNameATableIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> circuit(List.of(push("i32.push", 0)), 0));
        assertTrue(e.getMessage().contains("`i32.push`"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> circuit(List.of(push("a-b", 0)), 0));
    }
}
