package dev.zkjvm.circuit.fri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FriProofEncodingTest {
    private static final FriParameters SMALL = new FriParameters(4, 2, 6, 2, 1);

    private static FriFixtures.Proven small() {
        return FriFixtures.prove(SMALL, FriFixtures.evaluations(7, 31, 11), HashAlgorithm.SHA256, false);
    }

    private static boolean accepts(FriFixtures.Proven p, byte[] bytes) {
        try {
            FriProof decoded = FriProof.fromBytes(bytes);
            return FriVerifier.verify(SMALL, p.commitment().root(), 7, decoded, FriFixtures.transcript());
        } catch (InvalidFriProofException e) {
            return false;
        }
    }

    @Test
    void roundTripPreservesTheProof() throws Exception {
        var p = FriFixtures.prove(FriParameters.DEFAULT, FriFixtures.evaluations(12, 511, 5), HashAlgorithm.SHA256, false);
        byte[] bytes = p.proof().toBytes();
        assertEquals(p.proof().size(), bytes.length);
        FriProof back = FriProof.fromBytes(bytes);
        assertArrayEquals(bytes, back.toBytes());
        assertEquals(p.proof().nonce(), back.nonce());
        assertArrayEquals(p.proof().remainder(), back.remainder());
        assertTrue(FriVerifier.verify(FriParameters.DEFAULT, p.commitment().root(), 12, back, FriFixtures.transcript()));
        assertEquals(FriProof.VERSION, bytes[0]);
    }

    @Test
    void everyFlippedByteIsRejected() {
        var p = small();
        byte[] bytes = p.proof().toBytes();
        assertTrue(accepts(p, bytes), "the untouched proof verifies");
        for (int i = 0; i < bytes.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] forged = bytes.clone();
                forged[i] ^= (byte) mask;
                try {
                    if (accepts(p, forged)) {
                        fail("flipping byte " + i + " of " + bytes.length + " with mask " + mask + " was accepted");
                    }
                } catch (RuntimeException e) {
                    throw new AssertionError("byte " + i + " mask " + mask + ": untyped " + e, e);
                }
            }
        }
    }

    @Test
    void truncatedOrExtendedBytesAreRejected() {
        var p = small();
        byte[] bytes = p.proof().toBytes();
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThrows(InvalidFriProofException.class, () -> FriProof.fromBytes(cut));
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(InvalidFriProofException.class, () -> FriProof.fromBytes(longer));
    }

    @Test
    void otherVersionIsRejected() {
        byte[] bytes = small().proof().toBytes();
        bytes[0] = 2;
        InvalidFriProofException e = assertThrows(InvalidFriProofException.class, () -> FriProof.fromBytes(bytes));
        assertTrue(e.getMessage().contains("version"));
    }
}
