package dev.zkjvm.example.failclosed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.machine.exec.UnconstrainableBodyException;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.runtime.InvalidJumpException;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U32;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Body derivation fails closed: a body whose Java path depends on anything but the symbolic
 * machine API is either constrained as the VM runs it, line by line, or refused when the circuit
 * is built. Each false statement below was accepted when bodies were compiled once, on the path
 * of register 0.
 */
@Tag("slow")
class FailClosedBodiesTest {
    private static final StarkConfig LIGHT = new StarkConfig(new FriParameters(4, 4, 12, 8, 7), HashAlgorithm.SHA256);

    /** {@code x1 = 1}, then loop while {@code x1 != 0}: this program never halts. */
    private static final String LOOPS_FOREVER = "li x1, 1\nloop: bnez x1, loop\n";
    /** The same shape writing x0, which drops the write: this one falls through and ends. */
    private static final String ENDS = "li x0, 1\nloop: bnez x1, loop\n";

    private static Trace<U32> run(ZeroRegisterProgram program) {
        ZeroRegisterMachine vm = ZeroRegisterMachine.create();
        vm.run(program);
        return vm.trace();
    }

    @Test
    void aWriteTheVmMakesIsRequiredByTheCircuit() throws Exception {
        ZeroRegisterProgram program = ZeroRegisterAssembler.parse("li x1, 7\nli x0, 5\nadd x2, x1, x1\nadd x0, x1, x2\n"
                + "bnez x0, 0\n");
        Trace<U32> trace = run(program);
        ZeroRegisterCircuit.check(program, trace).assertSatisfied();
        StarkProof proof = ZeroRegisterCircuit.prove(List.of(program), trace, LIGHT, ProofProgress.SILENT);
        ZeroRegisterCircuit.verify(List.of(program), proof, LIGHT);
    }

    @Test
    void theCircuitStatesWhichLinesGetTheirOwnConstraints() {
        ZeroRegisterProgram program = ZeroRegisterAssembler.parse("li x1, 7\nli x0, 5\nadd x2, x1, x1\nadd x0, x1, x2\n");
        List<String> selectors = ZeroRegisterCircuit.circuit(List.of(program)).system().columns().stream()
                .map(c -> c.name()).filter(n -> n.startsWith("exec.is.")).toList();
        // li x0 follows the generic path (its placeholder register has index 0) and li x1 takes the
        // write that run skipped; add compares with the field x0, which no placeholder equals, so
        // add x2 follows the generic path and add x0 is the variant
        assertTrue(selectors.contains("exec.is.li[x1]"), selectors::toString);
        assertTrue(selectors.contains("exec.is.add[x0][x1][x2]"), selectors::toString);
        assertFalse(selectors.contains("exec.is.li[x0]"), selectors::toString);
        assertFalse(selectors.contains("exec.is.add[x2][x1][x1]"), selectors::toString);
    }

    @Test
    void aRunThatSkipsTheWriteIsNotARunOfTheProgramThatMakesIt() {
        ZeroRegisterProgram loops = ZeroRegisterAssembler.parse(LOOPS_FOREVER);
        ZeroRegisterProgram ends = ZeroRegisterAssembler.parse(ENDS);
        // the forged trace: a run of the twin program, claimed as a run of the one that never halts
        Trace<U32> forged = run(ends);
        ZeroRegisterCircuit.check(ends, forged).assertSatisfied();
        CheckReport report = ZeroRegisterCircuit.check(loops, forged);
        assertFalse(report.isSatisfied(), "a run that never wrote x1 passed as `li x1, 1`");
        assertTrue(report.failingConstraintNames().stream().anyMatch(n -> n.startsWith("exec.li[x1].set")),
                report::toString);
        assertThrows(UnsatisfiedTraceException.class,
                () -> ZeroRegisterCircuit.prove(List.of(loops), forged, LIGHT, ProofProgress.SILENT));
    }

    @Test
    void aRegisterOperandOutOfRangeCannotRun() {
        // the VM refuses x4 on a machine of four registers; that program line cannot be fetched
        ZeroRegisterProgram bad = ZeroRegisterProgram.builder().li(ZeroRegisterMachine.X1, U32.of(1))
                .li(new Reg(4, "x4"), U32.of(1)).build();
        assertThrows(RuntimeException.class, () -> run(bad));
        ZeroRegisterProgram twin = ZeroRegisterProgram.builder().li(ZeroRegisterMachine.X1, U32.of(1))
                .li(ZeroRegisterMachine.X0, U32.of(1)).build();
        // the ROM holds no opcode for the bad line, so no step can run there: the run claimed by the
        // twin's trace stops after its first step without ending
        CheckReport report = ZeroRegisterCircuit.check(bad, run(twin));
        assertFalse(report.isSatisfied());
        assertEquals(java.util.Set.of("exec.last_step.ends"), report.failingConstraintNames(), report::toString);
    }

    @Test
    void aHaltingJumpPastTheProgramIsRefused() {
        ZeroRegisterProgram honest = ZeroRegisterProgram.builder().exit(U32.of(1)).build();
        ZeroRegisterCircuit.check(honest, run(honest)).assertSatisfied();
        ZeroRegisterProgram far = ZeroRegisterProgram.builder().exit(U32.of(1000)).build();
        assertThrows(InvalidJumpException.class, () -> run(far));
        // the forged trace: exit makes no access, so the honest trace of `exit 1` is the only
        // candidate run of `exit 1000`; the target bound must refuse it
        CheckReport report = ZeroRegisterCircuit.check(far, run(honest));
        assertFalse(report.isSatisfied());
        assertTrue(report.failingConstraintNames().contains("exec.exit.halt.target.in_program"), report::toString);
    }

    @Test
    void aBodyThatSwallowsTheSymbolicRunsErrorIsRefused() {
        SwallowingProgram program = SwallowingProgram.builder().push(U32.of(0)).clamp().build();
        UnconstrainableBodyException e = assertThrows(UnconstrainableBodyException.class,
                () -> SwallowingCircuit.circuit(List.of(program)));
        assertEquals("instruction `clamp` calls isZero() on a computed word, which hands its value to Java;"
                + " branching or looping on it cannot be constrained (use Vm.select or Vm.jumpIf) (the body caught"
                + " this error and carried on; catching it cannot hide it)", e.getMessage());
    }

    @Test
    void aBodyWhoseJavaPathChangesFromRunToRunIsRefused() {
        CountingProgram program = CountingProgram.builder().tick().tick().build();
        UnconstrainableBodyException e = assertThrows(UnconstrainableBodyException.class,
                () -> CountingCircuit.circuit(List.of(program)));
        assertTrue(e.getMessage().startsWith("instruction `tick` compiles to different constraints each time it runs"),
                e.getMessage());
    }

    /** Changes one witness cell of an honest run and returns the constraints that fail. */
    private static java.util.Set<String> breakCell(ZeroRegisterProgram program, String column, int row, long delta) {
        Trace<U32> trace = run(program);
        MachineCircuit<U32> circuit = ZeroRegisterCircuit.circuit(List.of(program));
        WitnessBuilder w = circuit.witnessBuilder(trace);
        Column c = circuit.system().columns().stream().filter(x -> x.name().equals(column)).findFirst().orElseThrow();
        long[] cells = w.suppliedColumns()[c.index()];
        cells[row] = Goldilocks.add(cells[row], Goldilocks.fromSigned(delta));
        CheckReport report = circuit.check(w.build(), trace, ZeroRegisterTrace::mnemonicOf, CheckOptions.defaults());
        return new java.util.TreeSet<>(report.failingConstraintNames());
    }

    @Test
    void theVariantColumnIsTiedToTheSelectorsAndTheProgram() {
        // step 0 runs li x1, the variant numbered 1: claiming variant 2 breaks the sum and the fetch
        ZeroRegisterProgram program = ZeroRegisterAssembler.parse("li x1, 7\nadd x0, x1, x1\n");
        assertEquals(java.util.Set.of("exec.variant", "exec.fetch.last"), breakCell(program, "exec.variant", 0, 1));
    }

    @Test
    void theHaltingTargetBoundIsTargeted() {
        // exit's two pooled limbs hold length - target; one limb moved breaks only the bound
        ZeroRegisterProgram program = ZeroRegisterProgram.builder().exit(U32.of(1)).build();
        assertEquals(java.util.Set.of("exec.exit.halt.target.in_program"),
                breakCell(program, "exec.aux.range[0]", 0, 1));
    }
}
