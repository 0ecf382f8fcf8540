package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.LowDegreeExtension;
import java.util.SplittableRandom;

/** Evaluations and proofs for the FRI tests. */
final class FriFixtures {
    private FriFixtures() {
    }

    /**
     * Evaluations on the coset 7·⟨ω_N⟩, N = 2^logN, of a random GF(p²) polynomial whose
     * coefficients {@code 0..degree} are random and non-zero at {@code degree}.
     */
    static long[][] evaluations(int logN, int degree, long seed) {
        int n = 1 << logN;
        if (degree >= n) {
            throw new IllegalArgumentException("degree " + degree + " does not fit a domain of " + n);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] coeffs = new long[2][n];
        for (int i = 0; i <= degree; i++) {
            coeffs[0][i] = Goldilocks.fromUnsigned(rnd.nextLong());
            coeffs[1][i] = Goldilocks.fromUnsigned(rnd.nextLong());
        }
        coeffs[0][degree] = 1 + rnd.nextLong(1000); // surely non-zero: the degree is exact
        return LowDegreeExtension.extendCoefficients(coeffs, 1, FriLayout.SHIFT);
    }

    /** Random values: a function far from every low-degree polynomial. */
    static long[][] randomValues(int logN, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] v = new long[2][1 << logN];
        for (long[] c : v) {
            for (int i = 0; i < c.length; i++) {
                c[i] = Goldilocks.fromUnsigned(rnd.nextLong());
            }
        }
        return v;
    }

    static Transcript transcript() {
        return transcript(HashAlgorithm.SHA256);
    }

    static Transcript transcript(HashAlgorithm algorithm) {
        Transcript t = new Transcript("fri-test", algorithm);
        t.absorbLong("statement", 42);
        return t;
    }

    /** A proof together with its commitment. */
    record Proven(FriParameters params, FriCommitment commitment, FriProof proof) {
        boolean verifies(Transcript t) {
            return FriVerifier.verify(params, commitment.root(), commitment.logDomainSize(), proof, t);
        }
    }

    /** An honest proof, or with {@code cheat} one by the {@link CheatingFriProver}. */
    static Proven prove(FriParameters params, long[][] values, HashAlgorithm algorithm, boolean cheat) {
        FriCommitment c = FriCommitment.commit(params, algorithm, values[0], values[1]);
        Transcript t = transcript(algorithm);
        FriProof proof = cheat ? CheatingFriProver.proveTruncatingRemainder(c, t) : FriProver.prove(c, t);
        return new Proven(params, c, proof);
    }
}
