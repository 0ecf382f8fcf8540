package dev.zkjvm.circuit.fri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.Transcript;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FriProverVerifierTest {

    static Stream<Arguments> honestCases() {
        // logN, blowup, folding factor, remainder max degree, hash
        return Stream.of(
                Arguments.of(4, 2, 2, 0, HashAlgorithm.SHA256),
                Arguments.of(6, 2, 2, 0, HashAlgorithm.SHA256),
                Arguments.of(8, 4, 4, 3, HashAlgorithm.SHA256),
                Arguments.of(9, 8, 8, 7, HashAlgorithm.SHA256),
                Arguments.of(10, 2, 8, 1, HashAlgorithm.KECCAK256),
                Arguments.of(11, 4, 2, 15, HashAlgorithm.BLAKE3),
                Arguments.of(12, 8, 4, 7, HashAlgorithm.SHA256),
                Arguments.of(13, 16, 8, 0, HashAlgorithm.SHA256),
                Arguments.of(14, 8, 4, 31, HashAlgorithm.SHA256),
                // the last fold by 8 meets a degree bound of 4: the remainder keeps 4 coefficients
                Arguments.of(9, 2, 8, 0, HashAlgorithm.SHA256));
    }

    @ParameterizedTest
    @MethodSource("honestCases")
    void honestProofsOfEveryDegreeBelowTheBoundVerify(int logN, int blowup, int k, int remMax, HashAlgorithm alg) {
        FriParameters params = new FriParameters(blowup, k, 20, 6, remMax);
        int bound = (1 << logN) / blowup;
        for (int degree : new int[] {bound - 1, bound / 2, 0}) {
            var proven = FriFixtures.prove(params, FriFixtures.evaluations(logN, degree, 7L * logN + degree), alg, false);
            Transcript t = FriFixtures.transcript(alg);
            assertTrue(proven.verifies(t), "logN=" + logN + " degree=" + degree);
            Transcript proverSide = FriFixtures.transcript(alg);
            FriProver.prove(proven.commitment(), proverSide);
            assertEquals(proverSide, t, "prover and verifier leave the transcript in the same state");
        }
    }

    @Test
    void layoutMatchesTheProof() {
        FriParameters params = new FriParameters(8, 4, 16, 4, 7);
        var proven = FriFixtures.prove(params, FriFixtures.evaluations(14, 100, 1), HashAlgorithm.SHA256, false);
        FriLayout layout = new FriLayout(params, 14);
        // degree bound 2^11 -> 2^9 -> 2^7 -> 2^5 -> 2^3 = 8 = remainder max degree + 1
        assertEquals(4, layout.layers());
        assertEquals(8, layout.remainderLength());
        assertEquals(4, proven.proof().layerCount());
        assertEquals(8, proven.proof().remainder().length);
        assertTrue(FriGrinding.leadingZeros(new byte[] {0, 0x10}) == 11);
    }

    @Test
    void acceptedProofReportsTheOpenedFirstLayerValues() throws Exception {
        FriParameters params = new FriParameters(4, 4, 12, 2, 3);
        long[][] v = FriFixtures.evaluations(10, 200, 9);
        var proven = FriFixtures.prove(params, v, HashAlgorithm.SHA256, false);
        FriQueries q = FriVerifier.check(params, proven.commitment().root(), 10, proven.proof(), FriFixtures.transcript());
        assertEquals(0, q.domainIndices().length % 4);
        assertTrue(q.domainIndices().length >= 4);
        for (int i = 0; i < q.domainIndices().length; i++) {
            int at = q.domainIndices()[i];
            assertEquals(v[0][at], q.c0()[i]);
            assertEquals(v[1][at], q.c1()[i]);
        }
    }

    @Test
    void honestProverRefusesTooHighDegree() {
        FriParameters params = new FriParameters(4, 2, 20, 0, 0);
        long[][] v = FriFixtures.evaluations(8, 64, 3); // degree 64 = the bound 256/4
        FriCommitment c = FriCommitment.commit(params, HashAlgorithm.SHA256, v[0], v[1]);
        assertThrows(IllegalArgumentException.class, () -> FriProver.prove(c, FriFixtures.transcript()));
    }

    static Stream<Arguments> cheatingCases() {
        // logN, blowup, folding factor, remainder max degree, degree of the committed polynomial
        return Stream.of(
                Arguments.of(10, 4, 2, 0, 256),   // degree exactly the bound
                Arguments.of(10, 4, 2, 0, 511),   // twice the bound
                Arguments.of(12, 8, 4, 7, 512),
                Arguments.of(12, 8, 8, 7, 1000),
                Arguments.of(11, 2, 4, 3, 1500),
                Arguments.of(12, 8, 4, 3, 4095)); // full degree
    }

    @ParameterizedTest
    @MethodSource("cheatingCases")
    void tooHighDegreeIsRejected(int logN, int blowup, int k, int remMax, int degree) {
        // 24 queries at rate <= 1/2 and a polynomial at least the bound: a cheater passes with
        // probability well below 2^-20 per instance; the seeds are fixed, so this is deterministic.
        FriParameters params = new FriParameters(blowup, k, 24, 4, remMax);
        var proven = FriFixtures.prove(params, FriFixtures.evaluations(logN, degree, degree), HashAlgorithm.SHA256, true);
        assertFalse(proven.verifies(FriFixtures.transcript()));
        InvalidFriProofException e = assertThrows(InvalidFriProofException.class, () -> FriVerifier.check(params,
                proven.commitment().root(), logN, proven.proof(), FriFixtures.transcript()));
        assertTrue(e.getMessage().contains("disagrees"), e.getMessage());
    }

    @Test
    void randomFunctionIsRejected() {
        FriParameters params = new FriParameters(4, 4, 24, 4, 3);
        for (long seed = 0; seed < 5; seed++) {
            var proven = FriFixtures.prove(params, FriFixtures.randomValues(11, seed), HashAlgorithm.SHA256, true);
            InvalidFriProofException e = assertThrows(InvalidFriProofException.class, () -> FriVerifier.check(params,
                    proven.commitment().root(), 11, proven.proof(), FriFixtures.transcript()));
            assertTrue(e.getMessage().contains("disagrees"), e.getMessage());
        }
    }

    @Test
    void proofDoesNotVerifyAgainstAnotherRoot() {
        FriParameters params = new FriParameters(4, 2, 16, 4, 1);
        var a = FriFixtures.prove(params, FriFixtures.evaluations(9, 100, 1), HashAlgorithm.SHA256, false);
        var b = FriFixtures.prove(params, FriFixtures.evaluations(9, 100, 2), HashAlgorithm.SHA256, false);
        assertTrue(a.verifies(FriFixtures.transcript()));
        assertFalse(FriVerifier.verify(params, b.commitment().root(), 9, a.proof(), FriFixtures.transcript()));
        byte[] root = a.commitment().root();
        root[31] ^= 1;
        assertFalse(FriVerifier.verify(params, root, 9, a.proof(), FriFixtures.transcript()));
    }

    @Test
    void proofDoesNotVerifyAgainstAnotherTranscriptState() {
        FriParameters params = new FriParameters(4, 2, 16, 4, 1);
        var a = FriFixtures.prove(params, FriFixtures.evaluations(9, 100, 1), HashAlgorithm.SHA256, false);
        Transcript other = FriFixtures.transcript();
        other.absorbLong("statement", 43);
        assertFalse(a.verifies(other));
        assertFalse(a.verifies(new Transcript("fri-test")));
        assertFalse(a.verifies(new Transcript("fri-test-2")));
        // same state, other hash: the Merkle hash is the transcript's, so this cannot verify
        assertFalse(a.verifies(FriFixtures.transcript(HashAlgorithm.BLAKE3)));
    }

    @Test
    void proofDoesNotVerifyUnderOtherParameters() {
        FriParameters params = new FriParameters(4, 2, 16, 4, 1);
        var a = FriFixtures.prove(params, FriFixtures.evaluations(9, 100, 1), HashAlgorithm.SHA256, false);
        byte[] root = a.commitment().root();
        for (FriParameters other : new FriParameters[] {
            new FriParameters(4, 2, 17, 4, 1), new FriParameters(4, 2, 16, 5, 1),
            new FriParameters(4, 2, 16, 4, 3), new FriParameters(8, 2, 16, 4, 1), new FriParameters(4, 4, 16, 4, 1)}) {
            assertFalse(FriVerifier.verify(other, root, 9, a.proof(), FriFixtures.transcript()), other.toString());
        }
        assertFalse(FriVerifier.verify(params, root, 10, a.proof(), FriFixtures.transcript()));
    }

    @Test
    void wrongNonceIsRejected() throws Exception {
        FriParameters params = new FriParameters(4, 2, 16, 10, 1);
        var a = FriFixtures.prove(params, FriFixtures.evaluations(9, 100, 1), HashAlgorithm.SHA256, false);
        long nonce = a.proof().nonce();
        assertTrue(a.verifies(FriFixtures.transcript()));
        int powFailures = 0;
        for (long other : new long[] {nonce + 1, nonce - 1, nonce ^ (1L << 40), 0, -1, Long.MAX_VALUE}) {
            if (other == nonce) {
                continue;
            }
            FriProof forged = a.proof().withNonce(other);
            InvalidFriProofException e = assertThrows(InvalidFriProofException.class,
                    () -> FriVerifier.check(params, a.commitment().root(), 9, forged, FriFixtures.transcript()));
            powFailures += e.getMessage().startsWith("proof-of-work") ? 1 : 0;
        }
        assertTrue(powFailures >= 4, "most wrong nonces fail the work check itself: " + powFailures);
    }

    @Test
    void grindingFindsTheSmallestValidNonce() {
        Transcript t = FriFixtures.transcript();
        long nonce = FriGrinding.find(t, 12);
        assertTrue(FriGrinding.check(t, 12, nonce));
        for (long n = 0; n < nonce; n++) {
            assertFalse(FriGrinding.check(t, 12, n));
        }
        assertEquals(FriFixtures.transcript(), t, "grinding leaves the transcript alone");
    }

    @Test
    void remainderIsTheFoldedPolynomial() {
        // A constant polynomial folds to itself times 1 (f_0 = c, all other parts zero).
        FriParameters params = new FriParameters(2, 2, 8, 0, 0);
        long[][] v = new long[2][1 << 6];
        java.util.Arrays.fill(v[0], 5);
        java.util.Arrays.fill(v[1], 9);
        var proven = FriFixtures.prove(params, v, HashAlgorithm.SHA256, false);
        assertArrayEquals(new Ext2[] {new Ext2(5, 9)}, proven.proof().remainder());
        assertTrue(proven.verifies(FriFixtures.transcript()));
    }

    @Test
    void aBoundTheRemainderCouldCarryIsStillFoldedOnce() {
        // 2^6 values at blowup 8: degree bound 8, within remainder degree 7, folded once to 2 coefficients
        FriParameters params = FriParameters.DEFAULT;
        var proven = FriFixtures.prove(params, FriFixtures.evaluations(6, 3, 8), HashAlgorithm.SHA256, false);
        assertEquals(2, proven.proof().remainder().length);
        assertTrue(proven.verifies(FriFixtures.transcript()));
    }

    @Test
    void commitRejectsBadInput() {
        FriParameters params = FriParameters.DEFAULT;
        assertThrows(IllegalArgumentException.class,
                () -> FriCommitment.commit(params, HashAlgorithm.SHA256, new long[1024], new long[512]));
        assertThrows(IllegalArgumentException.class,
                () -> FriCommitment.commit(params, HashAlgorithm.SHA256, new long[1000], new long[1000]));
        long[] bad = new long[1024];
        bad[3] = -1L; // 2^64 - 1 is not below p
        assertThrows(IllegalArgumentException.class,
                () -> FriCommitment.commit(params, HashAlgorithm.SHA256, bad, new long[1024]));
        // 2^4 values at blowup 8: degree bound 2, below the folding factor 4
        assertThrows(IllegalArgumentException.class,
                () -> FriCommitment.commit(params, HashAlgorithm.SHA256, new long[16], new long[16]));
        var ok = FriFixtures.prove(new FriParameters(2, 2, 4, 0, 0), FriFixtures.evaluations(4, 3, 1),
                HashAlgorithm.SHA256, false);
        assertThrows(IllegalArgumentException.class, () -> FriProver.prove(ok.commitment(), FriFixtures.transcript(HashAlgorithm.BLAKE3)));
    }
}
