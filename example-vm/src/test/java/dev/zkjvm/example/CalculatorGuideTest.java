package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.stark.TableProof;

import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.StackUnderflowException;
import dev.zkjvm.runtime.U64;
import org.junit.jupiter.api.Test;

/** The snippets of docs/guide.md, run as written. */
class CalculatorGuideTest {
    @Test
    void guideWalkthrough() {
        CalculatorMachine vm = CalculatorMachine.create();
        CalculatorProgram program = CalculatorProgram.builder()
                .push(2).push(3).add().push(7).mul().store()
                .build();
        long steps = vm.run(program);

        assertEquals(6, steps);
        assertEquals(U64.of(35), vm.context().register(CalculatorMachine.ACC));
        CalculatorTrace trace = vm.trace();
        assertEquals(11, trace.size());
        CalculatorTraceRecord first = trace.record(0);
        assertEquals(new CalculatorTraceRecord(0, 1, MemoryInstruction.WRITE,
                CalculatorMachine.LAYOUT.stackAddress(0), U64.of(2), 0, CalculatorInstruction.OP_PUSH), first);
        assertEquals("push", first.mnemonic());
        assertEquals("store", trace.record(10).mnemonic());
        assertEquals(MemoryInstruction.WRITE, trace.record(10).instruction());
        assertEquals(CalculatorMachine.LAYOUT.registerAddress(0), trace.record(10).address());

        assertEquals("push 2\npush 3\nadd\npush 7\nmul\nstore", program.toString());
        assertEquals(program, CalculatorAssembler.parse(program.toString()));
        assertEquals(program, CalculatorProgram.decode(program.encode()));
    }

    @Test
    void memoryAloneProvesInZeroKnowledge() throws Exception {
        CalculatorMachine vm = CalculatorMachine.create();
        vm.run(CalculatorProgram.builder().push(2).push(3).add().push(7).mul().store().build());

        MachineCircuit<U64> memory = CalculatorCircuit.circuit();
        TableProof proof = memory.proveTables(vm.trace(), CalculatorTrace::mnemonicOf, StarkConfig.DEFAULT);
        memory.verifyTables(TableProof.fromBytes(proof.toBytes()), StarkConfig.DEFAULT);

        assertTrue(proof.zeroKnowledge());
        TableProof plain = memory.proveTables(vm.trace(), CalculatorTrace::mnemonicOf, StarkConfig.DEFAULT, false);
        assertFalse(plain.zeroKnowledge());
        assertTrue(memory.isValidTables(plain, StarkConfig.DEFAULT));
    }

    @Test
    void failedInstructionLeavesNoTrace() {
        CalculatorMachine vm = CalculatorMachine.create();
        vm.run(CalculatorProgram.builder().push(1).build());
        StackUnderflowException e = assertThrows(StackUnderflowException.class,
                () -> vm.run(CalculatorProgram.builder().add().build()));
        assertEquals("[StackUnderflow] pop from an empty stack (step 1, instruction `add`)", e.getMessage());
        assertEquals(1, vm.trace().size(), "the push is recorded, the failed add is not");
        assertEquals(1, vm.context().stackDepth());
        assertEquals(1, vm.context().step());
    }

    @Test
    void rejectsMisuseOfTheJavaApi() {
        CalculatorMachine vm = CalculatorMachine.create();
        assertThrows(IllegalArgumentException.class, () -> vm.context().register(new Reg(1, "other")));
        assertThrows(IllegalArgumentException.class, () -> vm.context().memory(3));
        assertThrows(IllegalArgumentException.class,
                () -> vm.run(CalculatorProgram.builder().push(1).build(), -1));
    }
}
