package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Checker;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriCommitment;
import dev.zkjvm.circuit.fri.FriProof;
import dev.zkjvm.circuit.fri.FriProver;
import dev.zkjvm.circuit.fri.FriVerifier;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.Ntt;
import dev.zkjvm.circuit.poly.Polynomial;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * The parallel stages run on the pool of {@link Parallel}, sized to the processors.
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
        return prove(builder, config, progress, CheckOptions.defaults(), Cheat.NONE);
    }

    /**
     * As {@link #prove(WitnessBuilder, StarkConfig, ProofProgress)}, with the options of the check
     * that runs before proving (the row context in its report, the number of failures listed).
     */
    public static StarkProof prove(WitnessBuilder builder, StarkConfig config, ProofProgress progress,
            CheckOptions checkOptions) {
        return prove(builder, config, progress, checkOptions, Cheat.NONE);
    }

    /** How a test prover tries to prove a false statement. */
    enum Cheat {
        /** An honest prover. */
        NONE,
        /** Skip the checker and cut the composition polynomial's excess coefficients instead of refusing. */
        IGNORE_CONSTRAINTS,
        /** As above, and also change a composition chunk's claimed value at z so that the identity at z holds. */
        FORGE_OOD_VALUES
    }

    static StarkProof prove(WitnessBuilder builder, StarkConfig config, ProofProgress progress, Cheat cheating) {
        return prove(builder, config, progress, CheckOptions.defaults(), cheating);
    }

    private static StarkProof prove(WitnessBuilder builder, StarkConfig config, ProofProgress progress,
            CheckOptions checkOptions, Cheat cheating) {
        boolean cheat = cheating != Cheat.NONE;
        ConstraintSystem system = builder.system();
        int n = builder.rows();
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("a STARK proves a power-of-two number of rows, got " + n);
        }
        int logRows = Integer.numberOfTrailingZeros(n);
        if (logRows > VerifyingKey.MAX_LOG_ROWS) {
            throw new IllegalArgumentException("a trace of 2^" + logRows + " rows is longer than verifiers accept (2^"
                    + VerifyingKey.MAX_LOG_ROWS + ")");
        }
        int blowup = config.blowup();
        int k = config.fri().foldingFactor();
        int logDomain = logRows + config.fri().logBlowup();
        int chunks = CompositionShape.chunks(system, logRows, blowup);
        ColumnGroups groups = new ColumnGroups(system);
        if (groups.groupOf(Phase.MAIN) < 0) {
            throw new IllegalArgumentException("system " + system.name() + " has no MAIN column to prove");
        }
        LdeCommitment[] lde = new LdeCommitment[groups.count()];
        Transcript[] transcript = new Transcript[1];

        progress.stage(STAGES[0], 0, STAGES.length);
        Witness witness = builder.build(columns -> {
            int fixed = groups.groupOf(Phase.FIXED);
            if (fixed >= 0) {
                lde[fixed] = commit(groups, fixed, columns, config);
            }
            Transcript t = StarkTranscript.begin(system, logRows, config);
            int main = groups.groupOf(Phase.MAIN);
            lde[main] = commit(groups, main, columns, config);
            byte[] root = lde[main].root();
            transcript[0] = t;
            return new WitnessBuilder.DrawnChallenges(root, StarkTranscript.mainRoot(t, system, root));
        });
        Transcript t = transcript[0];
        long[][] table = witness.columnsUnsafe();

        progress.stage(STAGES[1], 1, STAGES.length);
        CheckReport report = cheat ? null : new Checker(system).check(witness, checkOptions);
        if (report != null && !report.isSatisfied()) {
            throw new UnsatisfiedTraceException(report);
        }

        progress.stage(STAGES[2], 2, STAGES.length);
        int aux = groups.groupOf(Phase.AUX);
        if (aux >= 0) {
            lde[aux] = commit(groups, aux, table, config);
        }
        Ext2 alpha = StarkTranscript.auxRoot(t, aux >= 0 ? lde[aux].root() : null);

        progress.stage(STAGES[3], 3, STAGES.length);
        long[][] extended = new long[table.length][];
        for (int col = 0; col < table.length; col++) {
            extended[col] = lde[groups.groupOfColumn(col)].column(groups.localIndex(col));
        }
        int logEval = logRows + (32 - Integer.numberOfLeadingZeros(chunks - 1));
        long[][] c = CompositionEvaluator.evaluate(system, extended, logRows, blowup, logEval,
                witness.challengeValues(), alpha);
        long[][] chunkCoefficients = chunkCoefficients(c, logRows, logEval, chunks, cheat);
        c = null;
        LdeCommitment composition = LdeCommitment.ofCoefficients(chunkCoefficients, blowup, k, config.hash());
        Ext2 z = StarkTranscript.compositionRoot(t, composition.root(), logRows, logDomain);

        progress.stage(STAGES[4], 4, STAGES.length);
        Ext2 zw = z.mul(TwoAdic.rootOfUnity(logRows));
        int m = table.length;
        long[] ood = new long[4 * m + 2 * chunkCoefficients.length];
        Barycentric atZ = Barycentric.at(z, logRows);
        Barycentric atZw = Barycentric.at(zw, logRows);
        Parallel.forChunks(m, Parallel.parallelism(), () -> null, (ignored, j) -> {
            Ext2 a = atZ.evaluate(table[j]);
            Ext2 b = atZw.evaluate(table[j]);
            ood[4 * j] = a.c0();
            ood[4 * j + 1] = a.c1();
            ood[4 * j + 2] = b.c0();
            ood[4 * j + 3] = b.c1();
        });
        for (int h = 0; h < chunkCoefficients.length; h++) {
            Ext2 v = Polynomial.evaluate(chunkCoefficients[h], z);
            ood[4 * m + 2 * h] = v.c0();
            ood[4 * m + 2 * h + 1] = v.c1();
        }
        if (cheating == Cheat.FORGE_OOD_VALUES) {
            Ext2 wanted = StarkVerifier.constraintsAtZ(system, ood, m, n, z, witness.challengeValues(), alpha);
            Ext2 claimed = StarkVerifier.claimedComposition(ood, m, chunkCoefficients.length / 2, z.pow(n));
            Ext2 lo = new Ext2(ood[4 * m], ood[4 * m + 1]).add(wanted.sub(claimed));
            ood[4 * m] = lo.c0();
            ood[4 * m + 1] = lo.c1();
        }
        StarkTranscript.DeepChallenges deep = StarkTranscript.oodValues(t, ood, m + chunkCoefficients.length);

        progress.stage(STAGES[5], 5, STAGES.length);
        OodSums sums = OodSums.of(ood, m, chunkCoefficients.length, deep.weights());
        long[][] d = DeepComposition.evaluate(table, composition, blowup, logDomain, deep.weights(), deep.delta(), z, zw,
                sums.allAtZ(), sums.sysAtZw());

        progress.stage(STAGES[6], 6, STAGES.length);
        FriCommitment friCommitment = FriCommitment.commit(config.fri(), config.hash(), d[0], d[1]);
        d = null;
        Transcript beforeFri = t.copy();
        FriProof fri = FriProver.prove(friCommitment, t, cheat);
        int[] rows = FriVerifier.queriedRows(config.fri(), friCommitment.root(), logDomain, fri, beforeFri);

        progress.stage(STAGES[7], 7, STAGES.length);
        List<StarkProof.Opening> openings = new ArrayList<>();
        for (LdeCommitment g : lde) {
            openings.add(open(g, rows));
        }
        openings.add(open(composition, rows));
        List<byte[]> roots = new ArrayList<>();
        roots.add(lde[groups.groupOf(Phase.MAIN)].root());
        if (aux >= 0) {
            roots.add(lde[aux].root());
        }
        roots.add(composition.root());
        roots.add(friCommitment.root());
        return new StarkProof(logRows, config, roots, ood, fri, openings);
    }

    private static LdeCommitment commit(ColumnGroups groups, int group, long[][] table, StarkConfig config) {
        List<Column> cs = groups.columns(group);
        long[][] values = new long[cs.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = table[cs.get(i).index()];
        }
        return LdeCommitment.ofEvaluations(values, config.blowup(), config.fri().foldingFactor(), config.hash());
    }

    /**
     * Interpolates the composition from its coset values and cuts its coefficients into chunks of n:
     * base columns {@code H_0.c0, H_0.c1, H_1.c0, ...}.
     */
    private static long[][] chunkCoefficients(long[][] values, int logRows, int logDomain, int chunks,
            boolean truncate) {
        int n = 1 << logRows;
        int size = 1 << logDomain;
        long[][] out = new long[2 * chunks][];
        for (int coord = 0; coord < 2; coord++) {
            long[] v = values[coord];
            Ntt.inverse(v);
            // The transform gives the coefficients of C(7·y); divide coefficient i by 7^i.
            long shiftInverse = Goldilocks.inverse(TwoAdic.GENERATOR);
            Parallel.forRange(size, 1 << 16, (from, to) -> {
                long s = Goldilocks.pow(shiftInverse, from);
                for (int i = from; i < to; i++) {
                    v[i] = Goldilocks.mul(v[i], s);
                    s = Goldilocks.mul(s, shiftInverse);
                }
            });
            for (int i = chunks * n; i < size; i++) {
                if (v[i] != 0 && !truncate) {
                    throw new IllegalStateException("the composition polynomial has degree " + i
                            + ", beyond its bound " + (chunks * n) + ", although the checker accepted the witness");
                }
            }
            for (int j = 0; j < chunks; j++) {
                out[2 * j + coord] = Arrays.copyOfRange(v, j * n, (j + 1) * n);
            }
        }
        return out;
    }

    private static StarkProof.Opening open(LdeCommitment c, int[] rows) {
        long[][] leaves = new long[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            leaves[r] = c.leaf(rows[r]);
        }
        return new StarkProof.Opening(leaves, c.open(rows));
    }
}
