package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.runtime.U64;
import org.junit.jupiter.api.Test;

/** The benchmark's hardest garbage is what it claims to be: past every size check, rejected without a key. */
class ShapedGarbageProofTest {
    @Test
    void aZeroProofOfTheRightShapeClaimingTwoToTheTwentyTwoRowsIsRejectedWithoutAKey() throws Exception {
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(StreamFreeFibonacci.run(5).runs());
        int keys = circuit.derivedKeys();
        for (StarkConfig config : new StarkConfig[] {StarkConfig.DEFAULT, StarkConfig.PROVABLE_100}) {
            StarkProof proof = StarkProof.fromBytes(ShapedGarbageProof.bytes(circuit.system(), config, 22));
            assertEquals(22, proof.logRows());
            InvalidProofException e = assertThrows(InvalidProofException.class, () -> circuit.verify(proof, config));
            // past the shape: the proof of work, one hash, is the first check that fails
            assertTrue(e.getMessage().startsWith("FRI: proof-of-work nonce does not meet"), e.getMessage());
        }
        assertEquals(keys, circuit.derivedKeys());
        byte[] real = MalformedProofBenchmark.garbage38(ShapedGarbageProof.bytes(circuit.system(), StarkConfig.DEFAULT,
                16));
        StarkProof garbage = StarkProof.fromBytes(real);
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> circuit.verify(garbage, StarkConfig.DEFAULT));
        assertTrue(e.getMessage().startsWith("proof has 0 roots"), e.getMessage());
        assertEquals(keys, circuit.derivedKeys());
    }
}
