package dev.zkjvm.circuit.stark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * The cheating prover differs from the honest one only in its cheats: recomposed without them,
 * the stages give {@link StarkProver#prove}'s proof byte for byte, so every forged proof the
 * soundness tests reject is the honest protocol with exactly one dishonest step.
 */
class CheatingStarkProverTest {
    private final StarkFixtures fx = new StarkFixtures(3, 5, 7);

    @Test
    void theStagesWithoutCheatingAreTheHonestProver() {
        StarkConfig folding2 = new StarkConfig(new FriParameters(4, 2, 10, 2, 7), HashAlgorithm.BLAKE3);
        for (StarkConfig config : new StarkConfig[] {StarkFixtures.SMALL, folding2}) {
            byte[] honest = StarkProver.prove(fx.witness(256, 5), config, ProofProgress.SILENT).toBytes();
            byte[] recomposed = CheatingStarkProver.prove(fx.witness(256, 5), config, CheatingStarkProver.Cheat.NONE)
                    .toBytes();
            assertArrayEquals(honest, recomposed, config.toString());
        }
    }

    @Test
    void withoutCheatingTheStagesStillRefuseABrokenWitness() {
        var broken = fx.witness(256, 5);
        broken.suppliedColumns()[fx.doubled.index()][40] = 3;
        assertThrows(UnsatisfiedTraceException.class,
                () -> CheatingStarkProver.prove(broken, StarkFixtures.SMALL, CheatingStarkProver.Cheat.NONE));
    }
}
