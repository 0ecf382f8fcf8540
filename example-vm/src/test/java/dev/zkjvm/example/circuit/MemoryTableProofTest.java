package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.translate.TranslatedSystem;
import dev.zkjvm.example.CalculatorCircuit;
import dev.zkjvm.example.CalculatorMachine;
import dev.zkjvm.example.CalculatorProgram;
import dev.zkjvm.example.CalculatorTrace;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.example.SeedCircuit;
import dev.zkjvm.example.SeedMachine;
import dev.zkjvm.example.SeedProgram;
import dev.zkjvm.example.SeedTrace;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.Word;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The memory-only circuit of every example machine proven on tables: the main table as tall as
 * the trace (no 2^16 floor), the proof verified from its bytes, the one-table proof of the same
 * trace still verifying, and bad traces and proofs refused.
 */
class MemoryTableProofTest {
    private static final StarkConfig LIGHT = new StarkConfig(new FriParameters(4, 4, 12, 8, 7), HashAlgorithm.SHA256);

    private static <W extends Word<W>> TableProof proveAndVerify(MachineCircuit<W> circuit, Trace<W> trace,
            IntFunction<String> mnemonicOf) throws InvalidProofException {
        TableProof proof = circuit.proveTables(trace, mnemonicOf, LIGHT);
        int main = circuit.tables().mainTable().index();
        assertEquals(Integer.highestOneBit(Math.max(1, 2 * trace.size() - 1)), proof.heights()[main],
                "main table as tall as the trace, rounded up");
        circuit.verifyTables(TableProof.fromBytes(proof.toBytes()), LIGHT);
        return proof;
    }

    @Test
    void everyMachineProvesItsMemoryOnTables() throws InvalidProofException {
        CalculatorMachine calc = CalculatorMachine.create();
        calc.run(CalculatorProgram.builder().push(2).push(3).add().push(7).mul().store().push(9).save(16).build());
        proveAndVerify(CalculatorCircuit.circuit(), calc.trace(), CalculatorTrace::mnemonicOf);

        Programs.Outcome fib = Programs.fibonacci(6);
        proveAndVerify(Cpu64Circuit.circuit(), fib.machine().trace(), Cpu64Trace::mnemonicOf);

        SeedMachine seed = SeedMachine.create();
        long base = SeedMachine.LAYOUT.memoryBase();
        seed.run(SeedProgram.builder()
                .write(U256.of(base + 5), U256.of(-1))
                .read(U256.of(base + 37))
                .push(U256.of(7)).swap(SeedMachine.R1).push(U256.of(8)).pop(SeedMachine.R2)
                .add(SeedMachine.R1, SeedMachine.R2).save(U256.of(base + 64), SeedMachine.R1)
                .build());
        proveAndVerify(SeedCircuit.circuit(), seed.trace(), SeedTrace::mnemonicOf);
    }

    @Test
    void theOneTableProofOfTheSameTraceStillVerifies() throws InvalidProofException {
        Trace<U64> trace = Programs.fibonacci(4).machine().trace();
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit();
        StarkProof oneTable = circuit.prove(trace, Cpu64Trace::mnemonicOf, LIGHT, ProofProgress.SILENT);
        assertEquals(16, oneTable.logRows(), "the one-table trace holds the range table");
        circuit.verify(StarkProof.fromBytes(oneTable.toBytes()), LIGHT);
        TableProof tables = proveAndVerify(circuit, trace, Cpu64Trace::mnemonicOf);
        assertTrue(tables.toBytes().length > 0);
    }

    @Test
    void aReadOfAWrongValueIsRefusedWithTheOneTableReport() {
        Trace<U64> trace = Programs.fibonacci(4).machine().trace();
        int read = 0;
        while (trace.flag(read) != 0) {
            read++;
        }
        Trace<U64> bad = TraceEdits.of(trace).valueLimb(read, 0, trace.valueLimb(read, 0) ^ 1).build();
        UnsatisfiedTraceException e = assertThrows(UnsatisfiedTraceException.class,
                () -> Cpu64Circuit.circuit().proveTables(bad, Cpu64Trace::mnemonicOf, LIGHT));
        assertTrue(e.report().failingConstraintNames().stream().anyMatch(n -> n.startsWith("mem.s.read")),
                e.report()::toString);
    }

    @Test
    void aRecordOutsideTheLayoutIsRefusedBeforeProving() {
        Trace<U64> trace = Programs.fibonacci(4).machine().trace();
        Trace<U64> bad = TraceEdits.of(trace).address(0, 1L << 40).build();
        UnsatisfiedTraceException e = assertThrows(UnsatisfiedTraceException.class,
                () -> Cpu64Circuit.circuit().proveTables(bad, Cpu64Trace::mnemonicOf, LIGHT));
        assertTrue(e.report().recordIssueCount() > 0, e.report()::toString);
    }

    @Test
    void forgedProofsAreRejectedAndKeysAreKept() throws InvalidProofException {
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit();
        TableProof proof = circuit.proveTables(Programs.fibonacci(3).machine().trace(), Cpu64Trace::mnemonicOf,
                LIGHT);
        int keys = circuit.derivedKeys();
        assertTrue(circuit.isValidTables(proof, LIGHT));
        assertEquals(keys, circuit.derivedKeys(), "the table key is derived once per configuration");
        byte[] bytes = proof.toBytes();
        int accepted = 0;
        for (int i = 0; i < bytes.length; i += 97) {
            byte[] b = bytes.clone();
            b[i] ^= 0x04;
            try {
                accepted += circuit.isValidTables(TableProof.fromBytes(b), LIGHT) ? 1 : 0;
            } catch (InvalidProofException e) {
                // rejected while decoding
            }
        }
        assertEquals(0, accepted);
        // the same proof is no proof for another machine's memory circuit
        TableProof moved = TableProof.fromBytes(bytes);
        assertFalse(SeedCircuit.circuit().isValidTables(moved, LIGHT));
        assertFalse(CalculatorCircuit.circuit().isValidTables(moved, LIGHT));
    }

    @Test
    @Tag("slow")
    void executionCircuitsProveOnTablesWithoutTheRangeFloor() throws InvalidProofException {
        Programs.Outcome fib = Programs.fibonacci(15);
        MachineCircuit<U64> exec = Cpu64Circuit.circuit(fib.runs());
        assertTrue(exec.provesOnTables());
        TableProof proof = exec.proveTables(fib.machine().trace(), Cpu64Trace::mnemonicOf, LIGHT, false);
        exec.verifyTables(TableProof.fromBytes(proof.toBytes()), LIGHT, Statement.of(fib.machine().trace()));
        TranslatedSystem t = exec.tables();
        assertEquals(512, proof.heights()[t.mainTable().index()], "285 records: 512 rows, not 2^16");
        // instructions of similar width in a table, as tall as its own steps (146 in all, and the row
        // that receives the final state)
        java.util.Map<String, Integer> heights = exec.tableHeights(fib.machine().trace()).tables();
        int rows = 0;
        for (java.util.Map.Entry<String, Integer> e : heights.entrySet()) {
            Table table = t.system().table(e.getKey());
            assertEquals(e.getValue(), proof.heights()[table.index()], e.getKey());
            assertTrue(table.columns().stream().allMatch(c -> c.name().startsWith(e.getKey() + ".")), e.getKey());
            rows += e.getValue();
        }
        assertTrue(rows >= 147 && rows < 2 * 147, "instruction tables' rows, each a power of two: " + rows);
        // the circuit has fibonacci's instructions only, none of which looks bytes up
        assertTrue(t.system().tables().stream().noneMatch(x -> x.name().equals("table.byte")));
        assertTrue(t.system().tables().stream().noneMatch(x -> x.name().equals("exec.xor")));
        assertTrue(t.system().table("program").isPreprocessed());
        // the ROM is in the key: the proof does not verify as a run of another program
        Programs.Outcome fact = Programs.factorial(5);
        MachineCircuit<U64> other = Cpu64Circuit.circuit(fact.runs());
        assertFalse(other.isValidTables(proof, LIGHT, Statement.of(fib.machine().trace())));
        // nor does a trace of another program prove as this one's
        assertThrows(UnsatisfiedTraceException.class,
                () -> exec.proveTables(fact.machine().trace(), Cpu64Trace::mnemonicOf, LIGHT, false));
    }

    @Test
    void anEmptyTraceIsOneRow() throws InvalidProofException {
        CalculatorMachine calc = CalculatorMachine.create();
        TableProof proof = CalculatorCircuit.circuit().proveTables(calc.trace(), CalculatorTrace::mnemonicOf, LIGHT);
        assertArrayEquals(new int[] {1, 256}, proof.heights(), "one row of log, and the range checks on the byte table");
        CalculatorCircuit.circuit().verifyTables(proof, LIGHT);
    }
}
