package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriQueries;
import dev.zkjvm.circuit.fri.FriVerifier;
import dev.zkjvm.circuit.fri.InvalidFriProofException;
import dev.zkjvm.circuit.fri.MerkleBatch;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.Hasher;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.TwoAdic;
import java.util.List;

/**
 * Verifies a {@link StarkProof} against a constraint system, with nothing else: the FIXED columns
 * (which hold an execution circuit's program) are recomputed into the {@link VerifyingKey}, every
 * other value comes from the proof and is checked.
 *
 * <p>Checks, in order: the parameters are the verifier's own; the shape (root, value and opening
 * counts); the transcript is replayed to re-derive every challenge; the composition identity at z,
 * {@code Σ α^i·c_i(z)/Z_i(z) = Σ z^(j·n)·H_j(z)}, from the claimed values; FRI on the DEEP
 * composition; every opened leaf against its root; the DEEP composition recomputed from the opened
 * leaves at each queried point equals the value FRI opened there.
 */
public final class StarkVerifier {
    private StarkVerifier() {
    }

    /**
     * Whether the proof is valid for {@code system} under {@code config}. Never throws on a bad
     * proof; derives the verifying key for the proof's length.
     */
    public static boolean isValid(ConstraintSystem system, StarkConfig config, StarkProof proof) {
        try {
            verify(system, config, proof);
            return true;
        } catch (InvalidProofException e) {
            return false;
        }
    }

    /** Verifies, deriving the verifying key for the proof's length. */
    public static void verify(ConstraintSystem system, StarkConfig config, StarkProof proof)
            throws InvalidProofException {
        checkHeader(system, config, proof);
        VerifyingKey key = VerifyingKey.derive(system, proof.logRows(), config);
        verify(key, proof);
    }

    /**
     * Verifies against a key derived beforehand.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected
     */
    public static void verify(VerifyingKey key, StarkProof proof) throws InvalidProofException {
        ConstraintSystem system = key.system();
        StarkConfig config = key.config();
        checkHeader(system, config, proof);
        if (proof.logRows() != key.logRows()) {
            throw new InvalidProofException("proof is for 2^" + proof.logRows() + " rows, the key for 2^" + key.logRows());
        }
        int logRows = proof.logRows();
        int n = 1 << logRows;
        int k = config.fri().foldingFactor();
        int logDomain = logRows + config.fri().logBlowup();
        int chunks;
        try {
            chunks = CompositionShape.chunks(system, logRows, config.blowup());
        } catch (IllegalArgumentException e) {
            throw new InvalidProofException(e.getMessage(), e);
        }
        ColumnGroups groups = new ColumnGroups(system);
        int aux = groups.groupOf(Phase.AUX);
        int m = system.columns().size();
        int compositionColumns = 2 * chunks;
        List<byte[]> roots = proof.roots();
        int expectedRoots = 3 + (aux >= 0 ? 1 : 0);
        if (roots.size() != expectedRoots) {
            throw new InvalidProofException("proof has " + roots.size() + " roots, expected " + expectedRoots);
        }
        for (byte[] r : roots) {
            if (r.length != Hasher.DIGEST_SIZE) {
                throw new InvalidProofException("a root has " + r.length + " bytes");
            }
        }
        byte[] mainRoot = roots.get(0);
        byte[] auxRoot = aux >= 0 ? roots.get(1) : null;
        byte[] compositionRoot = roots.get(expectedRoots - 2);
        byte[] deepRoot = roots.get(expectedRoots - 1);
        long[] ood = proof.oodValues();
        if (ood.length != 4 * m + 2 * compositionColumns) {
            throw new InvalidProofException("proof has " + ood.length + " out-of-domain values, expected "
                    + (4 * m + 2 * compositionColumns));
        }

        Transcript t = StarkTranscript.begin(system, logRows, config, key.fixedRoot());
        Ext2[] challenges = StarkTranscript.mainRoot(t, system, mainRoot);
        Ext2 alpha = StarkTranscript.auxRoot(t, auxRoot);
        Ext2 z = StarkTranscript.compositionRoot(t, compositionRoot, logRows, logDomain);
        Ext2[] deep = StarkTranscript.oodValues(t, ood);
        Ext2 gamma = deep[0];
        Ext2 delta = deep[1];

        checkComposition(system, ood, m, chunks, n, z, challenges, alpha);

        FriQueries queries;
        try {
            queries = FriVerifier.check(config.fri(), deepRoot, logDomain, proof.fri(), t);
        } catch (InvalidFriProofException e) {
            throw new InvalidProofException("FRI: " + e.getMessage(), e);
        }
        int[] rows = queriedRows(queries, k);
        List<StarkProof.Opening> openings = proof.openings();
        if (openings.size() != groups.count() + 1) {
            throw new InvalidProofException("proof opens " + openings.size() + " commitments, expected "
                    + (groups.count() + 1));
        }
        int treeDepth = logDomain - config.fri().logFoldingFactor();
        for (int g = 0; g <= groups.count(); g++) {
            int width = g < groups.count() ? groups.columns(g).size() : compositionColumns;
            byte[] root = g < groups.count() ? rootOf(groups.phase(g), key, mainRoot, auxRoot) : compositionRoot;
            checkOpening(openings.get(g), rows, k * width, root, treeDepth, config.hash(), g);
        }

        long[][] w = DeepComposition.weights(gamma, m + compositionColumns);
        OodSums sums = OodSums.of(ood, m, compositionColumns, gamma);
        Ext2 zw = z.mul(TwoAdic.rootOfUnity(logRows));
        long omegaN = TwoAdic.rootOfUnity(logDomain);
        int partRows = 1 << treeDepth;
        for (int ri = 0; ri < rows.length; ri++) {
            for (int part = 0; part < k; part++) {
                Ext2 sys = Ext2.ZERO;
                for (int g = 0; g < groups.count(); g++) {
                    List<Column> cs = groups.columns(g);
                    long[] leaf = openings.get(g).leaves()[ri];
                    for (int c = 0; c < cs.size(); c++) {
                        int j = cs.get(c).index();
                        sys = sys.add(new Ext2(w[0][j], w[1][j]).mul(leaf[part * cs.size() + c]));
                    }
                }
                Ext2 all = sys;
                long[] leaf = openings.get(groups.count()).leaves()[ri];
                for (int c = 0; c < compositionColumns; c++) {
                    all = all.add(new Ext2(w[0][m + c], w[1][m + c]).mul(leaf[part * compositionColumns + c]));
                }
                long x = Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omegaN, rows[ri] + (long) part * partRows));
                Ext2 value = DeepComposition.combine(all, sys, sums.allAtZ(), sums.sysAtZw(),
                        Ext2.of(x).sub(z).inverse(), Ext2.of(x).sub(zw).inverse(), delta);
                int at = ri * k + part;
                if (value.c0() != queries.c0()[at] || value.c1() != queries.c1()[at]) {
                    throw new InvalidProofException("the DEEP composition recomputed from the opened columns differs from "
                            + "FRI's value at query point " + (rows[ri] + part * partRows));
                }
            }
        }
    }

    /** The distinct layer-0 rows FRI queried, increasing (the first of every k indices). */
    private static int[] queriedRows(FriQueries queries, int k) {
        int[] idx = queries.domainIndices();
        int[] rows = new int[idx.length / k];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = idx[r * k];
        }
        return rows;
    }

    private static void checkHeader(ConstraintSystem system, StarkConfig config, StarkProof proof)
            throws InvalidProofException {
        if (!proof.config().equals(config)) {
            throw new InvalidProofException("proof was made with " + proof.config() + ", the verifier requires " + config);
        }
        if (proof.logRows() > VerifyingKey.MAX_LOG_ROWS || (1L << proof.logRows()) < system.minRows()) {
            throw new InvalidProofException("proof claims 2^" + proof.logRows() + " rows, outside [" + system.minRows()
                    + ", 2^" + VerifyingKey.MAX_LOG_ROWS + "]");
        }
    }

    private static byte[] rootOf(Phase phase, VerifyingKey key, byte[] mainRoot, byte[] auxRoot) {
        return switch (phase) {
            case FIXED -> key.fixedRoot();
            case MAIN -> mainRoot;
            case AUX -> auxRoot;
        };
    }

    /** {@code Σ α^i·c_i(z)/Z_i(z) = Σ_j z^(j·n)·(H_j.c0(z) + X·H_j.c1(z))}. */
    private static void checkComposition(ConstraintSystem system, long[] ood, int m, int chunks, int n, Ext2 z,
            Ext2[] challenges, Ext2 alpha) throws InvalidProofException {
        Ext2 sum = constraintsAtZ(system, ood, m, n, z, challenges, alpha);
        if (!sum.equals(claimedComposition(ood, m, chunks, z.pow(n)))) {
            throw new InvalidProofException("the constraints at the out-of-domain point do not match the composition "
                    + "polynomial: the trace does not satisfy the constraints, or the claimed values are false");
        }
    }

    /** {@code Σ α^i·c_i(z)/Z_i(z)} from the claimed column values at z and z·ω. */
    static Ext2 constraintsAtZ(ConstraintSystem system, long[] ood, int m, int n, Ext2 z, Ext2[] challenges,
            Ext2 alpha) {
        Ext2[] cur = new Ext2[m];
        Ext2[] next = new Ext2[m];
        for (int j = 0; j < m; j++) {
            cur[j] = new Ext2(ood[4 * j], ood[4 * j + 1]);
            next[j] = new Ext2(ood[4 * j + 2], ood[4 * j + 3]);
        }
        ExprAtPoint at = new ExprAtPoint(cur, next, challenges);
        Ext2 zn = z.pow(n);
        Ext2 lastRow = Ext2.of(TwoAdic.inverseRootOfUnity(Integer.numberOfTrailingZeros(n)));
        Ext2 invEvery = zn.sub(Ext2.ONE).inverse();
        Ext2 zMinusLast = z.sub(lastRow);
        Ext2 invTransition = zMinusLast.mul(invEvery);
        Ext2 invFirst = z.sub(Ext2.ONE).inverse();
        Ext2 invLast = zMinusLast.inverse();
        Ext2 sum = Ext2.ZERO;
        Ext2 power = Ext2.ONE;
        for (Constraint c : system.constraints()) {
            Ext2 inv = switch (c.kind()) {
                case EVERY_ROW -> invEvery;
                case TRANSITION -> invTransition;
                case FIRST_ROW -> invFirst;
                case LAST_ROW -> invLast;
            };
            sum = sum.add(power.mul(at.evaluate(c.expr())).mul(inv));
            power = power.mul(alpha);
        }
        return sum;
    }

    /** {@code Σ_j z^(j·n)·(H_j.c0(z) + X·H_j.c1(z))} from the claimed chunk values. */
    static Ext2 claimedComposition(long[] ood, int m, int chunks, Ext2 zn) {
        Ext2 claimed = Ext2.ZERO;
        Ext2 znj = Ext2.ONE;
        int base = 4 * m;
        for (int j = 0; j < chunks; j++) {
            Ext2 lo = new Ext2(ood[base + 4 * j], ood[base + 4 * j + 1]);
            Ext2 hi = new Ext2(ood[base + 4 * j + 2], ood[base + 4 * j + 3]);
            claimed = claimed.add(znj.mul(lo.add(hi.mul(ExprAtPoint.X))));
            znj = znj.mul(zn);
        }
        return claimed;
    }

    private static void checkOpening(StarkProof.Opening o, int[] rows, int width, byte[] root, int depth,
            HashAlgorithm hash, int group) throws InvalidProofException {
        if (o.leaves().length != rows.length) {
            throw new InvalidProofException("commitment " + group + ": " + o.leaves().length + " leaves opened, expected "
                    + rows.length);
        }
        byte[][] digests = new byte[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (o.leaves()[r].length != width) {
                throw new InvalidProofException("commitment " + group + ": a leaf of width " + o.leaves()[r].length
                        + ", expected " + width);
            }
            digests[r] = MerkleTree.leafHash(hash, o.leaves()[r]);
        }
        if (!MerkleBatch.verify(hash, root, depth, rows, digests, o.siblings())) {
            throw new InvalidProofException("commitment " + group + ": the opened leaves do not match its root");
        }
    }
}
