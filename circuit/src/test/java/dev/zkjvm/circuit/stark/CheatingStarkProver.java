package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.fri.CheatingFriProver;
import dev.zkjvm.circuit.fri.FriProver;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.Arrays;

/**
 * A prover that tries to prove a false statement: the honest stages of {@link ProverRun},
 * recomposed with the checks a cheater would skip. Test code only; production has no such path.
 */
final class CheatingStarkProver {
    /** How the prover cheats. */
    enum Cheat {
        /** Not at all: the stages composed as {@link StarkProver#prove} composes them. */
        NONE,
        /**
         * Skip the checker, and cut the composition polynomial's coefficients past its degree bound
         * (non-zero when a constraint does not vanish) instead of refusing.
         */
        IGNORE_CONSTRAINTS,
        /**
         * As above, and also shift the first composition chunk's claimed value at z so that the
         * composition identity at z holds; FRI then has to vouch for a DEEP quotient that is not
         * a polynomial, so its remainder is truncated too.
         */
        FORGE_OOD_VALUES
    }

    private CheatingStarkProver() {
    }

    static StarkProof prove(WitnessBuilder builder, StarkConfig config, Cheat cheat) {
        ProverRun run = ProverRun.commitTrace(builder, config);
        if (cheat == Cheat.NONE) {
            run.check(CheckOptions.defaults());
        }
        run.commitAux();
        long[][] coefficients = run.compositionCoefficients();
        if (cheat != Cheat.NONE) {
            for (long[] coord : coefficients) {
                Arrays.fill(coord, run.compositionDegreeBound(), coord.length, 0);
            }
        }
        run.commitComposition(coefficients);
        long[] ood = run.outOfDomainValues();
        if (cheat == Cheat.FORGE_OOD_VALUES) {
            forgeFirstChunkAtZ(run, ood);
        }
        run.absorbOutOfDomainValues(ood);
        if (cheat == Cheat.NONE) {
            run.fri(run.deepComposition(), FriProver::prove);
        } else {
            run.fri(run.deepComposition(), CheatingFriProver::proveTruncatingRemainder);
        }
        return run.openings();
    }

    /** Moves H_0(z) by the gap between the constraints at z and the claimed composition at z. */
    private static void forgeFirstChunkAtZ(ProverRun run, long[] ood) {
        int m = run.columns();
        Ext2 z = run.z();
        Ext2 wanted = OutOfDomain.constraintQuotients(run.system().constraints(), ood, m,
                Integer.numberOfTrailingZeros(run.rows()), z, run.challenges(), run.alpha());
        Ext2 claimed = OutOfDomain.claimedComposition(ood, m, run.chunks(), z.pow(run.rows()));
        Ext2 lo = new Ext2(ood[4 * m], ood[4 * m + 1]).add(wanted.sub(claimed));
        ood[4 * m] = lo.c0();
        ood[4 * m + 1] = lo.c1();
    }
}
