package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.hash.Transcript;
import java.util.Arrays;

/**
 * A FRI prover that claims any committed evaluations are of low degree: it folds and commits as
 * the honest {@link FriProver} does, then zeroes the final polynomial's coefficients past the
 * remainder so that the honest degree check passes, and answers the queries as usual. The proof
 * is well formed; only the verifier's checks of the folds against the remainder can catch it.
 *
 * <p>Public for the soundness tests of protocols built on FRI (the STARK's cheating prover).
 */
public final class CheatingFriProver {
    private CheatingFriProver() {
    }

    /** As {@link FriProver#prove}, but never refusing: the remainder's excess coefficients are dropped. */
    public static FriProof proveTruncatingRemainder(FriCommitment commitment, Transcript transcript) {
        FriProver.Folded folded = FriProver.fold(commitment, transcript);
        long[] coefficients = folded.coefficients();
        Arrays.fill(coefficients, 2 * folded.layout().remainderLength(), coefficients.length, 0);
        return FriProver.answer(folded, FriProver.remainder(folded), transcript);
    }
}
