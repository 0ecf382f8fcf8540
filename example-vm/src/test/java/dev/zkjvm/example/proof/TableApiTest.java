package dev.zkjvm.example.proof;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.example.CalculatorCircuit;
import dev.zkjvm.example.CalculatorMachine;
import dev.zkjvm.example.CalculatorProgram;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generated static API for proofs on tables: {@code proveTables(program, trace)} in zero
 * knowledge with the default parameters, {@code isValidTables} answering and {@code verifyTables}
 * throwing with the reason, for exactly the program that ran.
 */
@Tag("slow")
class TableApiTest {
    @Test
    void aRunProvenOnTablesVerifiesForItsProgramOnly() throws InvalidProofException {
        CalculatorProgram program = CalculatorProgram.builder().push(2).push(3).add().store().build();
        CalculatorMachine vm = CalculatorMachine.create();
        vm.run(program);
        TableProof proof = CalculatorCircuit.proveTables(program, vm.trace());
        assertTrue(proof.zeroKnowledge());
        assertTrue(CalculatorCircuit.isValidTables(program, TableProof.fromBytes(proof.toBytes())));
        CalculatorCircuit.verifyTables(List.of(program), proof, StarkConfig.DEFAULT);

        CalculatorProgram other = CalculatorProgram.builder().push(2).push(4).add().store().build();
        assertFalse(CalculatorCircuit.isValidTables(other, proof));
        assertThrows(InvalidProofException.class,
                () -> CalculatorCircuit.verifyTables(List.of(other), proof, StarkConfig.DEFAULT));
        // a trace is proven only as the run of the program that made it
        assertThrows(UnsatisfiedTraceException.class, () -> CalculatorCircuit.proveTables(other, vm.trace()));

        TableProof plain = CalculatorCircuit.proveTables(List.of(program), vm.trace(), StarkConfig.DEFAULT, false);
        assertFalse(plain.zeroKnowledge());
        CalculatorCircuit.verifyTables(List.of(program), plain, StarkConfig.DEFAULT);
    }
}
