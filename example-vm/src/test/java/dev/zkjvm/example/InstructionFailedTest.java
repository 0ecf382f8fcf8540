package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.runtime.InstructionFailedException;
import dev.zkjvm.runtime.U64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A body that throws something other than a machine error fails atomically too. */
class InstructionFailedTest {
    @Test
    void divisionByZeroInABodyIsRolledBack() {
        FaultyMachine vm = FaultyMachine.create();
        vm.run(FaultyProgram.builder().push(42).push(6).divide().push(0).build());
        assertEquals(List.of(U64.of(7), U64.of(0)), vm.context().stack());
        int traceBefore = vm.trace().size();
        long stepBefore = vm.context().step();

        InstructionFailedException e = assertThrows(InstructionFailedException.class,
                () -> vm.exec(new FaultyInstruction.Divide()));
        assertInstanceOf(ArithmeticException.class, e.getCause());
        assertEquals(stepBefore, e.step());
        assertEquals("divide", e.instruction());
        assertEquals("[InstructionFailed] the body of divide threw java.lang.ArithmeticException: / by zero"
                + " (step " + stepBefore + ", instruction `divide`)", e.getMessage());

        // The two pops and the register write of the failed step are gone.
        assertEquals(List.of(U64.of(7), U64.of(0)), vm.context().stack());
        assertEquals(U64.of(42), vm.context().register(FaultyMachine.R));
        assertEquals(traceBefore, vm.trace().size());
        assertEquals(stepBefore, vm.context().step());
        FaultyCircuit.check(vm.trace()).assertSatisfied();

        vm.exec(new FaultyInstruction.Push(U64.of(1)));
        vm.exec(new FaultyInstruction.Divide());
        assertEquals(List.of(U64.of(7), U64.of(0)), vm.context().stack());
        assertEquals(U64.of(0), vm.context().register(FaultyMachine.R));
    }
}
