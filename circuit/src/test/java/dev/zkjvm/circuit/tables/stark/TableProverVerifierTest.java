package dev.zkjvm.circuit.tables.stark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.TablesFixture;
import org.junit.jupiter.api.Test;

class TableProverVerifierTest {
    /** Small and fast for tests: 8 queries, no grinding. */
    static final StarkConfig TEST = new StarkConfig(new FriParameters(4, 4, 8, 0, 7), HashAlgorithm.DEFAULT);

    private final TablesFixture f = new TablesFixture();

    @Test
    void honestSystemOfFourHeightsProvesAndVerifies() throws InvalidProofException {
        TableProof proof = TableProver.prove(f.honestTrace(), f.statement(), TEST);
        assertArrayEquals(new int[] {8, 4, 256, 1}, proof.heights());
        TableVerifier.verify(f.system, TEST, f.statement(), proof);
        TableProof decoded = TableProof.fromBytes(proof.toBytes());
        assertDoesNotThrow(() -> TableVerifier.verify(f.system, TEST, f.statement(), decoded));
        assertArrayEquals(proof.toBytes(), decoded.toBytes());
    }

    @Test
    void defaultParametersProveAndVerify() {
        TableProof proof = TableProver.prove(f.honestTrace(), f.statement(), StarkConfig.DEFAULT);
        assertTrue(TableVerifier.isValid(f.system, StarkConfig.DEFAULT, f.statement(), proof));
        assertFalse(TableVerifier.isValid(f.system, TEST, f.statement(), proof));
    }

    @Test
    void anotherStatementIsRejected() {
        TableProof proof = TableProver.prove(f.honestTrace(), f.statement(), TEST);
        PublicTuples other = PublicTuples.NONE.with(f.io, Direction.SEND, 1, 43);
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> TableVerifier.verify(f.system, TEST, other, proof));
        assertTrue(e.getMessage().contains("do not balance"), e.getMessage());
        assertFalse(TableVerifier.isValid(f.system, TEST, PublicTuples.NONE, proof));
    }

    @Test
    void unsatisfiedTraceIsRefusedWithTheReport() {
        SystemTrace t = f.honestTrace();
        t.set(f.cpu, f.isRead, 1, 1);
        UnsatisfiedTablesException e = assertThrows(UnsatisfiedTablesException.class,
                () -> TableProver.prove(t, f.statement(), TEST));
        assertTrue(e.getMessage().contains("memory(addr=99, val=3)"), e.getMessage());
    }
}
