package dev.zkjvm.circuit.stark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.witness.WitnessBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A verifier is only as good as what it rejects. */
@Tag("slow")
class ForgedProofTest {
    private final StarkFixtures fx = new StarkFixtures(3, 5, 7);

    @Test
    void everyFlippedByteOfASmallProofIsRejected() throws Exception {
        StarkProof proof = StarkProver.prove(fx.witness(256, 5), StarkFixtures.SMALL, ProofProgress.SILENT);
        VerifyingKey key = VerifyingKey.derive(fx.system, proof.logRows(), StarkFixtures.SMALL);
        byte[] bytes = proof.toBytes();
        StarkVerifier.verify(key, StarkProof.fromBytes(bytes));
        int accepted = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte[] forged = bytes.clone();
            forged[i] ^= (byte) (1 << (i % 8));
            if (accepts(key, forged)) {
                accepted++;
                System.out.println("accepted a proof with byte " + i + " flipped");
            }
        }
        System.out.println("ForgedProofTest: flipped each of " + bytes.length + " bytes, " + (bytes.length - accepted)
                + " rejected");
        assertEquals(0, accepted);
    }

    @Test
    void truncatedAndExtendedProofsAreRejected() throws Exception {
        StarkProof proof = StarkProver.prove(fx.witness(256, 5), StarkFixtures.SMALL, ProofProgress.SILENT);
        VerifyingKey key = VerifyingKey.derive(fx.system, proof.logRows(), StarkFixtures.SMALL);
        byte[] bytes = proof.toBytes();
        assertFalse(accepts(key, java.util.Arrays.copyOf(bytes, bytes.length - 1)));
        assertFalse(accepts(key, java.util.Arrays.copyOf(bytes, bytes.length + 1)));
        assertFalse(accepts(key, new byte[0]));
    }

    @Test
    void aProofClaimingAHugeTraceIsRejectedBeforeAnyKeyIsDerived() throws Exception {
        byte[] bytes = StarkProver.prove(fx.witness(256, 5), StarkFixtures.SMALL, ProofProgress.SILENT).toBytes();
        bytes[1] = (byte) (VerifyingKey.MAX_LOG_ROWS + 1); // the trace length byte
        StarkProof claim = StarkProof.fromBytes(bytes);
        long start = System.nanoTime();
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> StarkVerifier.verify(fx.system, StarkFixtures.SMALL, claim));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "rejected without extending anything");
    }

    @Test
    void aProverThatIgnoresABrokenConstraintIsCaught() {
        for (String broken : new String[] {"doubled", "counter", "sorted", "op"}) {
            WitnessBuilder b = fx.witness(256, 5);
            long[][] cols = b.suppliedColumns();
            switch (broken) {
                case "doubled" -> cols[fx.doubled.index()][40] = 3;        // every-row constraint
                case "counter" -> cols[fx.counter.index()][100] = 7;       // transition + permutation + range
                case "sorted" -> cols[fx.sorted.index()][10] = 11;         // permutation only
                default -> cols[fx.op.index()][3] = 4;                     // lookup into the program
            }
            for (CheatingStarkProver.Cheat cheat : new CheatingStarkProver.Cheat[] {
                CheatingStarkProver.Cheat.IGNORE_CONSTRAINTS, CheatingStarkProver.Cheat.FORGE_OOD_VALUES}) {
                WitnessBuilder copy = copyOf(b);
                StarkProof forged = CheatingStarkProver.prove(copy, StarkFixtures.SMALL, cheat);
                InvalidProofException e = assertThrows(InvalidProofException.class,
                        () -> StarkVerifier.verify(fx.system, StarkFixtures.SMALL, forged), broken + " " + cheat);
                System.out.println("cheating prover (" + broken + ", " + cheat + "): " + e.getMessage());
            }
        }
    }

    private WitnessBuilder copyOf(WitnessBuilder b) {
        WitnessBuilder copy = WitnessBuilder.of(fx.system, b.rows());
        for (dev.zkjvm.circuit.air.Column c : java.util.List.of(fx.counter, fx.doubled, fx.flag, fx.op, fx.sorted)) {
            copy.set(c, b.suppliedColumns()[c.index()].clone());
        }
        return copy;
    }

    private static boolean accepts(VerifyingKey key, byte[] bytes) {
        try {
            StarkVerifier.verify(key, StarkProof.fromBytes(bytes));
            return true;
        } catch (InvalidProofException e) {
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("the verifier threw instead of rejecting: " + e, e);
        }
    }
}
