package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.exec.InstructionTables;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.check.UnmatchedTuple;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.stark.TableVerifier;
import dev.zkjvm.circuit.tables.stark.UncheckedTableProver;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The execution bus ({@link InstructionTables}): the steps of all execution tables form exactly one
 * run. A step skipped, repeated, reordered or taken from another run leaves a state on the bus
 * that nothing consumes: the exact check names it, and a proof made of such tables by a prover
 * that skips the check does not verify.
 */
class ExecutionBusTest {
    private static final StarkConfig LIGHT = new StarkConfig(new FriParameters(4, 4, 12, 8, 7), HashAlgorithm.SHA256);

    private final Programs.Outcome fib = Programs.fibonacci(30);
    private final MachineCircuit<U64> circuit = Cpu64Circuit.circuit(fib.runs());

    /** The table trace of the honest run, fresh (mutants change it in place). */
    private SystemTrace honest() {
        return circuit.tablesTrace(fib.machine().trace());
    }

    private PublicTuples statement() {
        return circuit.tablesStatement(fib.machine().trace());
    }

    /** The execution table with the most steps, and its column named {@code <table>.<suffix>}. */
    private Table busiest(SystemTrace t) {
        return t.system().tables().stream().filter(x -> x.name().startsWith("exec.")
                && !x.name().equals(InstructionTables.FINAL_TABLE))
                .max(Comparator.comparingInt(t::height)).orElseThrow();
    }

    private static Column column(Table t, String suffix) {
        return t.air().column(t.name() + "." + suffix);
    }

    /** Rows of {@code t} that run a step: one of its instruction flags is set. */
    private static List<Integer> steps(SystemTrace trace, Table t) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int r = 0; r < trace.height(t); r++) {
            boolean active = false;
            for (Column c : t.columns()) {
                if ((c.name().contains(".is.") || c.name().endsWith(".active")) && trace.column(t, c)[r] == 1) {
                    active = true;
                }
            }
            if (active) {
                out.add(r);
            }
        }
        assertTrue(out.size() > 5, t.name());
        return out;
    }

    private TableSystemReport check(SystemTrace t) {
        return new TableSystemChecker(t.system()).check(t, statement());
    }

    /** The mutant is refused, with an unmatched state on the execution bus. */
    private TableSystemReport assertRejectedOnTheBus(String what, Consumer<SystemTrace> mutate) {
        SystemTrace t = honest();
        mutate.accept(t);
        TableSystemReport r = check(t);
        assertFalse(r.isSatisfied(), what);
        List<UnmatchedTuple> states = r.unmatched().stream()
                .filter(u -> u.bus().equals(InstructionTables.STATE_BUS)).toList();
        assertFalse(states.isEmpty(), what + ": " + r);
        return r;
    }

    @Test
    void theHonestRunBalances() {
        TableSystemReport r = check(honest());
        assertTrue(r.isSatisfied(), r::toString);
    }

    @Test
    void aSkippedStepIsRejected() {
        assertRejectedOnTheBus("skipped", t -> {
            Table table = busiest(t);
            int r = steps(t, table).get(3);
            for (Column c : table.columns()) {
                t.set(table, c, r, 0);
            }
        });
    }

    @Test
    void aRepeatedStepIsRejected() {
        assertRejectedOnTheBus("repeated", t -> {
            Table table = busiest(t);
            List<Integer> steps = steps(t, table);
            int spare = t.height(table) - 1;
            assertTrue(!steps.contains(spare), "a padding row to repeat the step into");
            for (Column c : table.columns()) {
                t.set(table, c, spare, t.column(table, c)[steps.get(3)]);
            }
        });
    }

    /**
     * Two steps swap places in the run: each keeps its instruction, operands and accesses, and
     * takes the other's clk. Nothing but the bus reads clk, so only the bus can object.
     */
    @Test
    void reorderedStepsAreRejectedByTheBusAlone() {
        TableSystemReport r = assertRejectedOnTheBus("reordered", t -> {
            Table table = busiest(t);
            List<Integer> steps = steps(t, table);
            Column clk = column(table, "clk");
            long a = t.column(table, clk)[steps.get(2)];
            long b = t.column(table, clk)[steps.get(5)];
            t.set(table, clk, steps.get(2), b);
            t.set(table, clk, steps.get(5), a);
        });
        assertTrue(r.rowFailures().isEmpty(), r::toString);
        assertTrue(r.unmatched().stream().allMatch(u -> u.bus().equals(InstructionTables.STATE_BUS)), r::toString);
        assertEquals(8, r.unmatchedCount(), "each step's start and next state, both swapped: " + r);
    }

    /** A step of fibonacci(31), a longer run of the same program, put in place of one of this run's. */
    @Test
    void aStepFromAnotherRunIsRejected() {
        Programs.Outcome other = Programs.fibonacci(31);
        SystemTrace theirs = Cpu64Circuit.circuit(other.runs()).tablesTrace(other.machine().trace());
        assertRejectedOnTheBus("from another run", t -> {
            Table table = busiest(t);
            Table their = theirs.system().table(table.name());
            List<Integer> mine = steps(t, table);
            List<Integer> steps = steps(theirs, their);
            int last = steps.get(steps.size() - 1);   // a late step: its clk is past this run's end
            for (Column c : table.columns()) {
                t.set(table, c, mine.get(4), theirs.column(their, their.air().column(c.name()))[last]);
            }
        });
    }

    /** A prover that skips the check proves the reordered tables; the verifier rejects the proof. */
    @Test
    void aProofOfReorderedStepsDoesNotVerify() {
        SystemTrace t = honest();
        Table table = busiest(t);
        List<Integer> steps = steps(t, table);
        Column clk = column(table, "clk");
        long a = t.column(table, clk)[steps.get(2)];
        t.set(table, clk, steps.get(2), t.column(table, clk)[steps.get(5)]);
        t.set(table, clk, steps.get(5), a);
        TableProof forged = UncheckedTableProver.prove(circuit.tableKey(LIGHT), t, statement());
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> TableVerifier.verify(circuit.tableKey(LIGHT).verifyingKey(), statement(), forged));
        assertTrue(e.getMessage().contains("balance"), e.getMessage());
        // the same prover on the honest tables makes a proof that verifies
        TableProof fair = UncheckedTableProver.prove(circuit.tableKey(LIGHT), honest(), statement());
        assertTrue(circuit.isValidTables(fair, LIGHT, dev.zkjvm.circuit.machine.Statement.of(fib.machine().trace())));
    }
}
