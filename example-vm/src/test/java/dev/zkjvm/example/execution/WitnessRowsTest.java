package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.runtime.U64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A witness has a power of two of rows, at least the program's length (its ROM is a FIXED
 * column) and at least the trace's records. A loader longer than the fixed tables used to start
 * the doubling at its own length ({@code zkvm prove array_sum --size 40000} asked the prover for
 * 960,144 rows).
 */
@Tag("slow")
class WitnessRowsTest {
    @Test
    void aProgramLongerThanTheFixedTablesStillGivesAPowerOfTwo() {
        Cpu64Program longProgram = Cpu64Assembler.parse("push 1\npop\n".repeat(40_009));
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(List.of(longProgram));
        assertEquals(1 << 17, circuit.rowsFor(10));
        assertEquals(1 << 18, circuit.rowsFor(160_036));
        assertEquals(1 << 17, circuit.rowsFor(1 << 17));
    }
}
