package dev.zkjvm.circuit.machine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.SectionOrder;
import dev.zkjvm.runtime.U32;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fail-closed compilation on hand-written instruction specs, without a generated machine: which
 * program lines get constraints of their own, which lines cannot run, and which bodies are refused.
 */
class RegisterVariantsTest {
    private static final MemoryLayout LAYOUT = new MemoryLayout(4, SectionOrder.HEAD, 4, 3, 2, 16);
    private static final List<Reg> REGISTERS = List.of(new Reg(0, "x0"), new Reg(1, "x1"), new Reg(2, "x2"));
    private static final int LI = 0;
    private static final int MV = 1;

    /** {@code li rd imm}, dropping writes to x0: a Java branch on the register operand. */
    private static final InstructionSpec<U32> ZERO_WIRED = new InstructionSpec<>("li", LI,
            List.of(OperandKind.REGISTER, OperandKind.WORD), call -> {
                Reg rd = call.register(0);
                if (rd.index() != 0) {
                    call.vm().set(rd, call.word(1));
                }
            });
    /** {@code mv rd rs}: the same path for every register. */
    private static final InstructionSpec<U32> MOVE = new InstructionSpec<>("mv", MV,
            List.of(OperandKind.REGISTER, OperandKind.REGISTER),
            call -> call.vm().set(call.register(0), call.vm().get(call.register(1))));

    private static MachineCircuit<U32> circuit(List<InstructionSpec<U32>> specs, long[]... lines) {
        ExecutionProgram<U32> program = ExecutionProgram.of(List.of(List.of(lines)),
                (long[] line) -> java.util.Arrays.stream(line).mapToObj(U32::of).toList());
        return MachineCircuit.of("Test", U32.TYPE, LAYOUT, REGISTERS, specs).forProgram(program);
    }

    private static List<String> selectors(MachineCircuit<U32> c) {
        return c.system().columns().stream().map(Column::name).filter(n -> n.startsWith("exec.is.")).toList();
    }

    private static long[] column(MachineCircuit<U32> c, String name) {
        Column col = c.system().columns().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        FixedValues v = c.system().fixedValues(col);
        return v.generate(v.minRows());
    }

    @Test
    void onlyTheCombinationsWhosePathDiffersGetVariants() {
        MachineCircuit<U32> c = circuit(List.of(ZERO_WIRED, MOVE),
                new long[] {LI, 0, 5}, new long[] {LI, 1, 6}, new long[] {LI, 2, 7}, new long[] {LI, 1, 8},
                new long[] {MV, 2, 1}, new long[] {MV, 0, 2});
        assertEquals(List.of("exec.is.li", "exec.is.li[x1]", "exec.is.li[x2]", "exec.is.mv"), selectors(c));
        // the program's variant column: li x0 is generic (0), li x1 is variant 1 (twice), li x2 variant 2
        assertEquals(List.of(0L, 1L, 2L, 1L, 0L, 0L), java.util.Arrays.stream(column(c, "program.variant"))
                .limit(6).boxed().toList());
    }

    @Test
    void withoutBranchesOnRegistersThereIsNoVariantColumn() {
        MachineCircuit<U32> c = circuit(List.of(ZERO_WIRED, MOVE), new long[] {MV, 2, 1}, new long[] {LI, 0, 1});
        assertEquals(List.of("exec.is.li", "exec.is.mv"), selectors(c));
        assertTrue(c.system().columns().stream().noneMatch(x -> x.name().contains("variant")));
    }

    @Test
    void aLineNamingARegisterTheMachineLacksHasNoOpcode() {
        MachineCircuit<U32> c = circuit(List.of(ZERO_WIRED, MOVE), new long[] {MV, 1, 2}, new long[] {MV, 3, 1},
                new long[] {MV, 1, 65536});
        long[] opcodes = column(c, "program.opcode");
        assertEquals(MV, opcodes[0]);
        assertEquals(ExecutionTable.UNEXECUTABLE, opcodes[1]);
        assertEquals(ExecutionTable.UNEXECUTABLE, opcodes[2]);
    }

    @Test
    void aBodyThatReadsJavaStateIsRefused() {
        AtomicInteger calls = new AtomicInteger();
        InstructionSpec<U32> counting = new InstructionSpec<>("tick", 2, List.of(), call -> {
            if (calls.getAndIncrement() % 2 == 0) {
                call.stack().push(call.vm().word(1));
            }
        });
        UnconstrainableBodyException e = assertThrows(UnconstrainableBodyException.class,
                () -> circuit(List.of(counting), new long[] {2}));
        assertTrue(e.getMessage().startsWith("instruction `tick` compiles to different constraints each time it"
                + " runs (generic)"), e.getMessage());
    }

    @Test
    void aRefusalTheBodyCatchesIsRaisedAgain() {
        InstructionSpec<U32> swallowing = new InstructionSpec<>("peek", 2, List.of(), call -> {
            U32 x = call.stack().pop();
            try {
                call.stack().push(x.isZero() ? call.vm().word(1) : x);
            } catch (UnconstrainableBodyException ignored) {
                call.stack().push(x);
            }
        });
        UnconstrainableBodyException e = assertThrows(UnconstrainableBodyException.class,
                () -> circuit(List.of(swallowing), new long[] {2}));
        assertTrue(e.getMessage().endsWith("(the body caught this error and carried on; catching it cannot hide it)"),
                e.getMessage());
    }
}
