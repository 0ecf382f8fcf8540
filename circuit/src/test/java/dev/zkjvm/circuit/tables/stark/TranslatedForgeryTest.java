package dev.zkjvm.circuit.tables.stark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.translate.RangeLayout;
import dev.zkjvm.circuit.tables.translate.TranslatedSystem;
import dev.zkjvm.circuit.tables.translate.TranslationFixtures;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Translated systems against a cheating prover (test code only) that skips the exact check and
 * proves a broken trace of a one-table system's translation: the verifier rejects each proof.
 */
class TranslatedForgeryTest {
    private static final StarkConfig TEST = new StarkConfig(new FriParameters(4, 4, 8, 0, 7), HashAlgorithm.DEFAULT);

    private final TranslationFixtures.Ranges ranges = new TranslationFixtures.Ranges();
    private final TranslationFixtures.Perm perm = new TranslationFixtures.Perm();

    /** Proves without the exact check, as a cheating prover would; true if the honest verifier accepts. */
    private static boolean forgedProofAccepted(TranslatedSystem t, SystemTrace trace) {
        TableKeys.ProvingKey key = TableKeys.derive(t.system(), TEST);
        assertThrows(UnsatisfiedTablesException.class, () -> TableProver.prove(key, trace, PublicTuples.NONE));
        Consumer<dev.zkjvm.circuit.tables.logup.LogupWitness> none = w -> {
        };
        // the cheater cuts its composition polynomial to the bound instead of refusing
        TableProof forged = TableProver.prove(key, trace, PublicTuples.NONE, none, ForgedTableProofTest::truncatedChunks);
        return TableVerifier.isValid(key.verifyingKey(), PublicTuples.NONE, forged);
    }

    @Test
    void honestTraceThroughTheUncheckedPathVerifies() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs);
        TableKeys.ProvingKey key = TableKeys.derive(t.system(), TEST);
        TableProof proof = TableProver.prove(key, t.trace(ranges.columns(8), 8), PublicTuples.NONE, w -> {
        }, TableComposition::chunks);
        assertTrue(TableVerifier.isValid(key.verifyingKey(), PublicTuples.NONE, proof), "the control");
    }

    @Test
    void rangeInputOf65536IsRejected() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs);
        long[][] c = ranges.columns(8);
        c[ranges.w.index()][3] = 65536;
        assertFalse(forgedProofAccepted(t, t.trace(c, 8)));
    }

    @Test
    void rangeInputOf65536CheckedAsBytesIsRejected() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs, c -> null, RangeLayout.BYTES);
        long[][] c = ranges.columns(8);
        c[ranges.w.index()][3] = 65536;
        assertFalse(forgedProofAccepted(t, t.trace(c, 8)));
    }

    @Test
    void aHighByteOf256IsRejected() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs, c -> null, RangeLayout.BYTES);
        long[][] c = ranges.columns(8);
        c[ranges.w.index()][3] = 65536 + 5;
        SystemTrace trace = t.trace(c, 8);
        // the cheater's fill: high "byte" 256, low byte 5, and the byte table's counts to match
        Table range = t.rangeTable(16);
        Column count = range.air().column("range16.bytes.m");
        trace.set(t.mainTable(), t.mainTable().air().column("w.range.hi"), 3, 256);
        trace.set(range, count, 0, trace.column(range, count)[0] - 1);
        trace.set(range, count, 5, trace.column(range, count)[5] + 1);
        assertFalse(forgedProofAccepted(t, trace));
    }

    @Test
    void brokenPermutationIsRejected() {
        TranslatedSystem t = TranslatedSystem.of(perm.cs);
        long[][] c = perm.columns(16);
        c[perm.b.index()][0] += 2;
        assertFalse(forgedProofAccepted(t, t.trace(c, 16)));
    }

    @Test
    void brokenRowConstraintIsRejected() {
        TranslatedSystem t = TranslatedSystem.of(ranges.cs);
        long[][] c = ranges.columns(32);
        c[ranges.count.index()][5] = 99;
        assertFalse(forgedProofAccepted(t, t.trace(c, 32)));
    }
}
