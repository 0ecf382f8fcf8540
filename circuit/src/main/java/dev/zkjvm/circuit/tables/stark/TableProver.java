package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.field.DotProducts;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriCommitment;
import dev.zkjvm.circuit.fri.FriProof;
import dev.zkjvm.circuit.fri.FriProver;
import dev.zkjvm.circuit.fri.FriVerifier;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.stark.OutOfDomain;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.commit.MixedBatchOpening;
import dev.zkjvm.circuit.tables.logup.BusChallenges;
import dev.zkjvm.circuit.tables.logup.LogupWitness;
import dev.zkjvm.circuit.tables.logup.TableAir;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Proves that a {@link SystemTrace} satisfies its {@link TableSystem} for a statement of public
 * tuples, as a {@link TableProof} that {@link TableVerifier} checks.
 *
 * <p>Stages over one transcript: the exact check (a trace that fails it is refused with the
 * report); for a zero-knowledge key, the trace of the system with its masking bus
 * ({@link ShareMasking}); the FIXED and MAIN columns of all tables extended on their own cosets
 * (MAIN randomised with zero knowledge) and committed in one mixed-height tree per phase (salted);
 * the bus challenges; the LogUp columns built, extended and committed, with every table's share;
 * λ; each table's composition polynomial, in chunks (blinded), committed in one tree with the FRI
 * mask; z; every column's and chunk's value at z (and z·ω_t); γ, δ, μ; the combined DEEP
 * polynomial on the largest domain (plus the mask) and FRI with its degree bound; every phase
 * opened once at all query points.
 */
public final class TableProver {
    private TableProver() {
    }

    /**
     * Proves with the given parameters.
     *
     * @throws UnsatisfiedTablesException if the trace breaks a constraint or a bus
     * @throws IllegalArgumentException if a height does not suit the parameters
     */
    public static TableProof prove(SystemTrace trace, PublicTuples publicTuples, StarkConfig config) {
        return prove(TableKeys.derive(trace.system(), config), trace, publicTuples);
    }

    /**
     * Proves with a proving key derived once for the system.
     *
     * @throws UnsatisfiedTablesException if the trace breaks a constraint or a bus
     * @throws IllegalArgumentException if a height does not suit the parameters
     */
    public static TableProof prove(TableKeys.ProvingKey key, SystemTrace trace, PublicTuples publicTuples) {
        return checkedProof(key, trace, publicTuples, ProverRandomness.fresh());
    }

    /**
     * {@link #prove(TableKeys.ProvingKey, SystemTrace, PublicTuples)} with the zero-knowledge
     * randomness drawn from {@code seed} instead of fresh: the same seed, key, trace and tuples give
     * the same proof, byte for byte, so that a task that proves a piece of a larger statement can be
     * run again (retried) with the same result. The seed must be secret, uniformly random or derived
     * from a secret by a pseudorandom function, and used for one trace only: two different traces
     * proven with one seed would share their masks.
     *
     * @param seed 32 bytes
     */
    public static TableProof prove(TableKeys.ProvingKey key, SystemTrace trace, PublicTuples publicTuples,
            byte[] seed) {
        return checkedProof(key, trace, publicTuples, ProverRandomness.fromSeed(seed));
    }

    private static TableProof checkedProof(TableKeys.ProvingKey key, SystemTrace trace, PublicTuples publicTuples,
            ProverRandomness randomness) {
        if (trace.system() != key.verifyingKey.system) {
            throw new IllegalArgumentException("the key is for table system " + key.verifyingKey.system.name()
                    + ", the trace for " + trace.system().name());
        }
        TableSystemReport report = new TableSystemChecker(trace.system()).check(trace, publicTuples);
        if (!report.isSatisfied()) {
            throw new UnsatisfiedTablesException(report);
        }
        return prove(key, trace, publicTuples, w -> {
        }, HONEST, randomness);
    }

    /** How a table's composition chunks are computed (test provers substitute their own). */
    @FunctionalInterface
    interface CompositionStage {
        long[][] chunks(TableShape t, long[][] extended, int blowup, Ext2[] challenges, Ext2 lambda);
    }

    /** The honest stage: the composition polynomial, interpolated and cut into chunks. */
    static final CompositionStage HONEST = TableComposition::chunks;

    /**
     * The steps after the check, with fresh randomness. {@code afterWitness} sees the LogUp witness
     * before it is committed (the shares are read from its columns afterwards).
     */
    static TableProof prove(TableKeys.ProvingKey key, SystemTrace trace, PublicTuples publicTuples,
            Consumer<LogupWitness> afterWitness, CompositionStage composition) {
        return prove(key, trace, publicTuples, afterWitness, composition, ProverRandomness.fresh());
    }

    /** The steps after the check, with the given randomness (used only for zero-knowledge keys). */
    static TableProof prove(TableKeys.ProvingKey key, SystemTrace trace, PublicTuples publicTuples,
            Consumer<LogupWitness> afterWitness, CompositionStage composition, ProverRandomness randomness) {
        StarkConfig config = key.verifyingKey.config;
        boolean zk = key.verifyingKey.zeroKnowledge;
        ProverRandomness rnd = zk ? randomness : null;
        publicTuples.checkBelongsTo(trace.system());
        if (zk) {
            trace = ShareMasking.trace(trace, key.verifyingKey.proofSystem, rnd);
        }
        TableSystem system = trace.system();
        int tables = system.tables().size();
        int[] logHeights = new int[tables];
        for (int t = 0; t < tables; t++) {
            logHeights[t] = Integer.numberOfTrailingZeros(trace.height(t));
        }
        SystemShape shape = new SystemShape(system, config, zk, logHeights);
        if (shape.tables.stream().allMatch(ts -> ts.columns(Commitment.MAIN).length == 0)) {
            throw new IllegalArgumentException("table system " + system.name() + " has no MAIN column to prove");
        }
        int blowup = config.blowup();

        long[][][] own = new long[tables][][];
        for (int t = 0; t < tables; t++) {
            own[t] = trace.columnsUnsafe(t);
        }
        PhaseCommitment pre = key.preprocessed;
        PhaseCommitment fixed = PhaseCommitment.ofColumns(shape, own, Commitment.FIXED, null);
        Transcript tr = TablesTranscript.begin(shape, publicTuples, key.verifyingKey.preprocessedRoot,
                fixed == null ? null : fixed.root());
        PhaseCommitment main = PhaseCommitment.ofColumns(shape, own, Commitment.MAIN, rnd);
        BusChallenges bus = TablesTranscript.mainRoot(tr, main.root());

        List<TableAir> airs = new ArrayList<>();
        for (TableShape ts : shape.tables) {
            airs.add(ts.air);
        }
        LogupWitness w = LogupWitness.build(airs, trace, bus);
        afterWitness.accept(w);
        long[][][] all = new long[tables][][];
        Ext2[] shares = new Ext2[tables];
        for (int t = 0; t < tables; t++) {
            all[t] = w.columnsUnsafe(t);
            shares[t] = w.share(t);
        }
        PhaseCommitment aux = PhaseCommitment.ofColumns(shape, all, Commitment.AUX, rnd);
        Ext2 lambda = TablesTranscript.auxRoot(tr, aux == null ? null : aux.root(), shares);

        PhaseCommitment[] phases = {pre, fixed, main, aux};
        long[][][] chunkCoefficients = new long[tables][][];
        TableLde[] chunkLdes = new TableLde[tables];
        for (int t = 0; t < tables; t++) {
            TableShape ts = shape.tables.get(t);
            long[][] extended = extendedColumns(ts, t, phases);
            Ext2[] challenges = TableAir.challengeValues(bus, shares[t], ts.rows);
            if (composition == HONEST && ts.compositionOnCoset()) {
                // one chunk of degree below n: its values on the coset are the composition's own
                chunkLdes[t] = TableLde.ofValues(TableComposition.valuesOn(ts, extended, challenges, lambda, ts.ldeSize, 0));
                continue;
            }
            chunkCoefficients[t] = composition.chunks(ts, extended, blowup, challenges, lambda);
            if (zk) {
                chunkCoefficients[t] = ChunkBlinding.blind(chunkCoefficients[t], ts, t, rnd);
            }
            chunkLdes[t] = TableLde.ofCoefficients(chunkCoefficients[t], ts.polyRows, blowup, 0);
        }
        TableLde mask = zk ? friMask(shape, rnd) : null;
        PhaseCommitment comp = PhaseCommitment.of(chunkLdes, mask == null ? List.of() : List.of(mask), rnd,
                ProverRandomness.Purpose.SALT_COMPOSITION, config.hash());
        Ext2 z = TablesTranscript.compositionRoot(tr, comp.root(), shape);

        long[][] ood = new long[tables][];
        for (int t = 0; t < tables; t++) {
            TableShape ts = shape.tables.get(t);
            ood[t] = chunkCoefficients[t] != null ? OutOfDomain.values(all[t], chunkCoefficients[t], z, ts.logRows)
                    : withChunkValues(OutOfDomain.values(all[t], new long[0][], z, ts.logRows), chunkLdes[t], ts, z);
            for (Commitment g : new Commitment[] {Commitment.MAIN, Commitment.AUX}) {
                if (ts.randomised(g) && ts.columns(g).length > 0) {
                    addRandomizers(ood[t], ts.columns(g), phases[g.ordinal()].ldes[t].randomizers, z, ts);
                }
            }
        }
        Ext2[] deep = TablesTranscript.oodValues(tr, ood);
        Ext2 gamma = deep[0];
        Ext2 delta = deep[1];
        Ext2 mu = deep[2];

        int size = 1 << shape.logDomain;
        long[] d0 = mask == null ? new long[size] : java.util.Arrays.copyOf(mask.column(0), size);
        long[] d1 = mask == null ? new long[size] : java.util.Arrays.copyOf(mask.column(1), size);
        Ext2 weight = Ext2.ONE;
        for (int t = 0; t < tables; t++) {
            TableShape ts = shape.tables.get(t);
            addTableDeep(ts, extendedColumns(ts, t, phases), chunkLdes[t], ood[t], z, gamma, delta, weight, d0, d1);
            weight = weight.mul(mu);
        }
        FriCommitment friCommitment = FriCommitment.commit(shape.fri, config.hash(), d0, d1, shape.degreeBound);
        Transcript beforeFri = tr.copy();
        FriProof fri = FriProver.prove(friCommitment, tr);
        int[] points = FriVerifier.queriedPositions(shape.fri, friCommitment.root(), shape.logDomain,
                shape.degreeBound, fri, beforeFri);

        List<MixedBatchOpening> openings = new ArrayList<>();
        for (PhaseCommitment p : new PhaseCommitment[] {pre, fixed, main, aux, comp}) {
            if (p != null) {
                openings.add(p.open(points));
            }
        }
        return new TableProof(zk, logHeights, main.root(), aux == null ? null : aux.root(), comp.root(),
                friCommitment.root(), shares, ood, fri, openings.toArray(new MixedBatchOpening[0]));
    }

    /**
     * The FRI mask: a uniformly random polynomial of GF(p²) of FRI's whole degree bound, on the FRI
     * domain (two base columns), added to the DEEP polynomial so that FRI reveals nothing of it.
     */
    private static TableLde friMask(SystemShape shape, ProverRandomness rnd) {
        int bound = (int) shape.degreeBound;
        long[][] coefficients = {rnd.elements(ProverRandomness.Purpose.FRI_MASK, 0, bound),
            rnd.elements(ProverRandomness.Purpose.FRI_MASK, 1, bound)};
        return TableLde.ofCoefficients(coefficients, 1 << shape.logMax, shape.config.blowup(), 0);
    }

    /**
     * The columns' claimed values followed by those at z of a one-chunk composition committed as
     * its values on the coset: of degree below n, it is determined by its n points on the sub-coset
     * {@code 7·⟨ω_n⟩}, every (L/n)-th point of the coset.
     */
    private static long[] withChunkValues(long[] columns, TableLde chunk, TableShape ts, Ext2 z) {
        long[][] onSubCoset = new long[chunk.width()][ts.rows];
        for (int c = 0; c < onSubCoset.length; c++) {
            long[] values = chunk.column(c);
            for (int i = 0; i < ts.rows; i++) {
                onSubCoset[c][i] = values[i * ts.nextRowOffset];
            }
        }
        long[] chunks = OutOfDomain.valuesOnCoset(onSubCoset, TwoAdic.GENERATOR, z, ts.logRows);
        long[] out = java.util.Arrays.copyOf(columns, columns.length + chunks.length);
        System.arraycopy(chunks, 0, out, columns.length, chunks.length);
        return out;
    }

    /**
     * Adds {@code (z^n - 1)·r(z)} and {@code (z^n - 1)·r(z·ω)} to the claimed values of randomised
     * columns (their polynomial is {@code t + (x^n - 1)·r}, and {@code (z·ω)^n = z^n}).
     */
    private static void addRandomizers(long[] ood, int[] columns, long[][] randomizers, Ext2 z, TableShape ts) {
        Ext2 vanishing = z.pow(ts.rows).sub(Ext2.ONE);
        Ext2 zw = z.mul(TwoAdic.rootOfUnity(ts.logRows));
        for (int i = 0; i < columns.length; i++) {
            int j = columns[i];
            Ext2 atZ = vanishing.mul(dev.zkjvm.circuit.poly.Polynomial.evaluate(randomizers[i], z));
            Ext2 atZw = vanishing.mul(dev.zkjvm.circuit.poly.Polynomial.evaluate(randomizers[i], zw));
            ood[4 * j] = Goldilocks.add(ood[4 * j], atZ.c0());
            ood[4 * j + 1] = Goldilocks.add(ood[4 * j + 1], atZ.c1());
            ood[4 * j + 2] = Goldilocks.add(ood[4 * j + 2], atZw.c0());
            ood[4 * j + 3] = Goldilocks.add(ood[4 * j + 3], atZw.c1());
        }
    }

    /** Every AIR column of table t on its coset, by AIR column index, from the phases' extensions. */
    private static long[][] extendedColumns(TableShape ts, int t, PhaseCommitment[] phases) {
        long[][] out = new long[ts.columnCount()][];
        for (Commitment g : Commitment.values()) {
            int[] idx = ts.columns(g);
            for (int i = 0; i < idx.length; i++) {
                out[idx[i]] = phases[g.ordinal()].ldes[t].column(i);
            }
        }
        return out;
    }

    /**
     * Adds {@code weight·D_t} to the FRI domain's values {@code d0 + X·d1}: the table's DEEP
     * quotient on its coset of L points, the FRI domain's point i taking the table's point
     * {@code i mod L}. The weight is folded into the column weights, and {@code 1/(y - z·ω_t)} is
     * read off the inverses of {@code y - z} (one batch inversion, not two): with
     * {@code ω_t = ω_L^(L/n)}, {@code y_i - z·ω_t = ω_t·(y_(i - L/n) - z)}.
     */
    private static void addTableDeep(TableShape ts, long[][] extended, TableLde chunks, long[] ood, Ext2 z,
            Ext2 gamma, Ext2 delta, Ext2 weight, long[] d0, long[] d1) {
        int m = ts.columnCount();
        int chunkColumns = chunks.width();
        Ext2[] w = DeepQuotient.weights(gamma, m + chunkColumns);
        for (int j = 0; j < w.length; j++) {
            w[j] = w[j].mul(weight);
        }
        Ext2[] claimed = DeepQuotient.claimedSums(ood, m, chunkColumns, w);
        int size = ts.ldeSize;
        long omega = TwoAdic.rootOfUnity(Integer.numberOfTrailingZeros(size));
        long[] iz0 = new long[size];
        long[] iz1 = new long[size];
        int block = dev.zkjvm.circuit.eval.BlockEvaluator.BLOCK;
        int blocks = (size + block - 1) / block;
        dev.zkjvm.circuit.util.Parallel.forChunks(blocks, dev.zkjvm.circuit.util.Parallel.parallelism(), () -> null,
                (ignored, b) -> {
                    int from = b * block;
                    int to = Math.min(size, from + block);
                    long y = Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omega, from));
                    for (int i = from; i < to; i++) {
                        iz0[i] = y;
                        y = Goldilocks.mul(y, omega);
                    }
                    dev.zkjvm.circuit.field.Ext2Arrays.inverseDifferencesInPlace(iz0, iz1, z, from, to);
                });
        int shift = ts.nextRowOffset;
        // δ·(q/(y - z·ω)) = q·(1/(y_(i - L/n) - z))·(δ/ω_t)
        Ext2 deltaShifted = delta.mul(Ext2.of(TwoAdic.inverseRootOfUnity(ts.logRows)));
        long[] w0 = new long[w.length];
        long[] w1 = new long[w.length];
        for (int j = 0; j < w.length; j++) {
            w0[j] = w[j].c0();
            w1[j] = w[j].c1();
        }
        long[][] chunkColumns0 = new long[chunkColumns][];
        for (int c = 0; c < chunkColumns; c++) {
            chunkColumns0[c] = chunks.column(c);
        }
        int total = d0.length;
        Ext2 sumAll = claimed[0];
        Ext2 sumSys = claimed[1];
        boolean narrow = m + chunkColumns <= NARROW_DEEP;
        dev.zkjvm.circuit.util.Parallel.forChunks(blocks, dev.zkjvm.circuit.util.Parallel.parallelism(),
                () -> new DeepScratch(block), (d, b) -> {
                    int from = b * block;
                    int len = Math.min(block, size - from);
                    // Σ_j w_j·f_j(y), the trace columns and the composition's chunks apart
                    if (narrow) {
                        for (int i = 0; i < len; i++) {
                            DotProducts.dotAt(extended, from + i, w0, w1, 0, d.pair);
                            d.sys0[i] = d.pair[0];
                            d.sys1[i] = d.pair[1];
                            DotProducts.dotAt(chunkColumns0, from + i, w0, w1, m, d.pair);
                            d.chunk0[i] = d.pair[0];
                            d.chunk1[i] = d.pair[1];
                        }
                    } else {
                        d.sums(extended, w0, w1, 0, from, len, d.sys0, d.sys1);
                        d.sums(chunkColumns0, w0, w1, m, from, len, d.chunk0, d.chunk1);
                    }
                    for (int i = 0; i < len; i++) {
                        int at = from + i;
                        long sys0 = d.sys0[i];
                        long sys1 = d.sys1[i];
                        // the same formula as DeepQuotient.at, on primitive coordinates
                        long p0 = Goldilocks.sub(Goldilocks.add(sys0, d.chunk0[i]), sumAll.c0());
                        long p1 = Goldilocks.sub(Goldilocks.add(sys1, d.chunk1[i]), sumAll.c1());
                        long q0 = Goldilocks.sub(sys0, sumSys.c0());
                        long q1 = Goldilocks.sub(sys1, sumSys.c1());
                        int before = (at - shift) & (size - 1);
                        long qd0 = Ext2.mulC0(q0, q1, deltaShifted.c0(), deltaShifted.c1());
                        long qd1 = Ext2.mulC1(q0, q1, deltaShifted.c0(), deltaShifted.c1());
                        long v0 = Goldilocks.add(Ext2.mulC0(p0, p1, iz0[at], iz1[at]),
                                Ext2.mulC0(qd0, qd1, iz0[before], iz1[before]));
                        long v1 = Goldilocks.add(Ext2.mulC1(p0, p1, iz0[at], iz1[at]),
                                Ext2.mulC1(qd0, qd1, iz0[before], iz1[before]));
                        for (int k = at; k < total; k += size) {
                            d0[k] = Goldilocks.add(d0[k], v0);
                            d1[k] = Goldilocks.add(d1[k], v1);
                        }
                    }
                });
    }

    /**
     * Up to this many columns the DEEP sums of a point are taken across its columns in registers;
     * above it, column by column over a block of points. Why two ways: reading many columns at one
     * point touches as many pages per point; in three alternating pairs of 2^20-operation
     * zero-knowledge memory proofs (6 Dec 08:17-08:21, the machine's speed drifting) the blocks
     * took 21.9, 14.4 and 15.6 s against 22.5, 15.8 and 21.5 s with every point read across its
     * columns. A few columns are cheaper in registers (the small system's DEEP about 20 → 13 ms).
     */
    private static final int NARROW_DEEP = 16;

    /** One worker's block of DEEP sums. */
    private static final class DeepScratch {
        final long[] sys0;
        final long[] sys1;
        final long[] chunk0;
        final long[] chunk1;
        final long[] pair = new long[2];
        final DotProducts.Sums acc0;
        final DotProducts.Sums acc1;

        DeepScratch(int block) {
            sys0 = new long[block];
            sys1 = new long[block];
            chunk0 = new long[block];
            chunk1 = new long[block];
            acc0 = new DotProducts.Sums(block);
            acc1 = new DotProducts.Sums(block);
        }

        /** {@code out[i] = Σ_j (w0 + w1·u)[offset + j]·columns[j][from + i]}, column by column. */
        void sums(long[][] columns, long[] w0, long[] w1, int offset, int from, int len, long[] out0, long[] out1) {
            acc0.clear(len);
            acc1.clear(len);
            for (int j = 0; j < columns.length; j++) {
                acc0.mulAdd(w0[offset + j], columns[j], from, len);
                acc1.mulAdd(w1[offset + j], columns[j], from, len);
            }
            for (int i = 0; i < len; i++) {
                out0[i] = acc0.get(i);
                out1[i] = acc1.get(i);
            }
        }
    }
}
