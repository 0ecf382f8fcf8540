package dev.zkjvm.circuit.stark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.fri.FriParameters;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Malformed proofs of any claimed size are rejected with a typed exception whose reason says what
 * is wrong, before the verifier derives a key, and the boolean verifiers return false on them
 * instead of throwing. (How long a rejection takes is measured in the bench module, not here.)
 */
class MalformedProofTest {
    private final StarkFixtures fx = new StarkFixtures(3, 5, 7);
    private final StarkConfig config = StarkFixtures.SMALL;

    /** A key source that counts the keys asked for. */
    private final class CountingKeys implements StarkVerifier.KeySource {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public VerifyingKey key(int logRows) {
            asked.incrementAndGet();
            return VerifyingKey.derive(fx.system, logRows, config);
        }
    }

    /**
     * The 38 bytes of a proof that decodes but claims 2^22 rows and holds nothing: the header,
     * no root, no out-of-domain value, a FRI proof of one empty layer, no opening.
     */
    static byte[] emptyProofClaiming(int logRows, StarkConfig config) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        FriParameters p = config.fri();
        out.writeByte(StarkProof.VERSION);
        out.writeByte(logRows);
        out.writeByte(config.hash().ordinal());
        out.writeByte(p.logBlowup());
        out.writeByte(p.logFoldingFactor());
        out.writeShort(p.queries());
        out.writeByte(p.grindingBits());
        out.writeShort(p.remainderMaxDegree());
        out.writeByte(0);                      // roots
        out.writeInt(0);                       // out-of-domain values
        out.writeInt(18);                      // FRI proof length
        out.writeByte(1);                      // FRI version
        out.writeByte(logRows + p.logBlowup());
        out.writeByte(p.foldingFactor());
        out.writeByte(1);                      // layers
        out.writeShort(0);                     // remainder coefficients
        out.writeLong(0);                      // nonce
        out.writeShort(0);                     // opened rows of layer 0
        out.writeShort(0);                     // siblings of layer 0
        out.writeByte(0);                      // openings
        return bytes.toByteArray();
    }

    @Test
    void aThirtyEightByteProofClaimingTwoToTheTwentyTwoRowsIsRejectedByItsShapeWithoutAKey() throws Exception {
        byte[] bytes = emptyProofClaiming(VerifyingKey.MAX_LOG_ROWS, config);
        assertEquals(38, bytes.length);
        StarkProof proof = StarkProof.fromBytes(bytes);
        assertEquals(VerifyingKey.MAX_LOG_ROWS, proof.logRows());
        CountingKeys keys = new CountingKeys();
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> StarkVerifier.verify(fx.system, config, VerifyOptions.DEFAULT, proof, keys));
        assertTrue(e.getMessage().startsWith("proof has 0 roots, expected"), e.getMessage());
        assertEquals(0, keys.asked.get());
        assertFalse(StarkVerifier.isValid(fx.system, config, proof));
    }

    @Test
    void aLengthOutsideTheCallersPolicyIsRejectedFirst() throws Exception {
        StarkProof proof = StarkProver.prove(fx.witness(512, 5), config, ProofProgress.SILENT);
        StarkVerifier.verify(fx.system, config, VerifyOptions.upToLogRows(9), proof);
        CountingKeys keys = new CountingKeys();
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> StarkVerifier.verify(fx.system, config, VerifyOptions.upToLogRows(8), proof, keys));
        assertTrue(e.getMessage().contains("claims 2^9 rows, outside the accepted")
                && e.getMessage().contains("policy allows at most 2^8"), e.getMessage());
        assertEquals(0, keys.asked.get());
        // below what the system needs (its program table has 256 rows): refused by the same check
        byte[] small = emptyProofClaiming(7, config);
        InvalidProofException low = assertThrows(InvalidProofException.class,
                () -> StarkVerifier.verify(fx.system, config, StarkProof.fromBytes(small)));
        assertTrue(low.getMessage().contains("needs at least 256 rows"), low.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VerifyOptions.upToLogRows(VerifyingKey.MAX_LOG_ROWS + 1));
    }

    @Test
    void everyPrefixOfARealProofIsRejectedAsTruncated() throws Exception {
        byte[] bytes = StarkProver.prove(fx.witness(256, 5), config, ProofProgress.SILENT).toBytes();
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            InvalidProofException e = assertThrows(InvalidProofException.class, () -> StarkProof.fromBytes(prefix),
                    "prefix of " + length + " bytes");
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("out of range"),
                    length + ": " + e.getMessage());
        }
    }

    @Test
    @Tag("slow")     // verifies one proof per byte of it: the full suite runs it, -Pquick does not
    void everyFlippedByteIsRejectedByAnExplicitCheck() throws Exception {
        StarkProof proof = StarkProver.prove(fx.witness(256, 5), config, ProofProgress.SILENT);
        byte[] bytes = proof.toBytes();
        for (int i = 0; i < bytes.length; i++) {
            byte[] forged = bytes.clone();
            forged[i] ^= (byte) (1 << (i % 8));
            assertRejectedByAnExplicitCheck(forged, "byte " + i);
        }
    }

    @Test
    void randomBytesAreRejectedByAnExplicitCheck() throws Exception {
        byte[] real = StarkProver.prove(fx.witness(256, 5), config, ProofProgress.SILENT).toBytes();
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] bytes = new byte[random.nextInt(real.length + 64)];
            random.nextBytes(bytes);
            // a third keep the real header (so decoding goes further), a third the whole real prefix
            int keep = switch (trial % 3) {
                case 0 -> 0;
                case 1 -> Math.min(bytes.length, 10);
                default -> random.nextInt(Math.min(bytes.length, real.length) + 1);
            };
            System.arraycopy(real, 0, bytes, 0, keep);
            assertRejectedByAnExplicitCheck(bytes, "trial " + trial);
        }
    }

    @Test
    void aProofWhoseFriPartIsWrongIsRejectedBeforeTheKeyIsAskedFor() throws Exception {
        StarkProof proof = StarkProver.prove(fx.witness(256, 5), config, ProofProgress.SILENT);
        long[] ood = proof.oodValues().clone();
        ood[0] = dev.zkjvm.circuit.field.Goldilocks.add(ood[0], 1);
        StarkProof forged = new StarkProof(proof.logRows(), proof.config(), proof.roots(), ood, proof.fri(),
                proof.openings());
        CountingKeys keys = new CountingKeys();
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> StarkVerifier.verify(fx.system, config, VerifyOptions.DEFAULT, forged, keys));
        assertEquals(0, keys.asked.get(), e.getMessage());
        // the honest proof asks for its key once, at the end
        StarkVerifier.verify(fx.system, config, VerifyOptions.DEFAULT, proof, keys);
        assertEquals(1, keys.asked.get());
    }

    private void assertRejectedByAnExplicitCheck(byte[] bytes, String what) {
        InvalidProofException e = assertThrows(InvalidProofException.class, () -> {
            StarkProof p = StarkProof.fromBytes(bytes);
            assertFalse(StarkVerifier.isValid(fx.system, config, p), what);
            StarkVerifier.verify(fx.system, config, p);
        }, what);
        assertFalse(e.getMessage().startsWith("malformed proof:"), what + " reached the safety net: " + e.getMessage());
    }
}
