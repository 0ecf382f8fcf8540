package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriQueries;
import dev.zkjvm.circuit.fri.FriVerifier;
import dev.zkjvm.circuit.fri.InvalidFriProofException;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.OutOfDomain;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.commit.MixedHeightTree;

import dev.zkjvm.circuit.tables.logup.BusBalance;
import dev.zkjvm.circuit.tables.logup.BusChallenges;
import dev.zkjvm.circuit.tables.logup.TableAir;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a {@link TableProof} against a table system, the parameters and the statement's public
 * tuples. In order: the shape (table count, heights allowed for each table, roots, shares, value
 * counts); the FIXED root derived from the system at the claimed heights; the transcript replayed;
 * the buses' balance (shares plus the public value); each table's composition identity at z; FRI;
 * then, per FRI query, every phase's one path and the combined DEEP value recomputed from the opened
 * leaves against FRI's.
 */
public final class TableVerifier {
    private TableVerifier() {
    }

    /** Whether the proof is valid (deriving the key); never throws on a bad proof. */
    public static boolean isValid(TableSystem system, StarkConfig config, PublicTuples publicTuples, TableProof proof) {
        return isValid(TableKeys.derive(system, config).verifyingKey(), publicTuples, proof);
    }

    /** Whether the proof is valid; never throws on a bad proof. */
    public static boolean isValid(TableKeys.VerifyingKey key, PublicTuples publicTuples, TableProof proof) {
        try {
            verify(key, publicTuples, proof);
            return true;
        } catch (InvalidProofException e) {
            return false;
        }
    }

    /** Verifies, deriving the key (which extends the preprocessed tables: prefer a key derived once). */
    public static void verify(TableSystem system, StarkConfig config, PublicTuples publicTuples, TableProof proof)
            throws InvalidProofException {
        verify(TableKeys.derive(system, config).verifyingKey(), publicTuples, proof);
    }

    /**
     * Verifies against a verifying key.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected
     */
    public static void verify(TableKeys.VerifyingKey key, PublicTuples publicTuples, TableProof proof)
            throws InvalidProofException {
        check(key, publicTuples, proof);
    }

    /** {@link #verify}, returning the query points (FRI domain indices, increasing) it checked. */
    static int[] check(TableKeys.VerifyingKey key, PublicTuples publicTuples, TableProof proof)
            throws InvalidProofException {
        StarkConfig config = key.config;
        publicTuples.checkBelongsTo(key.system);
        TableSystem system = key.proofSystem;
        if (proof.zeroKnowledge != key.zeroKnowledge) {
            throw new InvalidProofException(key.zeroKnowledge ? "the key accepts zero-knowledge proofs only"
                    : "the key is for proofs without zero knowledge");
        }
        SystemShape shape;
        try {
            shape = new SystemShape(system, config, key.zeroKnowledge, proof.logHeights);
        } catch (IllegalArgumentException e) {
            throw new InvalidProofException("proof's heights: " + e.getMessage(), e);
        }
        checkShape(shape, proof);
        int tables = shape.tables.size();

        byte[] fixedRoot = key.fixedRoot(shape, () -> fixedRoot(shape));
        Transcript tr = TablesTranscript.begin(shape, publicTuples, key.preprocessedRoot, fixedRoot);
        BusChallenges bus = TablesTranscript.mainRoot(tr, proof.mainRoot);
        Ext2 lambda = TablesTranscript.auxRoot(tr, proof.auxRoot, proof.shares);
        Ext2 z = TablesTranscript.compositionRoot(tr, proof.compositionRoot, shape);
        Ext2[] deep = TablesTranscript.oodValues(tr, proof.ood);
        Ext2 gamma = deep[0];
        Ext2 delta = deep[1];
        Ext2 mu = deep[2];

        Ext2 imbalance;
        try {
            imbalance = BusBalance.imbalance(proof.shares, publicTuples, bus);
        } catch (ArithmeticException e) {
            throw new InvalidProofException("a public tuple's LogUp denominator is zero for these challenges", e);
        }
        if (!imbalance.isZero()) {
            throw new InvalidProofException("the tables' shares and the public tuples do not balance the buses");
        }
        for (int t = 0; t < tables; t++) {
            TableShape ts = shape.tables.get(t);
            checkComposition(ts, proof.ood[t], TableAir.challengeValues(bus, proof.shares[t], ts.rows), lambda, z);
        }

        FriQueries queries;
        try {
            queries = FriVerifier.check(shape.fri, proof.friRoot, shape.logDomain, shape.degreeBound, proof.fri, tr);
        } catch (InvalidFriProofException e) {
            throw new InvalidProofException("FRI: " + e.getMessage(), e);
        }
        int[] points = queries.positions();
        // FRI's value at each queried point, found among the values of the rows it opened
        java.util.Map<Integer, Integer> friAt = new java.util.HashMap<>();
        int[] idx = queries.domainIndices();
        for (int i = 0; i < idx.length; i++) {
            friAt.put(idx[i], i);
        }
        List<Commitment> phases = phases(shape);
        byte[][] roots = new byte[phases.size() + 1][];
        for (int p = 0; p < phases.size(); p++) {
            roots[p] = switch (phases.get(p)) {
                case PREPROCESSED -> key.preprocessedRoot;
                case FIXED -> fixedRoot;
                case MAIN -> proof.mainRoot;
                case AUX -> proof.auxRoot;
            };
        }
        roots[phases.size()] = proof.compositionRoot;
        PhaseCommitment.Layout[] layouts = new PhaseCommitment.Layout[roots.length];
        for (int p = 0; p < roots.length; p++) {
            layouts[p] = layout(shape, p < phases.size() ? phases.get(p) : null);
        }
        Deep[] tableDeep = new Deep[tables];
        for (int t = 0; t < tables; t++) {
            tableDeep[t] = new Deep(shape.tables.get(t), proof.ood[t], gamma, z);
        }
        if (proof.openings.length != roots.length) {
            throw new InvalidProofException("proof opens " + proof.openings.length + " commitments, expected "
                    + roots.length);
        }
        // leaves[q][p]: the leaves of phase p's tree at query point q
        long[][][][] leaves = new long[points.length][roots.length][][];
        for (int p = 0; p < roots.length; p++) {
            int top = java.util.Arrays.stream(layouts[p].rows()).max().orElse(1);
            int[] treeRows = PhaseCommitment.treeRows(points, top);
            if (!MixedHeightTree.verifyBatch(config.hash(), roots[p], layouts[p].rows(), layouts[p].widths(), treeRows,
                    proof.openings[p])) {
                throw new InvalidProofException("the openings of commitment " + p + " do not match its root");
            }
            for (int q = 0; q < points.length; q++) {
                long[][] opened = proof.openings[p].leaves()[java.util.Arrays.binarySearch(treeRows, points[q] & (top - 1))];
                leaves[q][p] = pointValues(layouts[p], opened, points[q]);
            }
        }
        for (int q = 0; q < points.length; q++) {
            long[][][] os = leaves[q];
            int point = points[q];
            long[] maskLeaf = shape.hiding.on ? os[phases.size()][tables] : null;
            Ext2 value = maskLeaf == null ? Ext2.ZERO : new Ext2(maskLeaf[0], maskLeaf[1]);
            Ext2 weight = Ext2.ONE;
            for (int t = 0; t < tables; t++) {
                value = value.add(weight.mul(tableDeep[t].at(point, os, phases, shape, t, delta)));
                weight = weight.mul(mu);
            }
            int at = friAt.get(point);
            if (value.c0() != queries.c0()[at] || value.c1() != queries.c1()[at]) {
                throw new InvalidProofException("the DEEP value recomputed from the openings differs from FRI's at"
                        + " point " + point);
            }
        }
        return points;
    }

    private static void checkShape(SystemShape shape, TableProof proof) throws InvalidProofException {
        int tables = shape.tables.size();
        if (proof.shares.length != tables || proof.ood.length != tables) {
            throw new InvalidProofException("proof carries values for " + proof.shares.length + " tables, the system has "
                    + tables);
        }
        boolean anyAux = shape.tables.stream().anyMatch(t -> t.columns(Commitment.AUX).length > 0);
        if (anyAux != (proof.auxRoot != null)) {
            throw new InvalidProofException(anyAux ? "proof lacks the AUX root" : "proof has an AUX root the system"
                    + " does not use");
        }
        for (int t = 0; t < tables; t++) {
            TableShape ts = shape.tables.get(t);
            int expected = 4 * ts.columnCount() + 4 * ts.chunks;
            if (proof.ood[t].length != expected) {
                throw new InvalidProofException("table " + ts.air.table().name() + ": " + proof.ood[t].length
                        + " out-of-domain values, expected " + expected);
            }
            if (ts.air.runningSum() == null && !proof.shares[t].isZero()) {
                throw new InvalidProofException("table " + ts.air.table().name() + " has no interaction but claims a"
                        + " non-zero share");
            }
        }
        int commitments = phases(shape).size() + 1;
        if (proof.openings.length != commitments) {
            throw new InvalidProofException("proof opens " + proof.openings.length + " commitments, expected "
                    + commitments);
        }
        for (var o : proof.openings) {
            if (o.leaves().length > shape.fri.queries()
                    || o.siblings().length > (long) shape.fri.queries() * shape.logDomain) {
                throw new InvalidProofException("proof opens " + o.leaves().length + " rows with " + o.siblings().length
                        + " siblings, more than " + shape.fri.queries() + " queries need");
            }
        }
        if (proof.fri.logDomainSize() != shape.logDomain) {
            throw new InvalidProofException("FRI proof is over 2^" + proof.fri.logDomainSize() + " points, expected 2^"
                    + shape.logDomain);
        }
    }

    /** The commitments with at least one column, in order (the composition follows them). */
    private static List<Commitment> phases(SystemShape shape) {
        List<Commitment> out = new ArrayList<>();
        for (Commitment p : Commitment.values()) {
            if (shape.tables.stream().anyMatch(t -> t.columns(p).length > 0)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The root of the non-preprocessed tables' FIXED columns at the proof's heights, from the system alone. */
    static byte[] fixedRoot(SystemShape shape) {
        long[][][] columns = new long[shape.tables.size()][][];
        for (int t = 0; t < columns.length; t++) {
            TableShape ts = shape.tables.get(t);
            columns[t] = new long[ts.columnCount()][];
            for (int j : ts.columns(Commitment.FIXED)) {
                Column c = ts.air.columns().get(j);
                columns[t][j] = ts.air.table().air().fixedValues(c).generate(ts.rows);
            }
        }
        PhaseCommitment fixed = PhaseCommitment.ofColumns(shape, columns, Commitment.FIXED, null);
        return fixed == null ? null : fixed.root();
    }

    /**
     * The layout of a phase's tree ({@code null}: the composition): its tables' extensions, then in
     * a zero-knowledge composition the FRI mask's, then in a salted phase one salt matrix per
     * height (as {@link PhaseCommitment} commits them).
     */
    static PhaseCommitment.Layout layout(SystemShape shape, Commitment phase) {
        java.util.stream.IntStream.Builder rows = java.util.stream.IntStream.builder();
        java.util.stream.IntStream.Builder widths = java.util.stream.IntStream.builder();
        for (TableShape t : shape.tables) {
            if (phase == null || t.columns(phase).length > 0) {
                rows.add(t.ldeSize);
                widths.add(phase == null ? 2 * t.chunks : t.columns(phase).length);
            }
        }
        if (phase == null && shape.hiding.on) {
            rows.add(1 << shape.logDomain);
            widths.add(2);
        }
        return PhaseCommitment.layout(rows.build().toArray(), widths.build().toArray(), salted(shape, phase));
    }

    /** Whether a phase's leaves carry salts: MAIN, AUX and the composition of a zero-knowledge proof. */
    private static boolean salted(SystemShape shape, Commitment phase) {
        return shape.hiding.on && (phase == null || phase == Commitment.MAIN || phase == Commitment.AUX);
    }

    /**
     * Each data matrix's values at {@code point} from the leaves a tree opened for it (the salts
     * dropped): a folded matrix's leaf holds several points.
     */
    static long[][] pointValues(PhaseCommitment.Layout layout, long[][] leaves, int point) {
        long[][] out = new long[layout.factors().length][];
        for (int k = 0; k < out.length; k++) {
            int g = layout.factors()[k];
            out[k] = LeafFolding.point(leaves[k], layout.widths()[k] / g, g, layout.rows()[k] * g, point);
        }
        return out;
    }

    /** {@code Σ λ^i·c_i(z)/Z_i(z) = Σ_j z^(j·n)·(H_j.c0(z) + X·H_j.c1(z))} for one table. */
    private static void checkComposition(TableShape ts, long[] ood, Ext2[] challenges, Ext2 lambda, Ext2 z)
            throws InvalidProofException {
        int m = ts.columnCount();
        Ext2 sum = OutOfDomain.constraintQuotients(ts.constraints, ood, m, ts.logRows, z, challenges, lambda);
        Ext2 claimed = OutOfDomain.claimedComposition(ood, m, ts.chunks, z.pow(ts.polyRows));
        if (!sum.equals(claimed)) {
            throw new InvalidProofException("table " + ts.air.table().name() + ": the constraints at the out-of-domain"
                    + " point do not match its composition polynomial");
        }
    }

    /** One table's DEEP quotient at the FRI domain's points, from the opened leaves. */
    private static final class Deep {
        private final Ext2[] w;
        private final Ext2[] claimed;
        private final Ext2 z;
        private final Ext2 zw;
        private final int m;
        private final int chunkColumns;

        Deep(TableShape ts, long[] ood, Ext2 gamma, Ext2 z) {
            this.m = ts.columnCount();
            this.chunkColumns = 2 * ts.chunks;
            this.w = DeepQuotient.weights(gamma, m + chunkColumns);
            this.claimed = DeepQuotient.claimedSums(ood, m, chunkColumns, w);
            this.z = z;
            this.zw = z.mul(TwoAdic.rootOfUnity(ts.logRows));
        }

        /** D_t at the table's image of FRI point i. */
        Ext2 at(int i, long[][][] os, List<Commitment> phases, SystemShape shape, int t, Ext2 delta) {
            TableShape ts = shape.tables.get(t);
            int size = ts.ldeSize;
            int local = i & (size - 1);
            Ext2 sys = Ext2.ZERO;
            for (int p = 0; p < phases.size(); p++) {
                int[] idx = ts.columns(phases.get(p));
                if (idx.length == 0) {
                    continue;
                }
                long[] leaf = os[p][matrixIndex(shape, phases.get(p), t)];
                for (int c = 0; c < idx.length; c++) {
                    sys = sys.add(w[idx[c]].mul(leaf[c]));
                }
            }
            Ext2 all = sys;
            long[] leaf = os[phases.size()][t];
            for (int c = 0; c < chunkColumns; c++) {
                all = all.add(w[m + c].mul(leaf[c]));
            }
            long y = Goldilocks.mul(TwoAdic.GENERATOR,
                    Goldilocks.pow(TwoAdic.rootOfUnity(Integer.numberOfTrailingZeros(size)), local));
            return DeepQuotient.at(y, all, sys, claimed, z, zw, delta);
        }

        /** The position of table t among the matrices of a phase's tree. */
        private static int matrixIndex(SystemShape shape, Commitment phase, int t) {
            int i = 0;
            for (int u = 0; u < t; u++) {
                if (shape.tables.get(u).columns(phase).length > 0) {
                    i++;
                }
            }
            return i;
        }
    }
}
