package dev.zkjvm.circuit.stark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import org.junit.jupiter.api.Test;

class StarkProverVerifierTest {
    private final StarkFixtures fx = new StarkFixtures(3, 5, 7);

    @Test
    void anHonestProofVerifiesAndSurvivesEncoding() throws Exception {
        StarkProof proof = StarkProver.prove(fx.witness(256, 5), StarkFixtures.SMALL, ProofProgress.SILENT);
        StarkVerifier.verify(fx.system, StarkFixtures.SMALL, proof);
        StarkProof decoded = StarkProof.fromBytes(proof.toBytes());
        StarkVerifier.verify(fx.system, StarkFixtures.SMALL, decoded);
        assertEquals(proof.toBytes().length, decoded.toBytes().length);
    }

    @Test
    void largerTracesAndTheDefaultParametersVerify() throws Exception {
        StarkProof proof = StarkProver.prove(fx.witness(1024, 7), StarkConfig.DEFAULT, ProofProgress.SILENT);
        StarkVerifier.verify(fx.system, StarkConfig.DEFAULT, proof);
    }

    @Test
    void everyHashVerifies() throws Exception {
        for (HashAlgorithm h : HashAlgorithm.values()) {
            StarkConfig config = StarkFixtures.SMALL.withHash(h);
            StarkProof proof = StarkProver.prove(fx.witness(256, 3), config, ProofProgress.SILENT);
            StarkVerifier.verify(fx.system, config, proof);
            assertFalse(StarkVerifier.isValid(fx.system, config.withHash(h == HashAlgorithm.SHA256
                    ? HashAlgorithm.BLAKE3 : HashAlgorithm.SHA256), proof), h.toString());
        }
    }

    @Test
    void theProverRefusesAWitnessThatBreaksAConstraint() {
        WitnessBuilder b = fx.witness(256, 5);
        b.suppliedColumns()[fx.doubled.index()][17] = 1;
        UnsatisfiedTraceException e = assertThrows(UnsatisfiedTraceException.class,
                () -> StarkProver.prove(b, StarkFixtures.SMALL, ProofProgress.SILENT));
        assertEquals(java.util.Set.of("doubled.def"), e.report().failingConstraintNames());
        assertTrue(e.getMessage().contains("doubled.def"), e.getMessage());
    }

    @Test
    void aProofForOneProgramDoesNotVerifyForAnother() throws Exception {
        StarkProof proof = StarkProver.prove(fx.witness(256, 5), StarkFixtures.SMALL, ProofProgress.SILENT);
        StarkFixtures other = new StarkFixtures(3, 5, 9);
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> StarkVerifier.verify(other.system, StarkFixtures.SMALL, proof));
        assertTrue(e.getMessage().length() > 0);
        // and the other program's own honest proof verifies for it, not for the first
        StarkProof otherProof = StarkProver.prove(other.witness(256, 9), StarkFixtures.SMALL, ProofProgress.SILENT);
        StarkVerifier.verify(other.system, StarkFixtures.SMALL, otherProof);
        assertFalse(StarkVerifier.isValid(fx.system, StarkFixtures.SMALL, otherProof));
    }

    @Test
    void theVerifierInsistsOnItsOwnParameters() throws Exception {
        StarkProof proof = StarkProver.prove(fx.witness(256, 5), StarkFixtures.SMALL, ProofProgress.SILENT);
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> StarkVerifier.verify(fx.system, StarkConfig.DEFAULT, proof));
        assertTrue(e.getMessage().contains("verifier requires"), e.getMessage());
    }

    @Test
    void theProgressListenerSeesEveryStageInOrder() {
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        StarkProver.prove(fx.witness(256, 5), StarkFixtures.SMALL, (stage, index, total) -> {
            seen.add(index);
            assertEquals(8, total);
        });
        assertEquals(java.util.List.of(0, 1, 2, 3, 4, 5, 6, 7), seen);
    }

    @Test
    void securityOfTheDefaultIsAtLeast96Bits() {
        assertTrue(StarkConfig.DEFAULT.securityBits(20, 3, 1000) >= 96);
        assertEquals(100, StarkConfig.DEFAULT.securityBits(20, 3, 1000));
    }
}
