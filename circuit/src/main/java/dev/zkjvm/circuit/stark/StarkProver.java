package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.Checker;
import dev.zkjvm.circuit.fri.FriCommitment;
import dev.zkjvm.circuit.fri.FriProver;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.circuit.witness.WitnessBuilder;

/**
 * Proves that a witness satisfies its constraint system, as a {@link StarkProof} that
 * {@link StarkVerifier} checks from the system and the proof alone.
 *
 * <p>Steps (each reported to the {@link ProofProgress}):
 * <ol>
 *   <li>extend and commit the FIXED and MAIN columns; draw the system's challenges;</li>
 *   <li>build the AUX columns (running sums, grand products) with those challenges; run the
 *       {@link Checker} and refuse a witness that breaks any constraint;</li>
 *   <li>extend and commit the AUX columns; draw α;</li>
 *   <li>evaluate the composition polynomial on the coset, interpolate it, split it into chunks of
 *       degree below n, extend and commit them; draw z;</li>
 *   <li>evaluate every column at z and z·ω (and the chunks at z); draw γ, δ;</li>
 *   <li>the DEEP composition on the coset, then FRI on it (with proof of work);</li>
 *   <li>open every commitment at the FRI queries.</li>
 * </ol>
 * The parallel stages run on the pool of {@link Parallel}, sized to the processors. Each step is
 * a stage of {@code ProverRun} over the one transcript; this class only runs them in order.
 */
public final class StarkProver {
    private static final String[] STAGES = {
        "committing the trace", "building and checking the argument columns", "committing the argument columns",
        "composition polynomial", "out-of-domain evaluation", "DEEP composition", "FRI", "openings"
    };

    private StarkProver() {
    }

    /** Proves with {@link StarkConfig#DEFAULT}, silently. */
    public static StarkProof prove(WitnessBuilder builder) {
        return prove(builder, StarkConfig.DEFAULT, ProofProgress.SILENT);
    }

    /**
     * Builds the witness from {@code builder} (its MAIN columns set) and proves it.
     *
     * @throws UnsatisfiedTraceException if the witness breaks a constraint (with the checker's report)
     * @throws IllegalArgumentException if the row count is not a power of two or the constraints'
     *     degree needs a larger blowup
     */
    public static StarkProof prove(WitnessBuilder builder, StarkConfig config, ProofProgress progress) {
        return prove(builder, config, progress, CheckOptions.defaults());
    }

    /**
     * As {@link #prove(WitnessBuilder, StarkConfig, ProofProgress)}, with the options of the check
     * that runs before proving (the row context in its report, the number of failures listed).
     */
    public static StarkProof prove(WitnessBuilder builder, StarkConfig config, ProofProgress progress,
            CheckOptions checkOptions) {
        refusePublicBuses(builder.system());
        progress.stage(STAGES[0], 0, STAGES.length);
        ProverRun run = ProverRun.commitTrace(builder, config);
        progress.stage(STAGES[1], 1, STAGES.length);
        run.check(checkOptions);
        progress.stage(STAGES[2], 2, STAGES.length);
        run.commitAux();
        progress.stage(STAGES[3], 3, STAGES.length);
        run.commitComposition(run.compositionCoefficients());
        progress.stage(STAGES[4], 4, STAGES.length);
        run.absorbOutOfDomainValues(run.outOfDomainValues());
        progress.stage(STAGES[5], 5, STAGES.length);
        FriCommitment deep = run.deepComposition();
        progress.stage(STAGES[6], 6, STAGES.length);
        run.fri(deep, FriProver::prove);
        progress.stage(STAGES[7], 7, STAGES.length);
        return run.openings();
    }

    /**
     * A one-table proof has no public values, so it cannot bind a statement's side of a public bus:
     * such a system is proven on tables ({@code dev.zkjvm.circuit.tables}).
     *
     * @throws IllegalArgumentException if {@code system} has public sends
     */
    static void refusePublicBuses(dev.zkjvm.circuit.air.ConstraintSystem system) {
        if (!system.publicSends().isEmpty()) {
            throw new IllegalArgumentException(system.name() + " sends tuples to a public statement (bus "
                    + system.publicSends().get(0).bus() + "), which a one-table proof cannot bind; prove it on tables");
        }
    }
}
