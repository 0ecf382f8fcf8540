package dev.zkjvm.circuit.tables.stark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TablesFixture;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One cell of an honest trace changed at random, then proven by a prover that skips the check and
 * cuts its composition polynomials to their degree bound (test code): the verifier accepts exactly
 * when the exact checker does. Changes that keep the statement true (a cell no constraint or bus
 * reads on that row) must still verify; all others must not.
 */
class CheckerVerifierAgreementTest {
    private static final StarkConfig TEST = new StarkConfig(new FriParameters(4, 4, 8, 0, 7), HashAlgorithm.DEFAULT);

    @Test
    void smallSystemAgrees() {
        SmallSystem s = new SmallSystem();
        int[] outcomes = agree(s.system, s::trace, s.statement(), 40, 11);
        assertTrue(outcomes[1] > 0, "some change rejected");
    }

    @Test
    void changeThatKeepsTheStatementTrueStillVerifies() {
        SmallSystem s = new SmallSystem();
        SystemTrace t = s.trace();
        t.set(s.values, s.y, 3, 99); // row 3 receives with multiplicity 0: its value takes part in nothing
        assertTrue(new TableSystemChecker(s.system).check(t, s.statement()).isSatisfied());
        TableKeys.ProvingKey key = TableKeys.derive(s.system, TEST);
        assertTrue(TableVerifier.isValid(key.verifyingKey(), s.statement(),
                TableProver.prove(key, t, s.statement())));
    }

    @Test
    void fixtureOfFourHeightsAgrees() {
        TablesFixture f = new TablesFixture();
        int[] outcomes = agree(f.system, f::honestTrace, f.statement(), 16, 5);
        assertTrue(outcomes[1] > 0, "some change rejected");
    }

    /** Returns {accepted, rejected}. */
    private static int[] agree(TableSystem system, Supplier<SystemTrace> honest, PublicTuples statement, int trials,
            long seed) {
        TableKeys.ProvingKey key = TableKeys.derive(system, TEST);
        TableSystemChecker checker = new TableSystemChecker(system);
        Random rnd = new Random(seed);
        int accepted = 0;
        int rejected = 0;
        for (int trial = 0; trial < trials; trial++) {
            SystemTrace t = honest.get();
            Table table = system.tables().get(rnd.nextInt(system.tables().size()));
            List<Column> main = table.air().columns(Phase.MAIN);
            Column c = main.get(rnd.nextInt(main.size()));
            int row = rnd.nextInt(t.height(table));
            long old = t.column(table, c)[row];
            t.set(table, c, row, Goldilocks.add(old, 1 + rnd.nextInt(3)));
            boolean checked = checker.check(t, statement).isSatisfied();
            boolean verified;
            try {
                TableProof p = TableProver.prove(key, t, statement, w -> {
                }, ForgedTableProofTest::truncatedChunks);
                verified = TableVerifier.isValid(key.verifyingKey(), statement, p);
            } catch (IllegalStateException e) {
                verified = false; // e.g. a LogUp denominator of zero
            }
            assertEquals(checked, verified, "table " + table.name() + " column " + c + " row " + row);
            if (verified) {
                accepted++;
            } else {
                rejected++;
            }
        }
        return new int[] {accepted, rejected};
    }
}
