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
import dev.zkjvm.circuit.fri.FriVerifier;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.Ntt;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One STARK proof in progress: the prover's stages over one transcript, each a method that
 * advances the run and draws the next challenge. {@link StarkProver#prove} calls them in order
 * and is the only composition in production; the stages are package-private so that soundness
 * tests in this package can recompose them as a cheating prover without a copy of the honest one.
 *
 * <p>Order: {@link #commitTrace} (FIXED, MAIN; the system's challenges; AUX built),
 * {@link #check}, {@link #commitAux} (α), {@link #compositionCoefficients} then
 * {@link #commitComposition} (z), {@link #outOfDomainValues} then {@link #absorbOutOfDomainValues}
 * (γ, δ), {@link #deepComposition}, {@link #fri}, {@link #openings}.
 */
final class ProverRun {
    private final ConstraintSystem system;
    private final StarkConfig config;
    private final int logRows;
    private final int logDomain;
    private final int chunks;
    private final ColumnGroups groups;
    private final LdeCommitment[] lde;
    private final Transcript transcript;
    private final Witness witness;
    private final long[][] table;
    private Ext2 alpha;
    private long[][] chunkCoefficients;
    private LdeCommitment composition;
    private Ext2 z;
    private long[] ood;
    private StarkTranscript.DeepChallenges deep;
    private FriCommitment friCommitment;
    private FriProof fri;
    private int[] queriedRows;

    private ProverRun(ConstraintSystem system, StarkConfig config, int logRows, int chunks, ColumnGroups groups,
            LdeCommitment[] lde, Transcript transcript, Witness witness) {
        this.system = system;
        this.config = config;
        this.logRows = logRows;
        this.logDomain = logRows + config.fri().logBlowup();
        this.chunks = chunks;
        this.groups = groups;
        this.lde = lde;
        this.transcript = transcript;
        this.witness = witness;
        this.table = witness.columnsUnsafe();
    }

    /**
     * Stage 1: checks the trace's shape, then builds the witness from {@code builder}: extends and
     * commits the FIXED and MAIN columns, begins the transcript, absorbs the MAIN root and draws the
     * system's challenges, with which the builder fills the AUX columns.
     *
     * @throws IllegalArgumentException if the row count is not a power of two or too large, the
     *     constraints' degree needs a larger blowup or the system has no MAIN column
     */
    static ProverRun commitTrace(WitnessBuilder builder, StarkConfig config) {
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
        int chunks = CompositionShape.chunks(system, logRows, config.blowup());
        ColumnGroups groups = new ColumnGroups(system);
        if (groups.groupOf(Phase.MAIN) < 0) {
            throw new IllegalArgumentException("system " + system.name() + " has no MAIN column to prove");
        }
        LdeCommitment[] lde = new LdeCommitment[groups.count()];
        Transcript[] transcript = new Transcript[1];
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
        return new ProverRun(system, config, logRows, chunks, groups, lde, transcript[0], witness);
    }

    /**
     * Stage 2: runs the {@link Checker} on the whole witness.
     *
     * @throws UnsatisfiedTraceException if the witness breaks a constraint (with the checker's report)
     */
    void check(CheckOptions options) {
        CheckReport report = new Checker(system).check(witness, options);
        if (!report.isSatisfied()) {
            throw new UnsatisfiedTraceException(report);
        }
    }

    /** Stage 3: extends and commits the AUX columns (if any), absorbs their root and draws α. */
    void commitAux() {
        int aux = groups.groupOf(Phase.AUX);
        if (aux >= 0) {
            lde[aux] = commit(groups, aux, table, config);
        }
        alpha = StarkTranscript.auxRoot(transcript, aux >= 0 ? lde[aux].root() : null);
    }

    /**
     * Stage 4a: evaluates the composition polynomial on a coset large enough for its degree
     * bound and interpolates it: its coefficients, one array per coordinate ({@code c0, c1}), as
     * many as the coset has points. Only the first {@link #compositionDegreeBound()} are non-zero
     * for a witness that satisfies the constraints.
     */
    long[][] compositionCoefficients() {
        long[][] extended = new long[table.length][];
        for (int col = 0; col < table.length; col++) {
            extended[col] = lde[groups.groupOfColumn(col)].column(groups.localIndex(col));
        }
        int logEval = logRows + (32 - Integer.numberOfLeadingZeros(chunks - 1));
        long[][] values = CompositionEvaluator.evaluate(system, extended, logRows, config.blowup(), logEval,
                witness.challengeValues(), alpha);
        // The transform gives the coefficients of C(7·y); divide coefficient i by 7^i.
        long shiftInverse = Goldilocks.inverse(TwoAdic.GENERATOR);
        for (long[] v : values) {
            Ntt.inverse(v);
            Parallel.forRange(v.length, 1 << 16, (from, to) -> {
                long s = Goldilocks.pow(shiftInverse, from);
                for (int i = from; i < to; i++) {
                    v[i] = Goldilocks.mul(v[i], s);
                    s = Goldilocks.mul(s, shiftInverse);
                }
            });
        }
        return values;
    }

    /** The composition's degree bound: chunks times the trace length. */
    int compositionDegreeBound() {
        return chunks << logRows;
    }

    /**
     * Stage 4b: cuts the composition's coefficients into chunks of degree below n (base columns
     * {@code H_0.c0, H_0.c1, H_1.c0, ...}), extends and commits them, absorbs their root and draws z.
     *
     * @throws IllegalStateException if a coefficient at or past the degree bound is non-zero:
     *     the checker accepted a witness the constraints do not vanish on
     */
    void commitComposition(long[][] coefficients) {
        int n = 1 << logRows;
        int bound = compositionDegreeBound();
        chunkCoefficients = new long[2 * chunks][];
        for (int coord = 0; coord < 2; coord++) {
            long[] v = coefficients[coord];
            for (int i = bound; i < v.length; i++) {
                if (v[i] != 0) {
                    throw new IllegalStateException("the composition polynomial has degree " + i
                            + ", beyond its bound " + bound + ", although the checker accepted the witness");
                }
            }
            for (int j = 0; j < chunks; j++) {
                chunkCoefficients[2 * j + coord] = Arrays.copyOfRange(v, j * n, (j + 1) * n);
            }
        }
        composition = LdeCommitment.ofCoefficients(chunkCoefficients, config.blowup(),
                config.fri().foldingFactor(), config.hash());
        z = StarkTranscript.compositionRoot(transcript, composition.root(), logRows, logDomain);
    }

    /**
     * Stage 5a: every trace column at z and z·ω, then every composition chunk at z, interleaved
     * ({@code c0, c1}): the values the proof claims.
     */
    long[] outOfDomainValues() {
        return OutOfDomain.values(table, chunkCoefficients, z, logRows);
    }

    /** Stage 5b: absorbs the claimed out-of-domain values and draws the DEEP challenges. */
    void absorbOutOfDomainValues(long[] values) {
        ood = values;
        deep = StarkTranscript.oodValues(transcript, values, table.length + chunkCoefficients.length);
    }

    /**
     * Stage 6: the DEEP composition of every column and chunk against its claimed values, on the
     * evaluation domain, committed as FRI's first layer.
     */
    FriCommitment deepComposition() {
        int m = table.length;
        Ext2 zw = z.mul(TwoAdic.rootOfUnity(logRows));
        OodSums sums = OodSums.of(ood, m, chunkCoefficients.length, deep.weights());
        long[][] d = DeepComposition.evaluate(table, composition, config.blowup(), logDomain, deep.weights(),
                deep.delta(), z, zw, sums.allAtZ(), sums.sysAtZw());
        return FriCommitment.commit(config.fri(), config.hash(), d[0], d[1]);
    }

    /**
     * Stage 7: FRI on the DEEP commitment with {@code friProver} (the honest one is
     * {@code FriProver::prove}), which advances the transcript; then the rows it queried.
     */
    void fri(FriCommitment deepCommitment, BiFunction<FriCommitment, Transcript, FriProof> friProver) {
        friCommitment = deepCommitment;
        Transcript beforeFri = transcript.copy();
        fri = friProver.apply(deepCommitment, transcript);
        queriedRows = FriVerifier.queriedRows(config.fri(), deepCommitment.root(), logDomain, fri, beforeFri);
    }

    /** Stage 8: opens every commitment at the queried rows and assembles the proof. */
    StarkProof openings() {
        List<StarkProof.Opening> openings = new ArrayList<>();
        for (LdeCommitment g : lde) {
            openings.add(open(g, queriedRows));
        }
        openings.add(open(composition, queriedRows));
        List<byte[]> roots = new ArrayList<>();
        roots.add(lde[groups.groupOf(Phase.MAIN)].root());
        int aux = groups.groupOf(Phase.AUX);
        if (aux >= 0) {
            roots.add(lde[aux].root());
        }
        roots.add(composition.root());
        roots.add(friCommitment.root());
        return new StarkProof(logRows, config, roots, ood, fri, openings);
    }

    ConstraintSystem system() {
        return system;
    }

    int rows() {
        return 1 << logRows;
    }

    /** The number of trace columns, m: the out-of-domain values start with 4·m of theirs. */
    int columns() {
        return table.length;
    }

    /** The number of composition chunks (each two base columns). */
    int chunks() {
        return chunks;
    }

    Ext2[] challenges() {
        return witness.challengeValues();
    }

    /** α, drawn by {@link #commitAux}. */
    Ext2 alpha() {
        return alpha;
    }

    /** z, drawn by {@link #commitComposition}. */
    Ext2 z() {
        return z;
    }

    private static LdeCommitment commit(ColumnGroups groups, int group, long[][] table, StarkConfig config) {
        List<Column> cs = groups.columns(group);
        long[][] values = new long[cs.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = table[cs.get(i).index()];
        }
        return LdeCommitment.ofEvaluations(values, config.blowup(), config.fri().foldingFactor(), config.hash());
    }

    private static StarkProof.Opening open(LdeCommitment c, int[] rows) {
        long[][] leaves = new long[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            leaves[r] = c.leaf(rows[r]);
        }
        return new StarkProof.Opening(leaves, c.open(rows));
    }
}
