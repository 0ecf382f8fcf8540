package dev.zkjvm.circuit.tables.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Checker;
import dev.zkjvm.circuit.check.StatementTuples;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProver;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.stark.TableKeys;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.stark.TableProver;
import dev.zkjvm.circuit.tables.stark.TableVerifier;
import dev.zkjvm.circuit.tables.stark.UnsatisfiedTablesException;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Public sends: the one-table checker holds the rows' sends to a statement exactly, the
 * translation makes each public bus a bus whose statement side the verifier adds, and a proof
 * verifies for its own statement only.
 */
class PublicSendTest {
    private static final StarkConfig TEST = new StarkConfig(new FriParameters(4, 4, 8, 0, 7), HashAlgorithm.DEFAULT);

    /** Rows send (index, value) where s = 1; the index counts the sends. */
    private final ConstraintSystem cs;
    private final Column s;
    private final Column index;
    private final Column value;

    PublicSendTest() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("emitter");
        s = b.main("s");
        index = b.main("index");
        value = b.main("value");
        b.everyRow("s.bool", s.cur().mul(s.cur().sub(1)));
        b.firstRow("index.first", index.cur());
        b.transition("index.step", index.next().sub(index.cur()).sub(s.cur()));
        b.publicSend("emit", "out", List.of("index", "value"), s.cur(), List.of(index.cur(), value.cur()));
        cs = b.build();
    }

    /** 8 rows; rows 1, 4 and 6 send 10, 20, 30. */
    private long[][] columns() {
        long[][] c = new long[cs.columns().size()][8];
        long k = 0;
        long[] sent = {0, 10, 0, 0, 20, 0, 30, 0};
        for (int r = 0; r < 8; r++) {
            c[index.index()][r] = k;
            if (sent[r] != 0) {
                c[s.index()][r] = 1;
                c[value.index()][r] = sent[r];
                k++;
            }
        }
        return c;
    }

    private static StatementTuples statement(long... values) {
        StatementTuples t = StatementTuples.NONE;
        for (int i = 0; i < values.length; i++) {
            t = t.with("out", i, values[i]);
        }
        return t;
    }

    private CheckReport check(long[][] c, StatementTuples statement) {
        WitnessBuilder w = WitnessBuilder.of(cs, 8);
        for (Column col : cs.columns()) {
            w.set(col, c[col.index()].clone());
        }
        Witness witness = w.build();
        return new Checker(cs).check(witness, CheckOptions.defaults().withStatement(statement));
    }

    @Test
    void theCheckerHoldsTheSendsToTheStatement() {
        assertTrue(check(columns(), statement(10, 20, 30)).isSatisfied());
        CheckReport wrong = check(columns(), statement(10, 21, 30));
        assertFalse(wrong.isSatisfied());
        assertEquals(2L, wrong.countsByConstraint().get("out"), wrong.toString());
        String text = wrong.toString();
        assertTrue(text.contains("emit at row 4 sends out(index=1, value=20), which the statement does not have"), text);
        assertTrue(text.contains("the statement has out(index=1, value=21), which no row sends"), text);
        CheckReport missing = check(columns(), statement(10, 20));
        assertEquals(1L, missing.countsByConstraint().get("out"), missing.toString());
        CheckReport extra = check(columns(), statement(10, 20, 30, 40));
        assertEquals(1L, extra.countsByConstraint().get("out"), extra.toString());
        assertFalse(check(columns(), StatementTuples.NONE).isSatisfied(), "a statement claiming nothing");
    }

    @Test
    void aOneTableProofRefusesAPublicBus() {
        WitnessBuilder w = WitnessBuilder.of(cs, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StarkProver.prove(w, TEST, dev.zkjvm.circuit.stark.ProofProgress.SILENT, CheckOptions.defaults()));
        assertTrue(e.getMessage().contains("prove it on tables"), e.getMessage());
        // the verifier rejects rather than throws: the proof bytes are the caller's input
        assertThrows(dev.zkjvm.circuit.stark.InvalidProofException.class, () -> dev.zkjvm.circuit.stark.StarkVerifier
                .verify(cs, TEST, dev.zkjvm.circuit.stark.VerifyOptions.DEFAULT, null, logRows -> null));
        assertFalse(dev.zkjvm.circuit.stark.StarkVerifier.isValid(cs, TEST, null));
    }

    @Test
    void onTablesAProofVerifiesForItsOwnStatementOnly() {
        TranslatedSystem t = TranslatedSystem.of(cs);
        PublicTuples mine = t.publicTuples(statement(10, 20, 30));
        assertTrue(new TableSystemChecker(t.system()).check(t.trace(columns(), 8), mine).isSatisfied());
        TableKeys.ProvingKey key = TableKeys.derive(t.system(), TEST);
        TableProof proof = TableProver.prove(key, t.trace(columns(), 8), mine);
        assertTrue(TableVerifier.isValid(key.verifyingKey(), mine, proof));
        for (StatementTuples other : List.of(statement(10, 20, 31), statement(10, 20), statement(10, 20, 30, 40),
                statement(20, 10, 30), StatementTuples.NONE)) {
            assertFalse(TableVerifier.isValid(key.verifyingKey(), t.publicTuples(other), proof), other.toString());
        }
        assertThrows(UnsatisfiedTablesException.class,
                () -> TableProver.prove(key, t.trace(columns(), 8), t.publicTuples(statement(10, 20, 31))));
        assertThrows(IllegalArgumentException.class, () -> t.publicTuples(StatementTuples.NONE.with("in", 1, 2)));
    }
}
