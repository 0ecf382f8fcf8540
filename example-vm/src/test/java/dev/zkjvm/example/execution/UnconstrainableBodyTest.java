package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.circuit.machine.exec.UnconstrainableBodyException;
import dev.zkjvm.example.FaultyCircuit;
import dev.zkjvm.example.FaultyProgram;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A body that hands a machine value to Java code out of sight of the processor's scan (in a helper
 * method) is refused when its circuit is built, naming the instruction and the construct.
 */
class UnconstrainableBodyTest {
    @Test
    void aHelperThatReadsAWordIntoJavaIsNamed() {
        FaultyProgram program = FaultyProgram.builder().push(6).push(3).divide().build();
        UnconstrainableBodyException e = assertThrows(UnconstrainableBodyException.class,
                () -> FaultyCircuit.circuit(List.of(program)));
        assertEquals("instruction `divide` calls longValue() on a computed word, which hands its value to Java;"
                + " branching or looping on it cannot be constrained (use Vm.select or Vm.jumpIf)", e.getMessage());
    }

    @Test
    void theMemoryCircuitAloneStillBuilds() {
        assertEquals("Faulty", FaultyCircuit.circuit().system().name());
    }
}
