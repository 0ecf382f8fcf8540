package dev.zkjvm.circuit.fri;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.Transcript;
import org.junit.jupiter.api.Test;

class FriGrindingTest {
    @Test
    void theParallelSearchFindsTheSmallestNonceAcrossManyChunks() {
        // 16 bits: about 2^16 tries, 16 chunks of 2^12 shared between the workers
        long beyondFirstChunks = 0;
        for (int i = 0; i < 6; i++) {
            Transcript t = new Transcript("grinding-" + i, HashAlgorithm.SHA256);
            long nonce = FriGrinding.find(t, 16);
            assertTrue(FriGrinding.check(t, 16, nonce));
            for (long n = 0; n < nonce; n++) {
                assertFalse(FriGrinding.check(t, 16, n), "transcript " + i + ": " + n + " < " + nonce);
            }
            beyondFirstChunks += nonce >= 2 * 4096 ? 1 : 0;
        }
        assertTrue(beyondFirstChunks >= 3, "most searches run past the first chunk of each worker");
    }
}
