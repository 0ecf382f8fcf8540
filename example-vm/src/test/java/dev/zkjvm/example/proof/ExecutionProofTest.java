package dev.zkjvm.example.proof;

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
import dev.zkjvm.circuit.stark.StarkProver;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.example.CalculatorCircuit;
import dev.zkjvm.example.CalculatorMachine;
import dev.zkjvm.example.CalculatorProgram;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import dev.zkjvm.example.SeedCircuit;
import dev.zkjvm.example.SeedMachine;
import dev.zkjvm.example.SeedProgram;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.U64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * STARK proofs of runs of the example machines: every example program's honest run proves and
 * verifies from the programs and its statement alone, and a proof says nothing about any other
 * program, input or output. Cpu64, whose programs read input and write output, proves on tables;
 * the Seed and Calculator machines also on the one-table STARK.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionProofTest {
    /**
     * Blowup 4, 12 queries, 8 bits of grinding: the same protocol at about half the prover's work
     * and a low security level, for the tests that are about the machines rather than the
     * parameters (the fibonacci proof and the command line use {@link StarkConfig#DEFAULT}).
     */
    static final StarkConfig LIGHT = new StarkConfig(new FriParameters(4, 4, 12, 8, 7), HashAlgorithm.SHA256);

    private Programs.Outcome fibonacci;
    private Statement<U64> fibonacciStatement;
    private TableProof fibonacciProof;

    @BeforeAll
    void proveOnce() {
        fibonacci = Programs.fibonacci(15);
        fibonacciStatement = Statement.of(fibonacci.machine().trace());
        // the run is the program alone; n is its public input, fib(n) its output
        fibonacciProof = Cpu64Circuit.proveTables(fibonacci.runs(), fibonacci.machine().trace(), StarkConfig.DEFAULT,
                true);
    }

    @Test
    void fibonacciProofVerifiesFromTheProgramAndStatementAlone() throws Exception {
        TableProof proof = fibonacciProof;
        assertEquals(List.of(U64.of(15)), fibonacciStatement.input());
        assertEquals(List.of(U64.of(610)), fibonacciStatement.output());
        Cpu64Circuit.verifyTables(fibonacci.runs(), fibonacciStatement, TableProof.fromBytes(proof.toBytes()),
                StarkConfig.DEFAULT);
        System.out.println("fibonacci(15): " + fibonacci.machine().trace().size() + " memory operations, proof of "
                + proof.toBytes().length + " bytes on tables");
    }

    @Test
    void everyBundledCpu64ProgramProvesAndVerifies() throws Exception {
        long[] words = new SplittableRandom(3).longs(10).toArray();
        for (Programs.Outcome o : List.of(Programs.factorial(10), Programs.arraySum(words),
                Programs.bubbleSort(words), Programs.hashPreimage(words))) {
            TableProof proof = Cpu64Circuit.proveTables(o.runs(), o.machine().trace(), LIGHT, true);
            Cpu64Circuit.verifyTables(o.runs(), Statement.of(o.machine().trace()), proof, LIGHT);
        }
    }

    @Test
    void seedMachineWithUnalignedAccessesProvesAndVerifies() throws Exception {
        SeedMachine vm = SeedMachine.create();
        long base = SeedMachine.LAYOUT.memoryBase();
        SeedProgram program = SeedProgram.builder()
                .write(U256.of(base + 5), U256.of(-1)).read(U256.of(base + 37))
                .push(U256.of(7)).swap(SeedMachine.R1).push(U256.of(8)).pop(SeedMachine.R2)
                .add(SeedMachine.R1, SeedMachine.R2).save(U256.of(base + 64), SeedMachine.R1)
                .load(SeedMachine.R3, U256.of(base + 70)).build();
        vm.run(program);
        StarkProof proof = SeedCircuit.prove(List.of(program), vm.trace(), LIGHT, ProofProgress.SILENT);
        SeedCircuit.verify(List.of(program), proof, LIGHT);
    }

    @Test
    void calculatorProvesAndVerifiesWithTheDefaultParameters() {
        CalculatorProgram program = CalculatorProgram.builder().push(2).push(3).add().push(7).mul().store()
                .push(9).save(16).build();
        CalculatorMachine vm = CalculatorMachine.create();
        vm.run(program);
        StarkProof proof = CalculatorCircuit.prove(program, vm.trace());
        assertTrue(CalculatorCircuit.verify(program, proof));
        CalculatorProgram other = CalculatorProgram.builder().push(2).push(3).add().push(7).mul().store()
                .push(9).save(24).build();
        assertFalse(CalculatorCircuit.verify(other, proof));
    }

    @Test
    void aProofDoesNotVerifyForAnotherProgramOrOtherRuns() {
        List<Cpu64Program> otherProgram = List.of(Programs.program("factorial"));
        List<Cpu64Program> anExtraRunFirst = List.of(Programs.loader(new long[0], 15), Programs.program("fibonacci"));
        for (List<Cpu64Program> runs : List.of(otherProgram, anExtraRunFirst)) {
            assertThrows(InvalidProofException.class,
                    () -> Cpu64Circuit.verifyTables(runs, fibonacciStatement, fibonacciProof, StarkConfig.DEFAULT));
        }
    }

    @Test
    void aProofDoesNotVerifyForAnotherInputOrOutput() {
        List<Statement<U64>> others = List.of(
                new Statement<>(List.of(U64.of(16)), fibonacciStatement.output()),
                new Statement<>(fibonacciStatement.input(), List.of(U64.of(987))),
                new Statement<>(fibonacciStatement.input(), List.of(U64.of(610), U64.of(0))),
                new Statement<>(fibonacciStatement.input(), List.of()),
                new Statement<>(List.of(), fibonacciStatement.output()));
        for (Statement<U64> other : others) {
            assertFalse(Cpu64Circuit.isValidTables(fibonacci.runs().get(0), other, fibonacciProof), other.toString());
        }
        assertTrue(Cpu64Circuit.isValidTables(fibonacci.runs().get(0), fibonacciStatement, fibonacciProof));
    }

    @Test
    void aTraceThatIsNotARunOfTheProgramIsRefusedWithTheStepNamed() {
        // the trace of fibonacci(15) is not a run of factorial: the prover says which step breaks
        UnsatisfiedTraceException e = assertThrows(UnsatisfiedTraceException.class, () -> Cpu64Circuit.proveTables(
                List.of(Programs.program("factorial")), fibonacci.machine().trace(), StarkConfig.DEFAULT, true));
        assertTrue(e.getMessage().contains("exec."), e.getMessage());
        assertTrue(e.getMessage().contains("step"), e.getMessage());
    }

    @Test
    void theOneTableProverRefusesAMachineWithStreams() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cpu64Circuit.prove(
                fibonacci.runs(), fibonacci.machine().trace(), LIGHT, ProofProgress.SILENT));
        assertTrue(e.getMessage().contains("prove it on tables"), e.getMessage());
    }

    @Test
    void aChangedWitnessCellIsRefused() {
        CalculatorProgram program = CalculatorProgram.builder().push(2).push(3).add().store().build();
        CalculatorMachine vm = CalculatorMachine.create();
        vm.run(program);
        MachineCircuit<U64> circuit = CalculatorCircuit.circuit(List.of(program));
        WitnessBuilder b = circuit.witnessBuilder(vm.trace());
        long[] value = b.suppliedColumns()[circuit.memory().value.get(0).index()];
        value[2] ^= 1;
        UnsatisfiedTraceException e = assertThrows(UnsatisfiedTraceException.class,
                () -> StarkProver.prove(b, StarkConfig.DEFAULT, ProofProgress.SILENT));
        assertFalse(e.report().failingConstraintNames().isEmpty());
    }

    @Test
    void forgedBytesOfARealProofAreRejected() throws Exception {
        byte[] bytes = fibonacciProof.toBytes();
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(fibonacci.runs());
        circuit.verifyTables(TableProof.fromBytes(bytes), StarkConfig.DEFAULT, fibonacciStatement);
        SplittableRandom random = new SplittableRandom(11);
        int samples = 500;
        int rejected = 0;
        for (int s = 0; s < samples; s++) {
            byte[] forged = bytes.clone();
            int i = random.nextInt(bytes.length);
            forged[i] ^= (byte) (1 + random.nextInt(255));
            try {
                circuit.verifyTables(TableProof.fromBytes(forged), StarkConfig.DEFAULT, fibonacciStatement);
            } catch (InvalidProofException expected) {
                rejected++;
            }
        }
        System.out.println("forged Cpu64 proof bytes: " + samples + " random byte changes of a " + bytes.length
                + "-byte proof, " + rejected + " rejected");
        assertEquals(samples, rejected);
    }
}
